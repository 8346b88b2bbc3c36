/**
 * Sitemaps at archive scale: fills a temporary SQLite file with N small
 * articles (100,000 by default), serves it, downloads the sitemap index and
 * every article sitemap over HTTP while sampling the process's memory, and
 * prints the peaks against the baseline. Memory must stay flat: the rows are
 * read in keyset batches and streamed through SitemapStream.
 *
 *   npm run bench:sitemap                 # 10,000 then 100,000, each in its own process
 *   node --expose-gc dist/bench/sitemap.js 100000
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../src/store/sqlite.js';
import { siteConfig } from '../src/web/config.js';
import { SITEMAP_PAGE_SIZE } from '../src/web/routes/sitemaps.js';
import { buildServer } from '../src/web/server.js';
import { fillArticles } from './fill.js';

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

interface Sample {
  rss: number;
  heapUsed: number;
  external: number;
}

function sample(): Sample {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };
}

async function measure(count: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-sitemap-'));
  const file = path.join(dir, 'bench.db');
  try {
    let t = performance.now();
    await fillArticles(file, count);
    console.log(`filled ${count.toLocaleString('en')} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const store = await openSqliteStore(file);
    const app = await buildServer({ store, site: siteConfig({ baseUrl: 'https://sahifa.example' }, {}) });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });

    globalThis.gc?.();
    const before = sample();
    const peak = { ...before };
    const timer = setInterval(() => {
      const s = sample();
      peak.rss = Math.max(peak.rss, s.rss);
      peak.heapUsed = Math.max(peak.heapUsed, s.heapUsed);
      peak.external = Math.max(peak.external, s.external);
    }, 2);

    t = performance.now();
    const index = await (await fetch(`${base}/sitemap.xml`)).text();
    const files = [...index.matchAll(/<loc>([^<]+articles-\d+\.xml)<\/loc>/g)].map((m) => m[1]!.replace('https://sahifa.example', base));
    let urls = 0;
    let bytes = 0;
    for (const url of files) {
      const res = await fetch(url);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      const decoder = new TextDecoder();
      let tail = '';
      for await (const chunk of res.body!) {
        bytes += chunk.byteLength;
        const text = tail + decoder.decode(chunk, { stream: true });
        urls += text.split('</url>').length - 1;
        tail = text.slice(-5);
      }
    }
    const seconds = (performance.now() - t) / 1000;
    clearInterval(timer);
    const after = sample();

    console.log(`sitemaps: ${files.length} files of at most ${SITEMAP_PAGE_SIZE.toLocaleString('en')}, ${urls.toLocaleString('en')} URLs, ${mb(bytes)} in ${seconds.toFixed(2)} s`);
    console.log(`  rss:         before ${mb(before.rss)}, peak ${mb(peak.rss)} (+${mb(peak.rss - before.rss)}), after ${mb(after.rss)}`);
    console.log(`  heap used:   before ${mb(before.heapUsed)}, peak ${mb(peak.heapUsed)} (+${mb(peak.heapUsed - before.heapUsed)}), after ${mb(after.heapUsed)}`);
    console.log(`  external+ab: before ${mb(before.external)}, peak ${mb(peak.external)} (+${mb(peak.external - before.external)})`);
    if (urls !== count) throw new Error(`expected ${count} URLs, got ${urls}`);

    // For comparison, what the same sitemap costs held in memory at once: every row, then one string.
    globalThis.gc?.();
    const naiveBefore = sample();
    let naivePeak = naiveBefore.heapUsed;
    const naiveTimer = setInterval(() => (naivePeak = Math.max(naivePeak, process.memoryUsage().heapUsed)), 2);
    const rows = [];
    for await (const row of store.streamPublic({ batchSize: count })) rows.push(row);
    const xml = rows.map((r) => `<url><loc>https://sahifa.example/articles/${encodeURIComponent(r.slug)}</loc><lastmod>${r.updatedAt}</lastmod></url>`).join('');
    naivePeak = Math.max(naivePeak, process.memoryUsage().heapUsed);
    clearInterval(naiveTimer);
    console.log(`  (all in memory instead: heap +${mb(naivePeak - naiveBefore.heapUsed)} for ${mb(xml.length)} of XML)`);
    await app.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const arg = process.argv[2];
if (arg) {
  await measure(Number(arg));
} else {
  // Each size in a fresh process, so that one run's heap does not flatter the next.
  for (const n of [10_000, 100_000]) {
    console.log(`\n== ${n.toLocaleString('en')} articles ==`);
    await new Promise<void>((resolve, reject) =>
      fork(fileURLToPath(import.meta.url), [String(n)], { execArgv: ['--expose-gc'] })
        .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))))
        .on('error', reject),
    );
  }
}
