/**
 * What live coverage costs: `npm run bench:live`
 *
 * A live story is saved whole at every update (its updates are parsed into
 * sections and indexed with it), so posting grows with the updates it has.
 * On the demo newsroom (SQLite in memory), for stories with 0, 100, 300 and
 * 950 updates already (MAX_LIVE_UPDATES is 1,000), this times:
 *   - posting one more update (workflow.addLiveUpdate: read, check, save,
 *     index, related links), beside an ordinary edit of an ordinary story
 *     of the demo, in alternating order;
 *   - rendering the story's page with the render cache off, beside the same
 *     story before it went live;
 *   - a reader's check (live.js): the page revalidated with its ETag, cache on.
 * Prints medians and p95, and the ratios to the baselines.
 */
import { gzipSync } from 'node:zlib';
import type { LiveUpdate } from '../src/content/article.js';
import * as workflow from '../src/services/workflow.js';
import { siteConfig } from '../src/web/config.js';
import { buildServer } from '../src/web/server.js';
import { articleUrl } from '../src/web/urls.js';
import { demoNewsroom, quantile } from './lib.js';

const SIZES = [0, 100, 300, 950];
const POSTS = 30;
const RENDERS = 200;
const ms = (x: number) => x.toFixed(2);

// Updates of an election night, written for this bench; numbered so that no two are the same.
const LINES = [
  'أعلنت الهيئة العليا للانتخابات أن نسبة المشاركة بلغت {n} بالمئة في الدوائر التي أغلقت مراكزها.',
  '> «العملية تجري في هدوء، ولم نسجل خروقات تؤثر في النتائج» — رئيس الهيئة في مؤتمر صحفي رقم {n}.',
  'وصلت محاضر {n} مكتباً من مكاتب الاقتراع في صفاقس وسوسة إلى مقر الهيئة في العاصمة.',
  '## نتائج أولية\n\nتتقدم قائمة الوفاق المحلي في {n} دائرة، تليها القوائم المستقلة ثم قائمة الأمل.',
  'قال مراقبون من الاتحاد الأوروبي إن {n} مكتباً فتحت أبوابها متأخرة بسبب نقص في البطاقات.',
];
const updateText = (n: number) => LINES[n % LINES.length]!.replace('{n}', String(n));

const { store, actor } = await demoNewsroom();
const site = siteConfig({}, {});
const uncached = await buildServer({ store, site, cacheBytes: 0 });
const cached = await buildServer({ store, site });
const { articles } = await store.listArticles({ page: 1, limit: 12 });
const live = (await store.getArticleById(articles[0]!.id))!;
const plain = (await store.getArticleById(articles[1]!.id))!;

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

async function renders(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    times.push(
      await timed(async () => {
        const res = await uncached.inject({ method: 'GET', url });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      }),
    );
  }
  return times;
}

console.log(`demo newsroom (${await store.countArticles()} articles), SQLite in memory, node ${process.version}`);
console.log('updates  post p50 / p95 ms   edit p50 ms  post/edit   page p50 ms  plain page p50  page ratio   check (304) p50 ms   page KB (gzip)');
const url = articleUrl(live.slug);
// The baseline page: the same story before it goes live.
const plainTimes = await renders(url);
for (const size of SIZES) {
  const updates: LiveUpdate[] = Array.from({ length: size }, (_, i) => ({ id: i + 1, at: new Date(Date.now() - (size - i) * 60_000).toISOString(), text: updateText(i + 1) }));
  await store.saveArticles([{ id: live.id, title: live.title, description: live.description, tags: live.tags, body: live.body, publishedAt: live.publishedAt!, live: 'live', liveUpdates: updates }]);
  const pages = await renders(url);
  const posts: number[] = [];
  const edits: number[] = [];
  for (let i = 0; i < POSTS; i++) {
    const post = () => timed(() => workflow.addLiveUpdate(store, actor, live.id, updateText(size + i + 1)));
    const edit = () => timed(() => workflow.updateArticle(store, actor, plain.id, { description: `${plain.description} ${i % 2 ? '' : '.'}`.trim() }));
    if (i % 2) {
      posts.push(await post());
      edits.push(await edit());
    } else {
      edits.push(await edit());
      posts.push(await post());
    }
  }
  const first = await cached.inject({ method: 'GET', url });
  const etag = String(first.headers.etag);
  const checks: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    checks.push(
      await timed(async () => {
        const res = await cached.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
        if (res.statusCode !== 304) throw new Error(`check: ${res.statusCode}`);
      }),
    );
  }
  const post50 = quantile(posts, 0.5);
  const edit50 = quantile(edits, 0.5);
  const page50 = quantile(pages, 0.5);
  const plain50 = quantile(plainTimes, 0.5);
  console.log(
    `${String(size).padStart(7)}  ${ms(post50).padStart(7)} / ${ms(quantile(posts, 0.95)).padEnd(8)}  ${ms(edit50).padStart(10)}  ${(post50 / edit50).toFixed(2).padStart(9)}   ${ms(page50).padStart(10)}  ${ms(plain50).padStart(14)}  ${(page50 / plain50).toFixed(2).padStart(10)}   ${ms(quantile(checks, 0.5)).padStart(10)}   ${(first.rawPayload.length / 1024).toFixed(0).padStart(7)} (${(gzipSync(first.rawPayload).length / 1024).toFixed(0)})`,
  );
}
await uncached.close();
await cached.close();
await store.close();
