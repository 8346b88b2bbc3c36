/**
 * `npm run bench:scale -- ../shared/corpus/arabic-news.jsonl [--size 100000] [--db PATH|postgres://…]`
 *
 * Sahifa at scale on one backend: imports `size` articles through the real
 * path (validate, store, index for search, profile and link related news),
 * then serves them from one web process and measures, one request at a time,
 * the latency of home, article, tag, author, opinion, search and feed pages
 * with the render cache off (the work itself) and on; then the database's size
 * and the web process's resident memory. One scaled article in OPINION_EVERY
 * is an opinion column, for the opinion page. Corpus: ANT Corpus v2.1 subset
 * (../shared/corpus).
 */
import { statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import type { ArticleInput } from '../src/content/article.js';
import { tagSlug } from '../src/content/tags.js';
import { saveArticles } from '../src/services/articles.js';
import { openStore } from '../src/store/open.js';
import { parsePostgresUrl } from '../src/store/postgres.js';
import pg from 'pg';
import { articleUrl, authorUrl } from '../src/web/urls.js';
import { mulberry32, readCorpus, scaledArticles } from './corpus.js';
import { freePort, median, startServer } from './lib.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string', default: '100000' }, db: { type: 'string' }, batch: { type: 'string', default: '500' }, requests: { type: 'string', default: '300' } },
});
const corpusFile = positionals[0];
if (!corpusFile) throw new Error('usage: bench/scale.js CORPUS.jsonl [--size N] [--db PATH|postgres://…]');
const size = Number(values.size);
const location = values.db ?? path.join(mkdtempSync(path.join(tmpdir(), 'sahifa-scale-')), 'scale.db');
const backend = location.startsWith('postgres') ? 'postgres' : 'sqlite';
const here = path.dirname(fileURLToPath(import.meta.url));

// 1. Import through the real path, timing batches.
const corpus = readCorpus(corpusFile);
const store = await openStore(location);
const importStart = performance.now();
let batch: ArticleInput[] = [];
let done = 0;
let lastReport = importStart;
const rates: { at: number; perSecond: number }[] = [];
/** About what a daily with a few columnists publishes: a column among 33 stories. */
const OPINION_EVERY = 33;
let made = 0;
for (const input of scaledArticles(corpus, size)) {
  batch.push(++made % OPINION_EVERY === 0 ? { ...input, genre: 'opinion' } : input);
  if (batch.length < Number(values.batch)) continue;
  const t = performance.now();
  await saveArticles(store, batch);
  done += batch.length;
  rates.push({ at: done, perSecond: batch.length / ((performance.now() - t) / 1000) });
  batch = [];
  if (performance.now() - lastReport > 15_000) {
    lastReport = performance.now();
    console.error(`  imported ${done} (${rates.at(-1)!.perSecond.toFixed(0)}/s now)`);
  }
}
if (batch.length) {
  await saveArticles(store, batch);
  done += batch.length;
}
const importSeconds = (performance.now() - importStart) / 1000;
// Fresh statistics, as an operator runs after any bulk load (`sahifa import` does): without them, until
// autovacuum gets to the new rows, PostgreSQL plans the article read's links for an empty table (5 ms, not 0.07 ms, at 2,000).
await store.refreshStatistics();
const tail = rates.slice(-5).map((r) => r.perSecond);

// URLs to read: random articles, tags, queries from article titles, feeds.
const rand = mulberry32(7);
const pages = await store.listArticles({ page: 1, limit: 1 });
const total = pages.total;
const sampleArticles: string[] = [];
for (let i = 0; i < 200; i++) {
  const page = 1 + Math.floor(rand() * Math.min(total, 100_000));
  const [a] = (await store.listArticles({ page, limit: 1 })).articles;
  if (a) sampleArticles.push(a.slug);
}
const tags = (await store.listTags()).sort((a, b) => b.count - a.count).slice(0, 50).map((t) => t.name);
const bylines = await store.newsroom.recentBylines(50);
const words = corpus.slice(0, 300).map((a) => a.title.split(/\s+/).filter((w) => w.length > 3).slice(0, 2).join(' ')).filter(Boolean);
await store.close();
const dbBytes = backend === 'sqlite' ? ['', '-wal'].reduce((n, s) => n + (statSync(location + s, { throwIfNoEntry: false })?.size ?? 0), 0) : await pgBytes(location);

/** PostgreSQL: the tables of the store's schema with their indexes and TOAST. */
async function pgBytes(url: string): Promise<number> {
  const { connectionString, schema } = parsePostgresUrl(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('checkpoint').catch(() => {}); // needs rights the role may not have; sizes are right without it
    const { rows } = await client.query<{ bytes: string }>(
      `select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = coalesce($1, current_schema()) and c.relkind in ('r', 'm')`,
      [schema],
    );
    return Number(rows[0]!.bytes);
  } finally {
    await client.end();
  }
}

const routes: Record<string, () => string> = {
  home: () => `/?page=${1 + Math.floor(rand() * 5)}`,
  // The first page alone: the list and the featured stories it leads with (no draw, so the other routes' stay as they were).
  'home 1': () => '/',
  article: () => articleUrl(sampleArticles[Math.floor(rand() * sampleArticles.length)]!),
  tag: () => `/tags/${encodeURIComponent(tagSlug(tags[Math.floor(rand() * tags.length)]!))}`,
  author: () => authorUrl(bylines[Math.floor(rand() * bylines.length)]!),
  opinion: () => `/opinion?page=${1 + Math.floor(rand() * 5)}`,
  search: () => `/search?q=${encodeURIComponent(words[Math.floor(rand() * words.length)]!)}`,
  feed: () => (rand() < 0.5 ? '/feed.xml' : `/tags/${encodeURIComponent(tagSlug(tags[Math.floor(rand() * tags.length)]!))}/feed.xml`),
};

function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function measure(cacheMb: number) {
  const port = await freePort();
  const child = await startServer(path.join(here, '../src/cli/main.js'), ['serve', '--db', location, '--port', String(port), '--workers', '1'], port, {
    SAHIFA_CACHE_MB: String(cacheMb),
    SAHIFA_SCHEDULER_MS: '3600000',
  });
  const rows: Record<string, { p50: number; p99: number; errors: number }> = {};
  try {
    for (const [name, next] of Object.entries(routes)) {
      const times: number[] = [];
      let errors = 0;
      for (let i = 0; i < Number(values.requests); i++) {
        const t = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}${next()}`);
        await res.arrayBuffer();
        times.push(performance.now() - t);
        if (res.status !== 200) errors++;
      }
      times.sort((a, b) => a - b);
      rows[name] = { p50: median(times), p99: times[Math.floor(times.length * 0.99)]!, errors };
    }
    return { rows, memory: rssOf(child.pid!) };
  } finally {
    child.kill('SIGTERM');
  }
}

const off = await measure(0);
const on = await measure(64);
console.log(`\n${backend}, ${total} public articles (${size} imported), node ${process.version}`);
console.log(`import: ${(size / importSeconds).toFixed(0)} articles/s overall (${importSeconds.toFixed(0)} s), last batches median ${median(tail).toFixed(0)}/s (validate, store, search index, related profile and links)`);
console.log(`database: ${(dbBytes / 1024 / 1024).toFixed(0)} MB${backend === 'postgres' ? ' (tables, indexes and TOAST of the schema)' : ''}`);
console.log(`\n${'page'.padEnd(9)} ${'cache off p50/p99 ms'.padStart(22)} ${'cache on p50/p99 ms'.padStart(22)}  errors`);
for (const name of Object.keys(routes)) {
  const a = off.rows[name]!;
  const b = on.rows[name]!;
  console.log(`${name.padEnd(9)} ${`${a.p50.toFixed(2)} / ${a.p99.toFixed(2)}`.padStart(22)} ${`${b.p50.toFixed(2)} / ${b.p99.toFixed(2)}`.padStart(22)}  ${a.errors + b.errors}`);
}
console.log(`\nweb process resident memory after the run: cache off ${off.memory.rss.toFixed(0)} MB (peak ${off.memory.peak.toFixed(0)}), cache on ${on.memory.rss.toFixed(0)} MB (peak ${on.memory.peak.toFixed(0)})`);
