/**
 * The home page's section blocks beside its list: `npm run bench:sections -- DB`
 *
 * DB is a database grown by `bench:scale --db PATH` (or any site). In one
 * process, in alternating rounds, times the first page's list read (the list,
 * its count and the featured lead, one statement) and the sections' read
 * (store.listSections: the newest headlines of six tags, one UNION ALL
 * statement), here the site's six largest tags, so that each range is full,
 * and the columns' block (the newest opinion pieces, a range of
 * articles_by_genre). Prints medians and p95 of each and their ratios to
 * the list's.
 */
import { openStore } from '../src/store/open.js';
import { HOME_LEAD, SECTION_HEADLINES } from '../src/web/pages/list.js';
import { quantile } from './lib.js';

const ROUNDS = 400;
const PAGE = 12;
const location = process.argv[2];
if (!location) throw new Error('usage: bench/sections.js DB (a SQLite file or a PostgreSQL URL)');

const store = await openStore(location);
const largest = (await store.listTags()).sort((a, b) => b.count - a.count).slice(0, 6);
const tags = largest.map((t) => t.name);
const READS = {
  list: () => store.listArticles({ page: 1, limit: PAGE, lead: HOME_LEAD }),
  // As deep as the home route reads them since the columns' block (a column there is not repeated under its section).
  sections: () => store.listSections(tags, 2 * SECTION_HEADLINES + HOME_LEAD + PAGE),
  columns: () => store.listArticles({ page: 1, limit: SECTION_HEADLINES + HOME_LEAD + PAGE, genre: 'opinion' }),
};
type Read = keyof typeof READS;
const kinds = Object.keys(READS) as Read[];
const times: Record<Read, number[]> = { list: [], sections: [], columns: [] };
for (let r = 0; r < ROUNDS; r++) {
  // Each round in another order, so that no read always runs first.
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[(k + r) % kinds.length]!;
    const t = performance.now();
    await READS[kind]();
    times[kind].push(performance.now() - t);
  }
}
console.log(`${await store.countArticles()} articles (${(await store.listArticles({ page: 1, limit: 1, genre: 'opinion' })).total} opinion); the six largest tags hold ${largest.map((t) => t.count).join(', ')}; ${ROUNDS} rounds, node ${process.version}`);
for (const [kind, xs] of Object.entries(times)) console.log(`${kind.padEnd(9)} p50 ${quantile(xs, 0.5).toFixed(3)} ms   p95 ${quantile(xs, 0.95).toFixed(3)} ms`);
for (const kind of ['sections', 'columns'] as const) console.log(`${kind} / list, p50: ${(quantile(times[kind], 0.5) / quantile(times.list, 0.5)).toFixed(2)}`);
await store.close();
