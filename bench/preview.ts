/**
 * The editor's preview: `npm run bench:preview -- ../shared/corpus/arabic-news.jsonl`
 *
 * Imports the corpus into a temporary SQLite database (as `sahifa import`
 * does: profiles, topic space, links), then renders the preview of 200 of its
 * articles as an editor editing each would ask for it (`renderPreview`, the
 * path of POST /api/admin/preview), two ways in alternating rounds: as the
 * preview request does now (the links a save would pick: the draft weighed
 * against the collection, its candidates scored, the links chosen by the
 * save's rule; and the near-duplicate check behind its warning) and the page
 * alone (the baseline, as before).
 * A fresh engine each time, as each request has. Prints medians and p95 of
 * each and their ratio.
 *
 * The corpus is read at run time; the database is deleted at the end.
 * Corpus: ANT Corpus v2.1 subset (../shared/corpus).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../src/services/import.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { siteConfig } from '../src/web/config.js';
import { draftCopyOf } from '../src/related/suggest.js';
import { renderPreview } from '../src/web/admin/preview.js';
import { quantile } from './lib.js';

const ARTICLES = 200;
const ROUNDS = 3;


async function main(): Promise<void> {
  const corpus = process.argv[2];
  if (!corpus) {
    console.error('usage: bench-preview CORPUS.jsonl');
    process.exit(2);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-preview-'));
  try {
    const store = await openSqliteStore(path.join(dir, 'site.db'));
    let t = performance.now();
    const report = await importFiles(store, [corpus]);
    console.log(`imported ${report.imported} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const site = siteConfig({}, {});
    const all = await store.db.selectFrom('articles').select(['id', 'title', 'description', 'body', 'published_at']).orderBy('id').execute();
    const step = Math.max(1, Math.floor(all.length / ARTICLES));
    const sample = all.filter((_, i) => i % step === 0).slice(0, ARTICLES);
    const times = { with: [] as number[], without: [] as number[] };
    const once = async (links: boolean, r: (typeof sample)[number]) => {
      const a = performance.now();
      const draft = { id: r.id, title: r.title, description: r.description, body: r.body, tags: (await store.getArticleById(r.id))!.tags, publishedAt: r.published_at };
      await renderPreview(store, site, draft, { links });
      // The request also checks whether the draft copies a stored article (the warning).
      if (links) await draftCopyOf(store, draft);
      return performance.now() - a;
    };
    for (const r of sample.slice(0, 10)) await once(true, r); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of sample) {
        times.with.push(await once(true, r));
        times.without.push(await once(false, r));
      }
    }
    const line = (name: string, xs: number[]) => `${name}: p50 ${quantile(xs, 0.5).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
    console.log(`${sample.length} articles × ${ROUNDS} rounds, ${os.cpus().length} CPUs, node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(line('preview with the links a save would pick and the copy check', times.with));
    console.log(line('preview without links (baseline)', times.without));
    console.log(`ratio at p50: ${(quantile(times.with, 0.5) / quantile(times.without, 0.5)).toFixed(1)}×; added at p50 ${(quantile(times.with, 0.5) - quantile(times.without, 0.5)).toFixed(2)} ms`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
