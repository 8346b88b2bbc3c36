import { readFileSync } from 'node:fs';
import { parseTextArticle } from '../../src/content/parsers/text.js';
import { saveArticles } from '../../src/services/articles.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { SEED } from './paths.js';
import { article, memoryStore } from './store.js';

export const SEED_SLUG = 'لقاء-بوتين-والأسد-في-الكرملين-تصاعد-التوتر-في-الشرق-الأوسط';

/** The seed article among eight of ours that share its tags, and a draft. */
export async function seedSite(): Promise<{ store: SqliteStore; app: Awaited<ReturnType<typeof buildServer>> }> {
  const store = await memoryStore();
  await saveArticles(store, Array.from({ length: 8 }, (_, i) => article({ tags: i % 2 ? ['سوريا'] : ['روسيا', 'سياسة'] })));
  await saveArticles(store, [article({ status: 'draft', tags: ['سوريا'], title: 'مسودة لم تنشر: تفاصيل' })]);
  await saveArticles(store, [{ ...parseTextArticle(readFileSync(SEED, 'utf8')), publishedAt: '2026-11-01T09:00:00Z' }]);
  const app = await buildServer({ store, site: siteConfig({ timeZone: 'Asia/Riyadh' }, {}) });
  return { store, app };
}
