/**
 * Search benchmark: `npm run bench:search -- ../shared/corpus/arabic-news.jsonl`
 *
 * At the corpus size (4,002 articles) and at 100,000 articles (made by
 * recombining corpus paragraphs under new ids), on a SQLite file:
 *
 *   indexing  `searchIndex.rebuild()`, the path `sahifa reindex` takes: read
 *             each published article, parse its stored sections, analyse
 *             title, description and body (tokenize, normalize, stem), insert
 *             the six columns into FTS5, one transaction, then FTS5's
 *             'optimize'. Articles/s, analysis included. The article rows
 *             themselves are bulk-inserted beforehand (not timed): the
 *             store's saveOne writes the same index row per article through
 *             the same function, inside the article's transaction.
 *   queries   a fixed set of queries through `store.search()` (the path of
 *             /api/search: parse, count, rank, fetch the page, snippets from
 *             the original text), p50/p95/p99 over several passes after a
 *             warm-up pass.
 *   baseline  what WordPress does: every word `LIKE '%w%'` over title,
 *             excerpt and body, ANDed, a count and a page ordered by
 *             title match then date, over the same rows and file.
 *
 * Writes the table into the "## Search" section of BENCHMARKS.md.
 * Corpus: ANT Corpus v2.1 subset (../shared/corpus), read at run time only.
 */
import Sqlite from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArticleInput } from '../src/content/article.js';
import { parseBody, type Section } from '../src/content/body.js';
import { tagKey } from '../src/content/tags.js';
import { parseFile } from '../src/services/import.js';
import { indexColumns } from '../src/search/fields.js';
import { COUNT_CAP, EXACT_RANK_LIMIT, RANK_WINDOW } from '../src/search/sqlite-fts.js';
import type { SearchQuery } from '../src/search/types.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { mulberry32 } from './corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CITATION = 'ANT Corpus v2.1 subset (../shared/corpus)';

/** The fixed query set: news vocabulary in the spellings readers type (written for this benchmark). */
export const QUERIES: SearchQuery[] = [
  { q: 'الرئيس الامريكي' },
  { q: 'ايران' },
  { q: 'اسعار النفط' },
  { q: 'كاس العالم' },
  { q: 'الذكاء الاصطناعي' },
  { q: 'البنك المركزي' },
  { q: 'الانتخابات العراقيه' },
  { q: 'المنتخب المصري' },
  { q: 'ترامب' },
  { q: 'كوريا الشماليه' },
  { q: 'اللاجئين' },
  { q: 'الاقتصاد العالمي' },
  { q: 'هاتف ذكي' },
  { q: '"مجلس الامن"' },
  { q: '"كرة القدم"' },
  { q: 'الازمه السوريه' },
  { q: 'محمد صلاح' },
  { q: 'فيسبوك -واتساب' },
  { q: 'التضخم' },
  { q: 'مهرجان السينما' },
  { q: 'العقوبات الامريكيه على ايران' },
  { q: 'وزير الخارجيه' },
  { q: 'الدوري الاسباني' },
  { q: 'الطاقه المتجدده' },
  { q: 'شركه ابل' },
  { q: 'الرئيس', sort: 'date' },
  { q: 'السعوديه', sort: 'date' },
  { q: 'الحكومه', sort: 'date' },
  { q: 'الصين', page: 3 },
  { q: 'روسيا والولايات المتحده' },
];

/** Not in the set: the worst cases, reported apart (words in most articles). */
export const WORST: SearchQuery[] = [{ q: 'في' }, { q: 'العام' }, { q: 'الرئيس' }, { q: 'قال الرئيس', sort: 'date' }];

const PASSES = 5;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));


interface Source {
  title: string;
  description: string;
  tags: string[];
  sections: Section[];
  paragraphs: string[];
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Writes `count` article rows: the corpus itself, or recombined corpus paragraphs under new ids. */
function fillRows(file: string, sources: Source[], count: number): void {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    `INSERT INTO articles (slug, title, description, body, sections, author, source, external_id, status, published_at, updated_at, created_at, import_meta)
     VALUES (?, ?, ?, ?, ?, '', '', ?, 'published', ?, ?, ?, '{"seeAlso":[],"related":[]}')`,
  );
  const tagIds = new Map<string, number | bigint>();
  const insertTag = db.prepare('INSERT INTO tags (name, key) VALUES (?, ?)');
  const link = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id, position, published_at) VALUES (?, ?, ?, ?)');
  const rand = mulberry32(count);
  const start = Date.UTC(2018, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      let title: string;
      let description: string;
      let sections: Section[];
      let tags: string[];
      if (count <= sources.length) {
        ({ title, description, sections, tags } = sources[i]!);
      } else {
        const pick = () => sources[Math.floor(rand() * sources.length)]!;
        const shape = pick();
        title = pick().title;
        description = pick().description;
        const paragraphs = shape.paragraphs.map(() => {
          const p = pick().paragraphs;
          return p[Math.floor(rand() * p.length)]!;
        });
        sections = [{ heading: null, blocks: paragraphs.map((text) => ({ kind: 'paragraph' as const, text, html: escape(text) })) }];
        tags = pick().tags;
      }
      const body = sections.flatMap((s) => [...(s.heading ? [`## ${s.heading}`] : []), ...s.blocks.map((b) => b.text)]).join('\n\n');
      const at = new Date(start + i * 5 * 60_000).toISOString();
      const { lastInsertRowid } = insert.run(`bench-${i + 1}`, title, description, body, JSON.stringify(sections), `bench:${i + 1}`, at, at, at);
      tags.forEach((name, position) => {
        const key = tagKey(name);
        if (!key) return;
        let id = tagIds.get(key);
        if (id === undefined) {
          id = insertTag.run(name, key).lastInsertRowid;
          tagIds.set(key, id);
        }
        link.run(lastInsertRowid, id, position, at);
      });
    }
  })();
  db.close();
}

/** WordPress's search: each word LIKE '%w%' in title, excerpt or content; ANDed; NOT LIKE for -words. */
function likeSearch(db: Sqlite.Database, query: SearchQuery, now: string): number {
  const words = query.q.replace(/["«»]/g, ' ').split(/\s+/).filter((w) => w && w !== '-');
  const clauses: string[] = [];
  const params: string[] = [];
  for (const w of words) {
    if (w.startsWith('-')) {
      clauses.push(`(title NOT LIKE ? AND description NOT LIKE ? AND body NOT LIKE ?)`);
      const p = `%${w.slice(1)}%`;
      params.push(p, p, p);
    } else {
      clauses.push(`(title LIKE ? OR description LIKE ? OR body LIKE ?)`);
      const p = `%${w}%`;
      params.push(p, p, p);
    }
  }
  const where = `status = 'published' AND published_at <= ? AND ${clauses.join(' AND ')}`;
  const { n } = db.prepare(`SELECT count(*) AS n FROM articles WHERE ${where}`).get(now, ...params) as { n: number };
  const limit = query.limit ?? 10;
  const offset = ((query.page ?? 1) - 1) * limit;
  const order = query.sort === 'date' ? 'published_at DESC' : `(title LIKE ?) DESC, published_at DESC`;
  const orderParams = query.sort === 'date' ? [] : [`%${words.join(' ')}%`];
  db.prepare(`SELECT id, slug, title, description, published_at FROM articles WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`).all(now, ...params, ...orderParams);
  return n;
}

interface SizeResult {
  articles: number;
  indexSeconds: number;
  /** CPU time of the rebuild, both threads. */
  indexCpuSeconds: number;
  analysisSeconds: number;
  dbMB: number;
  indexMB: number;
  fts: { p50: number; p95: number; p99: number; mean: number };
  /** CPU time of the process per query (all its threads): what the other work on the machine cannot inflate. */
  cpu: { p50: number; p95: number; p99: number; mean: number };
  like: { p50: number; p95: number; p99: number; mean: number };
  worst: { q: string; ms: number; total: number }[];
  likePasses: number;
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean: xs.reduce((a, b) => a + b, 0) / xs.length };
}

async function runSize(sources: Source[], count: number, dir: string): Promise<SizeResult> {
  const file = path.join(dir, `search-${count}.db`);
  await (await openSqliteStore(file)).close();
  let t = performance.now();
  fillRows(file, sources, count);
  console.log(`  ${count} article rows written in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed as indexing)`);

  const store = await openSqliteStore(file);
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const indexed = await store.searchIndex.rebuild();
  const indexSeconds = (performance.now() - t) / 1000;
  const indexCpu = process.cpuUsage(cpu0);
  const indexCpuSeconds = (indexCpu.user + indexCpu.system) / 1e6;
  console.log(`  indexed ${indexed} articles in ${indexSeconds.toFixed(1)} s: ${Math.round(indexed / indexSeconds)} articles/s (CPU ${indexCpuSeconds.toFixed(1)} s, both threads)`);

  // The analysis alone, on this thread, over the same rows (sections parsed outside the timer).
  await store.close();
  const raw = new Sqlite(file);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const dbBytes = (raw.pragma('page_count', { simple: true }) as number) * pageSize;
  const { bytes: indexBytes } = raw.prepare(`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%'`).get() as { bytes: number };
  let analysisMs = 0;
  for (const r of raw.prepare('SELECT title, description, sections FROM articles').iterate() as Iterable<{ title: string; description: string; sections: string }>) {
    const sections = JSON.parse(r.sections) as Section[];
    const a = performance.now();
    indexColumns(r.title, r.description, sections);
    analysisMs += performance.now() - a;
  }
  raw.close();
  const reopened = await openSqliteStore(file);
  const db = new Sqlite(file, { readonly: true });

  // Queries, warm-up pass first.
  for (const q of QUERIES) await reopened.search({ limit: 10, ...q });
  const times: number[] = [];
  const cpu: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const q of QUERIES) {
      const a = performance.now();
      const c = process.cpuUsage();
      await reopened.search({ limit: 10, ...q });
      const d = process.cpuUsage(c);
      times.push(performance.now() - a);
      cpu.push((d.user + d.system) / 1000);
    }
  }
  const worst: SizeResult['worst'] = [];
  for (const q of WORST) {
    await reopened.search({ limit: 10, ...q });
    const a = performance.now();
    const r = await reopened.search({ limit: 10, ...q });
    worst.push({ q: `${q.q}${q.sort === 'date' ? ' (by date)' : ''}`, ms: performance.now() - a, total: r.total });
  }

  const now = new Date().toISOString();
  const likePasses = count > 10_000 ? 1 : PASSES;
  for (const q of QUERIES.slice(0, 3)) likeSearch(db, q, now);
  const likeTimes: number[] = [];
  for (let pass = 0; pass < likePasses; pass++) {
    for (const q of QUERIES) {
      const a = performance.now();
      likeSearch(db, q, now);
      likeTimes.push(performance.now() - a);
    }
  }
  db.close();
  await reopened.close();
  return {
    articles: indexed,
    indexSeconds,
    indexCpuSeconds,
    analysisSeconds: analysisMs / 1000,
    dbMB: dbBytes / 1e6,
    indexMB: indexBytes / 1e6,
    fts: stats(times),
    cpu: stats(cpu),
    like: stats(likeTimes),
    worst,
    likePasses,
  };
}

function report(results: SizeResult[]): string {
  const lines: string[] = [];
  lines.push(`| articles | indexing, analysis included | CPU per article (both threads) | analysis alone, 1 thread | index size | query p50 | query p95 | query p99 | CPU p95 | LIKE p50 | LIKE p95 | LIKE p99 | LIKE/FTS at p50 | at p95 |`);
  lines.push(`|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const r of results) {
    lines.push(
      `| ${r.articles.toLocaleString('en')} | ${Math.round(r.articles / r.indexSeconds).toLocaleString('en')} articles/s (${r.indexSeconds.toFixed(1)} s) | ${((1000 * r.indexCpuSeconds) / r.articles).toFixed(2)} ms | ${Math.round(r.articles / r.analysisSeconds).toLocaleString('en')} articles/s | ${r.indexMB.toFixed(0)} MB of ${r.dbMB.toFixed(0)} MB | ${ms(r.fts.p50)} ms | ${ms(r.fts.p95)} ms | ${ms(r.fts.p99)} ms | ${ms(r.cpu.p95)} ms | ${ms(r.like.p50)} ms | ${ms(r.like.p95)} ms | ${ms(r.like.p99)} ms | ${Math.round(r.like.p50 / r.fts.p50)}× | ${Math.round(r.like.p95 / r.fts.p95)}× |`,
    );
  }
  return lines.join('\n');
}

/** Issue #3's targets at 100,000 articles, against this run. */
function targets(results: SizeResult[]): string {
  const big = results.find((r) => r.articles >= 100_000);
  if (!big) return '';
  const rate = big.articles / big.indexSeconds;
  const verdict = (ok: boolean) => (ok ? 'met' : 'not met');
  return `\nTargets at 100,000 articles (issue #3), this run: query p95 ≤ 10 ms: ${ms(big.fts.p95)} ms, **${verdict(big.fts.p95 <= 10)}**; indexing ≥ 2,000 articles/s: ${Math.round(rate).toLocaleString('en')}/s, **${verdict(rate >= 2000)}**.\n`;
}

function writeSection(markdown: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.search(/^## Search\s*$/m);
  let next: string;
  if (start < 0) next = `${current.replace(/\s*$/, '')}\n\n${markdown}\n`;
  else {
    const rest = current.slice(start + 1);
    const end = rest.search(/^## /m);
    next = current.slice(0, start) + markdown + '\n' + (end < 0 ? '' : '\n' + rest.slice(end));
  }
  writeFileSync(file, next);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const corpus = args.find((a) => !a.startsWith('--'));
  if (!corpus) {
    console.error('usage: bench-search CORPUS.jsonl [--sizes=4002,100000] [--no-write] [--keep-db=DIR]');
    process.exitCode = 2;
    return;
  }
  const sizesArg = args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
  const write = !args.includes('--no-write');
  const inputs: ArticleInput[] = await parseFile(corpus);
  const sources: Source[] = inputs.map((a) => {
    const sections = parseBody(a.body);
    return {
      title: a.title,
      description: a.description,
      tags: a.tags,
      sections,
      paragraphs: sections.flatMap((s) => s.blocks.map((b) => b.text)),
    };
  });
  const sizes = sizesArg ? sizesArg.split(',').map(Number) : [sources.length, 100_000];
  console.log(`Search benchmark on ${CITATION}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`);
  const keep = args.find((a) => a.startsWith('--keep-db='))?.slice('--keep-db='.length);
  const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-search-'));
  const results: SizeResult[] = [];
  try {
    for (const n of sizes) {
      console.log(`\n${n} articles:`);
      const r = await runSize(sources, n, dir);
      results.push(r);
      console.log(`  queries: p50 ${ms(r.fts.p50)} ms, p95 ${ms(r.fts.p95)} ms, p99 ${ms(r.fts.p99)} ms (${QUERIES.length} queries × ${PASSES}); CPU time p50 ${ms(r.cpu.p50)} ms, p95 ${ms(r.cpu.p95)} ms`);
      console.log(`  LIKE:    p50 ${ms(r.like.p50)} ms, p95 ${ms(r.like.p95)} ms, p99 ${ms(r.like.p99)} ms (${QUERIES.length} queries × ${r.likePasses})`);
      console.log(`  worst cases: ${r.worst.map((w) => `${w.q} ${ms(w.ms)} ms (${w.total} results)`).join('; ')}`);
      if (keep) continue;
      rmSync(path.join(dir, `search-${n}.db`), { force: true });
      rmSync(path.join(dir, `search-${n}.db-wal`), { force: true });
      rmSync(path.join(dir, `search-${n}.db-shm`), { force: true });
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  const table = report(results);
  console.log(`\n${table}`);
  const worst = results
    .map((r) => `- ${r.articles.toLocaleString('en')} articles: ${r.worst.map((w) => `\`${w.q}\` ${ms(w.ms)} ms (${w.total.toLocaleString('en')} results)`).join(', ')}`)
    .join('\n');
  const load = os.loadavg().map((x) => x.toFixed(1)).join(', ');
  const section = `## Search

\`npm run bench:search -- ../shared/corpus/arabic-news.jsonl\` (bench/search.ts), ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPUs, node ${process.version}; load average at the end of the run ${load} (other work shares this machine: the CPU-time column is what it cannot inflate).
Corpus: ${CITATION}; the 100,000 articles are its paragraphs recombined under new ids (title, description, paragraphs and tags each drawn from a random article).
Wall-clock figures on this shared machine move with the load (indexing uses two threads and loses most when the other work takes a core); the CPU columns move much less.

${table}

- **Indexing** is \`searchIndex.rebuild()\`, what \`sahifa reindex\` runs: read the published articles 500 at a time, parse their stored sections, analyse title, description and body (tokenize, normalize, light stem; a stem and an exact-form column each), write 25 rows per INSERT into FTS5, one transaction, then FTS5 \`optimize\`. Above 2,000 articles the analysis of the next batch runs on a worker thread while the current one is written. The article rows themselves were bulk-inserted first, untimed. "Analysis alone" is the analyser on one thread over the same rows, for scale. Saving one article (saveOne) writes the same index row inside the article's transaction.
- **Queries** are ${QUERIES.length} fixed queries (bench/search.ts: one to four words in readers' spellings, two phrases, an exclusion, three sorted by date, one page 3) through \`store.search()\`, the path of \`/api/search\`: parse, count, rank with BM25, read the page, cut and highlight the snippets from the original text. ${PASSES} passes after a warm-up. Above ${EXACT_RANK_LIMIT.toLocaleString('en')} matches BM25 ranks the ${RANK_WINDOW.toLocaleString('en')} most recent matches, and matches are counted up to ${COUNT_CAP.toLocaleString('en')} (past it the total is "more than"): see src/search/sqlite-fts.ts. Each search also looks up its vocabulary (src/search/expand.ts \`lookupVocabulary\`: one statement counting each needed form up to 64 articles, a second, up to 2,000, only for two common forms compared; before that step, one count up to 2,000 for all, p95 was 10.3–10.5 ms on idle runs).
- **LIKE** is WordPress's search over the same rows and file: each word \`LIKE '%w%'\` in title, description or body, ANDed; a count and a page ordered by title match then date.${results.some((r) => r.likePasses === 1) ? ' One pass at 100,000 (each query scans the table twice).' : ''}

Worst cases, outside the fixed set (words in most articles):
${worst}
${targets(results)}`;
  if (write) {
    writeSection(section);
    console.log('\nwrote the "## Search" section of BENCHMARKS.md');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
