/**
 * "آخر تحديث": an article page says when the story was edited after it was
 * published, and only then (not for a backdated or imported story's first
 * save, nor for the scheduler's publication, nor a fix right after publishing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import { siteConfig } from '../../src/web/config.js';
import { updatedLine } from '../../src/web/pages/article.js';
import { buildServer } from '../../src/web/server.js';
import { articleUrl } from '../../src/web/urls.js';
import { article, memoryStore } from '../helpers/store.js';

const site = siteConfig({ timeZone: 'Asia/Riyadh' }, {});
const hour = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const shown = (publishedAt: number | null, createdAt: number, updatedAt: number) =>
  updatedLine({ publishedAt: publishedAt === null ? null : iso(publishedAt), createdAt: iso(createdAt), updatedAt: iso(updatedAt) }, site).value;

test('the notice shows for an edit after publication, and not otherwise', () => {
  const t = Date.UTC(2026, 10, 20, 9, 0);
  assert.match(shown(t, t, t + 2 * hour), /آخر تحديث: <time datetime="2026-11-20T11:00:00.000Z">20 نوفمبر 2026 [^<]*2:00[^<]*<\/time>/, 'edited two hours after');
  assert.equal(shown(t, t, t + 10 * 60_000), '', 'a fix ten minutes after publishing');
  assert.equal(shown(t - 48 * hour, t, t), '', 'a backdated or imported story, saved once');
  assert.equal(shown(t, t - 48 * hour, t), '', 'a draft written two days ago, published now (or by the scheduler)');
  assert.equal(shown(null, t, t + 5 * hour), '', 'never published');
});

test('an article page shows the notice once the story is edited, with the time dateModified gives', async () => {
  const store = await memoryStore();
  const app = await buildServer({ store, site });
  try {
    const [saved] = await saveArticles(store, [article({ title: 'حريق في سوق الخضار: الدفاع المدني يسيطر على النيران', publishedAt: iso(Date.now() - 3 * hour) })]);
    const url = articleUrl(saved!.article.slug);
    assert.doesNotMatch((await app.inject(url)).body, /آخر تحديث/, 'published three hours ago, never edited');

    // Written three hours ago; edited now.
    await store.db.updateTable('articles').set({ created_at: iso(Date.now() - 3 * hour) }).where('id', '=', saved!.article.id).execute();
    const [edited] = await saveArticles(store, [{ ...article(), id: saved!.article.id, title: saved!.article.title, publishedAt: saved!.article.publishedAt!, body: `${saved!.article.body}\n\nوأعلن الدفاع المدني لاحقاً عدم وقوع إصابات.` }]);
    const page = (await app.inject(url)).body;
    assert.ok(page.includes(`آخر تحديث: <time datetime="${edited!.article.updatedAt}">`));
    assert.ok(page.includes(`"dateModified":"${edited!.article.updatedAt}"`));
  } finally {
    await app.close();
    await store.close();
  }
});
