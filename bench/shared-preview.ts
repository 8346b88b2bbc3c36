/**
 * What a shared preview costs: `npm run bench:shared-preview`
 *
 * On the demo newsroom (SQLite in memory), 10 drafts made from 10 of its
 * stories, each shared by a link (services/preview-links.ts). Times, in
 * alternating order, GET /preview/:token of a draft (the token's lookup, the
 * story read, the links a save would pick, the page) beside GET of the
 * published story it was made from with the render cache off (the baseline:
 * a stored page read and rendered). Prints medians, p95 and their ratio.
 */
import { sharePreview } from '../src/services/preview-links.js';
import * as workflow from '../src/services/workflow.js';
import { siteConfig } from '../src/web/config.js';
import { buildServer } from '../src/web/server.js';
import { articleUrl } from '../src/web/urls.js';
import { demoNewsroom, quantile } from './lib.js';

const STORIES = 10;
const ROUNDS = 30;
const ms = (x: number) => x.toFixed(2);

const { store, actor } = await demoNewsroom();
const app = await buildServer({ store, site: siteConfig({}, {}), cacheBytes: 0, newsroom: { scheduler: false, webhooks: false } });
const { articles } = await store.listArticles({ page: 1, limit: STORIES });
const pairs: { page: string; preview: string }[] = [];
for (const a of articles) {
  const story = (await store.getArticleById(a.id))!;
  const draft = await workflow.createArticle(store, actor, { title: `${story.title} (نسخة محدثة)`, description: story.description, tags: story.tags, body: story.body });
  const { token } = await sharePreview(store, actor, draft.id);
  pairs.push({ page: articleUrl(story.slug), preview: `/preview/${token}` });
}

async function get(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await app.inject({ method: 'GET', url });
  const took = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  return took;
}

const previews: number[] = [];
const pages: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const { page, preview } of pairs) {
    if (round % 2) {
      previews.push(await get(preview));
      pages.push(await get(page));
    } else {
      pages.push(await get(page));
      previews.push(await get(preview));
    }
  }
}
console.log(`demo newsroom (${await store.countArticles()} articles), SQLite in memory, node ${process.version}, ${previews.length} requests each`);
console.log(`published page, cache off: p50 ${ms(quantile(pages, 0.5))} ms, p95 ${ms(quantile(pages, 0.95))} ms`);
console.log(`shared preview:             p50 ${ms(quantile(previews, 0.5))} ms, p95 ${ms(quantile(previews, 0.95))} ms (p50 ratio ${(quantile(previews, 0.5) / quantile(pages, 0.5)).toFixed(2)})`);
await app.close();
await store.close();
