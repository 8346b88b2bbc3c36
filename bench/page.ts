/**
 * `npm run bench:page`: the article page under load, beside the same bytes
 * from a minimal static Node server, in the same run. Both servers run as
 * child processes; rounds alternate so that machine noise hits both, and the
 * medians are compared.
 *
 *   node dist/bench/page.js [--seconds 10] [--rounds 3] [--connections 32]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadDemo } from '../src/services/demo.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { articleUrl } from '../src/web/urls.js';
import { freePort, load, LOAD_TOOL, median, startServer, type LoadResult } from './lib.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-bench-'));
const db = path.join(dir, 'bench.db');

const store = await openSqliteStore(db);
await loadDemo(store);
const [latest] = (await store.listArticles({ page: 1, limit: 1 })).articles;
await store.close();
const url = articleUrl(latest!.slug);

const sahifaPort = await freePort();
const sahifa = await startServer(path.join(here, '../src/cli/main.js'), ['serve', '--db', db, '--port', String(sahifaPort)], sahifaPort);
const bytes = Buffer.from(await (await fetch(`http://127.0.0.1:${sahifaPort}${url}`)).arrayBuffer());
const file = path.join(dir, 'page.html');
writeFileSync(file, bytes);
const staticPort = await freePort();
const baseline = await startServer(path.join(here, 'static-server.js'), [file, String(staticPort)], staticPort);

console.log(`article page: ${bytes.length} bytes; ${rounds} rounds × ${seconds}s, ${connections} connections, ${LOAD_TOOL}, node ${process.version}`);
const results: { sahifa: LoadResult[]; static: LoadResult[] } = { sahifa: [], static: [] };
try {
  // Warm both up (JIT, SQLite page cache) before measuring.
  await load(`http://127.0.0.1:${sahifaPort}${url}`, 2, connections);
  await load(`http://127.0.0.1:${staticPort}/`, 2, connections);
  for (let i = 0; i < rounds; i++) {
    results.sahifa.push(await load(`http://127.0.0.1:${sahifaPort}${url}`, seconds, connections));
    results.static.push(await load(`http://127.0.0.1:${staticPort}/`, seconds, connections));
  }
} finally {
  sahifa.kill();
  baseline.kill();
}

const row = (name: string, rs: LoadResult[]) => {
  const rps = median(rs.map((r) => r.rps));
  const p50 = median(rs.map((r) => r.p50));
  const p99 = median(rs.map((r) => r.p99));
  const bad = rs.reduce((n, r) => n + r.errors + r.non2xx, 0);
  console.log(`${name.padEnd(22)} ${rps.toFixed(0).padStart(8)} req/s   p50 ${p50.toFixed(1).padStart(5)} ms   p99 ${p99.toFixed(1).padStart(5)} ms   errors ${bad}`);
  return rps;
};
console.log(`${'server'.padEnd(22)} ${'median'.padStart(8)}`);
const ours = row('sahifa (uncached)', results.sahifa);
const theirs = row('static node server', results.static);
console.log(`ratio sahifa/static: ${(ours / theirs).toFixed(2)}`);
