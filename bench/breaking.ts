/**
 * What the breaking-news strip costs a page: `npm run bench:breaking`
 *
 * The strip is filled in as every reader's page is sent (plugins/breaking.ts):
 * a search of the body for the layout's marker and a replacement, with the
 * strip read from the store and drawn once per change. This serves the demo
 * newsroom from one in-process server with the render cache off (every
 * request is rendered, the case where the strip's work is paid), in
 * alternating rounds with and without a live breaking story, and times the
 * strip's own string work on the same bodies beside the whole request.
 * Prints medians and p95, and the share of a request the strip takes.
 */
import { loadDemo } from '../src/services/demo.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { siteConfig } from '../src/web/config.js';
import { BREAKING_MARKER, breakingStrip } from '../src/web/plugins/breaking.js';
import { buildServer } from '../src/web/server.js';
import { articleUrl } from '../src/web/urls.js';
import { quantile } from './lib.js';

const ROUNDS = 6;
const REQUESTS = 300;
const ms = (x: number) => x.toFixed(3);

const store = await openSqliteStore(':memory:');
await loadDemo(store);
const site = siteConfig({}, {});
const app = await buildServer({ store, site, cacheBytes: 0 });
const { articles } = await store.listArticles({ page: 1, limit: 40 });
const urls = ['/', ...articles.map((a) => articleUrl(a.slug)), '/tags/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9'];
const breaking = (await store.getArticleById(articles[0]!.id))!;

async function round(live: boolean) {
  const { id, title, description, tags, body, publishedAt } = breaking;
  await store.saveArticles([{ id, title, description, tags, body, publishedAt: publishedAt!, breakingUntil: live ? new Date(Date.now() + 3600_000).toISOString() : null }]);
  const request: number[] = [];
  const strip: number[] = [];
  const story = live ? (await store.breakingNews(new Date().toISOString())).story : null;
  // Drawn once per change, as the plugin does.
  const drawn = story ? breakingStrip(story, site).value : '';
  for (let i = 0; i < REQUESTS; i++) {
    const url = urls[i % urls.length]!;
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url });
    request.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    // The hook's string work on a body as the layout leaves it (the marker back in the strip's place).
    const rendered = res.body.replace(/<div class="breaking"[\s\S]*?<\/div><\/div>/, BREAKING_MARKER);
    const t1 = performance.now();
    for (let k = 0; k < 100; k++) {
      if (rendered.includes(BREAKING_MARKER)) rendered.replace(BREAKING_MARKER, drawn);
    }
    strip.push((performance.now() - t1) / 100);
  }
  return { request, strip };
}

const results = { live: { request: [] as number[], strip: [] as number[] }, none: { request: [] as number[], strip: [] as number[] } };
for (let r = 0; r < ROUNDS; r++) {
  for (const live of r % 2 === 0 ? [true, false] : [false, true]) {
    const { request, strip } = await round(live);
    const into = live ? results.live : results.none;
    into.request.push(...request);
    into.strip.push(...strip);
  }
}
console.log(`demo newsroom (${await store.countArticles()} articles), render cache off, ${ROUNDS} alternating rounds of ${REQUESTS} requests (home, 40 articles, a tag page), node ${process.version}`);
console.log('strip          request p50 / p95 ms    strip work p50 / p95 ms    strip share of p50');
for (const [name, r] of Object.entries(results)) {
  const share = (quantile(r.strip, 0.5) / quantile(r.request, 0.5)) * 100;
  console.log(`${name.padEnd(14)} ${ms(quantile(r.request, 0.5)).padStart(8)} / ${ms(quantile(r.request, 0.95)).padEnd(14)} ${ms(quantile(r.strip, 0.5)).padStart(8)} / ${ms(quantile(r.strip, 0.95)).padEnd(16)} ${share.toFixed(2)}%`);
}
console.log(`with a live story / without, request p50: ${(quantile(results.live.request, 0.5) / quantile(results.none.request, 0.5)).toFixed(3)}`);
await app.close();
await store.close();
