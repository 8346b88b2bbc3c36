/**
 * What counting readers' visits costs a page: `npm run bench:most-read`
 *
 * Every article page a browser opens is counted for "الأكثر قراءة"
 * (plugins/most-read.ts): a listener on the response and a Map increment,
 * on the render cache's hits too, which are otherwise answered before
 * Fastify. Two `sahifa serve` processes over one demo database, one worker
 * each, render cache on, the same article page loaded with a browser's
 * headers (so that every request is a visit): one counting, one with
 * SAHIFA_MOST_READ=off. Rounds alternate; medians and the ratio are printed.
 *
 *   node dist/bench/most-read.js [--seconds 10] [--rounds 5] [--connections 32]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDemo } from '../src/services/demo.js';
import { openStore } from '../src/store/open.js';
import { articleUrl } from '../src/web/urls.js';
import { freePort, load, LOAD_TOOL, median, startServer, type LoadResult } from './lib.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '5' }, connections: { type: 'string', default: '32' } },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const BROWSER = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
  'sec-fetch-mode': 'navigate',
  accept: 'text/html',
};

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '../src/cli/main.js');
const db = path.join(mkdtempSync(path.join(tmpdir(), 'sahifa-bench-')), 'bench.db');
const store = await openStore(db);
await loadDemo(store);
const [latest] = (await store.listArticles({ page: 1, limit: 1 })).articles;
await store.close();
const page = articleUrl(latest!.slug);

const servers: { name: string; url: string; child: ChildProcess }[] = [];
try {
  for (const counting of [true, false]) {
    const port = await freePort();
    const child = await startServer(cli, ['serve', '--db', db, '--port', String(port), '--workers', '1'], port, {
      SAHIFA_MOST_READ: counting ? 'on' : 'off',
      SAHIFA_SCHEDULER_MS: '3600000',
    });
    servers.push({ name: counting ? 'counting visits' : 'SAHIFA_MOST_READ=off', url: `http://127.0.0.1:${port}${page}`, child });
  }
  console.log(`article page, render cache on, 1 worker each; ${rounds} alternating rounds × ${seconds}s, ${connections} connections, ${LOAD_TOOL}, node ${process.version}, ${availableParallelism()} cores`);
  const results = new Map<string, LoadResult[]>(servers.map((s) => [s.name, []]));
  for (const s of servers) await load(s.url, 2, connections, BROWSER); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const s of round % 2 ? [...servers].reverse() : servers) results.get(s.name)!.push(await load(s.url, seconds, connections, BROWSER));
  }
  const rps = (name: string) => median(results.get(name)!.map((r) => r.rps));
  console.log(`\n${'server'.padEnd(24)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  errors`);
  for (const s of servers) {
    const rs = results.get(s.name)!;
    const bad = rs.reduce((n, r) => n + r.errors + r.non2xx, 0);
    console.log(`${s.name.padEnd(24)} ${rps(s.name).toFixed(0).padStart(8)} ${median(rs.map((r) => r.p50)).toFixed(2).padStart(7)} ${median(rs.map((r) => r.p99)).toFixed(2).padStart(7)}  ${bad}`);
  }
  console.log(`\ncounting ÷ not counting, req/s: ${(rps(servers[0]!.name) / rps(servers[1]!.name)).toFixed(3)} (per round: ${results
    .get(servers[0]!.name)!
    .map((r, i) => (r.rps / results.get(servers[1]!.name)![i]!.rps).toFixed(3))
    .join(', ')})`);
} finally {
  for (const s of servers) s.child.kill('SIGTERM');
}
