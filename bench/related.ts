/**
 * Related-news benchmark: `npm run bench:related -- ../shared/corpus/arabic-news.jsonl [--sizes 4000,100000] [--small 500] [--keep FILE]`
 *
 * 0. A small site (--small, 500 corpus articles at random in a
 *    database of their own): one article's links scored whole, as the
 *    engine does up to EXHAUSTIVE_UP_TO articles, beside the index's
 *    candidates alone, each with a fresh engine.
 * 1. Imports the corpus through the importer (duplicate check, save,
 *    profiles, topic space, links) into a temporary SQLite file and times it.
 * 2. At each size: the time to compute one article's links (what a save
 *    does for each saved article: its candidates from the index, their
 *    profiles, the scores, the fill), p50 and p95 over SAMPLE articles, each
 *    with a fresh engine (nothing cached); wall time, and the process's CPU
 *    time (SQLite runs in the same thread), which other load on the machine
 *    does not inflate.
 * 3. Grows the collection to the next size with articles made by
 *    recombining corpus paragraphs under new ids: a corpus article's
 *    headline and first paragraphs, then paragraphs of articles published
 *    within three days of it. They are saved in batches of 2,000 through
 *    the store, profiled and linked as a save would (the topic space is
 *    retrained as the collection doubles).
 * 4. At the largest size: the time to ingest 1,000 new articles (made the
 *    same way) through saveArticles, with the related refresh of the older
 *    articles they now belong under; and single saves, p50/p95.
 *
 * With --keep FILE the database is built in FILE and kept; a later run with
 * the same FILE starts from it (and measures again without growing).
 *
 * The corpus is read at run time only. Corpus: ANT Corpus v2.1 subset (../shared/corpus).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleInput } from '../src/content/article.js';
import { RelatedEngine } from '../src/related/engine.js';
import { maybeTrainTopics } from '../src/related/topics.js';
import { saveArticles } from '../src/services/articles.js';
import { parseJsonArticle } from '../src/content/parsers/jsonl.js';
import { importFiles } from '../src/services/import.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { mulberry32 } from './corpus.js';

const SAMPLE = 400;
const BATCH = 2000;

interface CorpusRow {
  id: string;
  title: string;
  description: string;
  body: string;
  published_at: string;
}


const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Articles made from corpus paragraphs: a base article's headline and lead, and paragraphs of its days. */
function recombiner(rows: CorpusRow[], seed: number) {
  const rand = mulberry32(seed);
  const paragraphs = rows.map((r) => r.body.split(/\n\n+/).filter((p) => p.trim()));
  const days = rows.map((r) => Math.floor(Date.parse(r.published_at) / 86_400_000));
  const byDay = new Map<number, number[]>();
  days.forEach((d, i) => byDay.set(d, [...(byDay.get(d) ?? []), i]));
  const near = (i: number) => {
    const out: number[] = [];
    for (let d = days[i]! - 3; d <= days[i]! + 3; d++) out.push(...(byDay.get(d) ?? []));
    return out;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  return (n: number): ArticleInput => {
    const base = Math.floor(rand() * rows.length);
    const own = paragraphs[base]!.slice(0, 1 + Math.floor(rand() * 3));
    const pool = near(base);
    const extra: string[] = [];
    for (let k = 2 + Math.floor(rand() * 5); k > 0; k--) extra.push(pick(paragraphs[pick(pool)]!));
    const at = Date.parse(rows[base]!.published_at) + Math.floor(rand() * 3 * 86_400_000);
    return {
      title: rows[base]!.title,
      description: own[0]!.slice(0, 300),
      tags: [],
      body: [...own, ...extra].join('\n\n'),
      slug: `bench-${n}`,
      externalId: `bench:${n}`,
      publishedAt: new Date(at).toISOString(),
    };
  };
}

/** One article's links, p50/p95, each with a fresh engine. */
async function timeLinks(store: SqliteStore, seed: number, engine: { exhaustiveUpTo?: number } = {}) {
  const ids = await store.listPublicIds();
  const rand = mulberry32(seed);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const id = ids[Math.floor(rand() * ids.length)]!;
    const started = performance.now();
    const used = process.cpuUsage();
    await new RelatedEngine(store, engine).linksFor(id);
    const { user, system } = process.cpuUsage(used);
    times.push(performance.now() - started);
    cpu.push((user + system) / 1000);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), cpu50: quantile(cpu, 0.5), cpu95: quantile(cpu, 0.95) };
}

/** Step 0: a small site's links, scored whole and from the index's candidates. */
async function smallSite(rows: CorpusRow[], size: number, file: string): Promise<void> {
  const rand = mulberry32(size);
  const sample = rows
    .map((r) => ({ r, k: rand() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, size)
    .map((x) => x.r);
  const store = await openSqliteStore(file);
  try {
    await saveArticles(store, sample.map((r, i) => parseJsonArticle(r, i + 1)), undefined, { topics: 'inline' });
    const whole = await timeLinks(store, size, { exhaustiveUpTo: Infinity });
    const index = await timeLinks(store, size, { exhaustiveUpTo: 0 });
    console.log(
      `${size} articles (a small site): one article's links scored whole p50 ${ms(whole.p50)}, p95 ${ms(whole.p95)} (CPU ${ms(whole.cpu50)}, ${ms(whole.cpu95)}); ` +
        `from the index's candidates p50 ${ms(index.p50)}, p95 ${ms(index.p95)} (CPU ${ms(index.cpu50)}, ${ms(index.cpu95)}); ratio of p50s ${(whole.p50 / index.p50).toFixed(1)}×`,
    );
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { sizes: { type: 'string', default: '4000,100000' }, keep: { type: 'string' }, small: { type: 'string', default: '500' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: bench-related CORPUS.jsonl [--sizes 4000,100000] [--small 500]');
  const sizes = values.sizes.split(',').map(Number);
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusRow);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-related-'));
  if (Number(values.small) > 0) await smallSite(rows, Number(values.small), path.join(dir, 'small.db'));
  const dbFile = values.keep ?? path.join(dir, 'bench.db');
  const store = await openSqliteStore(dbFile);
  const make = recombiner(rows, 7 + (await store.countArticles()));
  let made = await store.countArticles();
  try {
    let started = performance.now();
    if (made === 0) {
      const report = await importFiles(store, [file]);
      made = report.imported;
      console.log(`import of the corpus (${report.imported} articles, with duplicate check, profiles, topic space and links): ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    for (const size of sizes) {
      let count = await store.countArticles();
      if (count < size) {
        started = performance.now();
        let linking = 0;
        while (count < size) {
          const n = Math.min(BATCH, size - count);
          const inputs = Array.from({ length: n }, () => make(made++));
          const ids = (await store.saveArticles(inputs)).map((o) => o.article.id);
          const engine = new RelatedEngine(store);
          await engine.indexArticles(ids);
          await maybeTrainTopics(store.related);
          const t = performance.now();
          const fresh = new RelatedEngine(store);
          for (const id of ids) await store.setLinks(id, (await fresh.linksFor(id)).links);
          linking += performance.now() - t;
          count += n;
          process.stderr.write(`\r grown to ${count}`);
        }
        process.stderr.write('\n');
        console.log(`grown to ${count} in ${((performance.now() - started) / 1000).toFixed(0)} s (of which linking ${(linking / 1000).toFixed(0)} s)`);
      }
      const t = await timeLinks(store, size);
      console.log(`${count} articles: one article's links p50 ${ms(t.p50)}, p95 ${ms(t.p95)} (CPU time p50 ${ms(t.cpu50)}, p95 ${ms(t.cpu95)})`);
    }

    if (values.keep) return; // the kept database stays at its size: measure again on it without ingesting
    const inputs = Array.from({ length: 1000 }, () => make(made++));
    started = performance.now();
    await saveArticles(store, inputs);
    const seconds = (performance.now() - started) / 1000;
    console.log(`ingest of 1,000 new articles with related refresh, at ${await store.countArticles()} articles: ${seconds.toFixed(1)} s (${ms((seconds * 1000) / 1000)} per article)`);
    const single: number[] = [];
    for (let i = 0; i < 50; i++) {
      const input = make(made++);
      const t0 = performance.now();
      await saveArticles(store, [input]);
      single.push(performance.now() - t0);
    }
    console.log(`single saves with related refresh: p50 ${ms(quantile(single, 0.5))}, p95 ${ms(quantile(single, 0.95))}`);
    console.log(`database: ${(statSync(dbFile).size / 1e6).toFixed(0)} MB`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
