/**
 * `npm run bench:page`: the article page under load, side by side with the
 * same bytes served as a static file by nginx and by a minimal Node server,
 * in the same run: Sahifa with the render cache on and off, with 1 and N
 * workers, on SQLite and (given --pg URL) PostgreSQL. Servers run as child
 * processes; rounds alternate between them so machine noise hits all, and
 * medians are reported with ratios to nginx.
 *
 *   node dist/bench/page.js [--seconds 10] [--rounds 3] [--connections 32] [--workers 2] [--pg postgres://…]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDemo } from '../src/services/demo.js';
import { openStore } from '../src/store/open.js';
import { articleUrl } from '../src/web/urls.js';
import { freePort, load, LOAD_TOOL, median, startServer, type LoadResult } from './lib.js';
import { NGINX, startNginx } from './nginx.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    workers: { type: 'string', default: String(availableParallelism()) },
    pg: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const workers = Number(values.workers);

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '../src/cli/main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-bench-'));

/** Fills a database with the demo newsroom and returns the newest article's path. */
async function prepare(location: string): Promise<string> {
  const store = await openStore(location);
  if ((await store.countArticles()) === 0) await loadDemo(store);
  const [latest] = (await store.listArticles({ page: 1, limit: 1 })).articles;
  await store.close();
  return articleUrl(latest!.slug);
}

interface Target {
  name: string;
  url: string;
  child: ChildProcess;
}

const targets: Target[] = [];
const backends: [string, string][] = [['sqlite', path.join(dir, 'bench.db')]];
if (values.pg) backends.push(['postgres', values.pg]);

try {
  let pageUrl = '';
  for (const [backend, location] of backends) {
    pageUrl = await prepare(location);
    for (const n of [...new Set([1, workers])]) {
      for (const cache of [true, false]) {
        const port = await freePort();
        const child = await startServer(cli, ['serve', '--db', location, '--port', String(port), '--workers', String(n)], port, {
          SAHIFA_CACHE_MB: cache ? '64' : '0',
          SAHIFA_SCHEDULER_MS: '3600000',
        });
        targets.push({ name: `sahifa ${backend} ${n}w cache ${cache ? 'on' : 'off'}`, url: `http://127.0.0.1:${port}${pageUrl}`, child });
      }
    }
  }
  const bytes = Buffer.from(await (await fetch(targets[0]!.url)).arrayBuffer());
  const file = path.join(dir, 'page.html');
  writeFileSync(file, bytes);

  const nodePort = await freePort();
  targets.unshift({ name: 'static node server', url: `http://127.0.0.1:${nodePort}/`, child: await startServer(path.join(here, 'static-server.js'), [file, String(nodePort)], nodePort) });
  if (NGINX) {
    const port = await freePort();
    const child = startNginx(dir, file, port);
    await startServer(null, [], port);
    targets.unshift({ name: 'nginx static file', url: `http://127.0.0.1:${port}/`, child });
  } else {
    console.log('nginx is not installed (apt-get install nginx-light): no nginx baseline');
  }

  console.log(`article page: ${bytes.length} bytes; ${rounds} rounds × ${seconds}s, ${connections} connections, ${LOAD_TOOL}, node ${process.version}, ${availableParallelism()} cores`);
  const results = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
  for (const t of targets) await load(t.url, 2, connections); // warm-up: JIT, caches
  for (let round = 0; round < rounds; round++) {
    for (const t of targets) results.get(t.name)!.push(await load(t.url, seconds, connections));
  }

  const baseline = median(results.get(targets[0]!.name)!.map((r) => r.rps));
  console.log(`\n${'server'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'× ' + targets[0]!.name.split(' ')[0]}  errors`);
  for (const t of targets) {
    const rs = results.get(t.name)!;
    const rps = median(rs.map((r) => r.rps));
    const bad = rs.reduce((n, r) => n + r.errors + r.non2xx, 0);
    console.log(
      `${t.name.padEnd(32)} ${rps.toFixed(0).padStart(8)} ${median(rs.map((r) => r.p50)).toFixed(2).padStart(7)} ${median(rs.map((r) => r.p99)).toFixed(2).padStart(7)} ${(rps / baseline).toFixed(2).padStart(6)}  ${bad}`,
    );
  }
} finally {
  for (const t of targets) t.child.kill('SIGTERM');
}
