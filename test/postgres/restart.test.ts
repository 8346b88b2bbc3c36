/**
 * PostgreSQL restarts (`pg_ctl restart -m fast`) while a web process built
 * on it serves a stream of requests: the requests in flight during the
 * restart may fail (with a 500: the process itself stays up), every request
 * before and after it succeeds, and nobody has to do anything — the pool
 * opens new connections, the listening connection of the change bus comes
 * back by itself and notifications flow again.
 *
 * It restarts the server the suite runs on, so it must run alone: .ci/run
 * (and `npm run test:pg`) runs this file by itself after the suite, with
 * SAHIFA_TEST_PGDATA set to the data folder of the private server
 * scripts/with-postgres.sh started (SAHIFA_TEST_PGCTL names its pg_ctl;
 * without it the newest under /usr/lib/postgresql is used).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Change } from '../../src/store/changes.js';
import { PgNotifyBus } from '../../src/store/pg-notify-bus.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { article, postgresOnly, testDatabase } from '../helpers/store.js';
import { scratchDir } from '../helpers/paths.js';

const PGDATA = process.env.SAHIFA_TEST_PGDATA;
const skip =
  postgresOnly ||
  (PGDATA
    ? false
    : 'restarts the test server: set SAHIFA_TEST_PGDATA to its data folder (.ci/run does, and runs this file alone after the suite)');

function pgCtl(): string {
  if (process.env.SAHIFA_TEST_PGCTL) return process.env.SAHIFA_TEST_PGCTL;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin/pg_ctl')).find((p) => existsSync(p));
  return found ?? 'pg_ctl';
}

/** Restarts the server (as the owner of its data folder, when we are root); resolves once it accepts connections again. */
function restartServer(): Promise<void> {
  const args = ['restart', '-D', PGDATA!, '-m', 'fast', '-w', '-t', '60'];
  let command = pgCtl();
  const owner = statSync(PGDATA!).uid;
  if (process.getuid?.() === 0 && owner !== 0) {
    const name = execFileSync('id', ['-nu', String(owner)], { encoding: 'utf8' }).trim();
    args.unshift('-u', name, '--', command);
    command = 'runuser';
  }
  // The restarted server keeps pg_ctl's output as its log: a file, never a pipe of ours.
  const log = openSync(path.join(tmpdir(), 'sahifa-test-pg-restart.log'), 'a');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', log, log], cwd: path.dirname(PGDATA!) });
    child.on('error', reject);
    child.on('exit', (code) => {
      closeSync(log);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface Outcome {
  start: number;
  end: number;
  status: number | string;
}

test('a PostgreSQL restart under load fails only the requests in flight, and the site recovers by itself', { skip }, async () => {
  const place = testDatabase();
  const store = await place.open({ onError: () => {} });
  const writer = await place.open({ onError: () => {} });
  const app = await buildServer({
    store,
    site: siteConfig({ timeZone: 'Asia/Riyadh' }, {}),
    cacheBytes: 0, // every request reads the database
    newsroom: { scheduler: false, mediaDir: scratchDir('media') },
  });
  try {
    const saved = await store.saveArticles(Array.from({ length: 8 }, () => article()));
    const bus = store.changes as PgNotifyBus;
    const heard: Change[] = [];
    bus.subscribe((c) => heard.push(c));
    await bus.ready();
    assert.equal(bus.connections, 1);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const urls = ['/', `/articles/${encodeURIComponent(saved[3]!.article.slug)}`, `/api/search?q=${encodeURIComponent('الاجتماع')}`, '/tags/' + encodeURIComponent('سياسة')];

    const outcomes: Outcome[] = [];
    let stop = false;
    const client = async (k: number) => {
      for (let i = k; !stop; i++) {
        const start = performance.now();
        let status: number | string;
        try {
          const res = await fetch(base + urls[i % urls.length]!, { signal: AbortSignal.timeout(20_000) });
          await res.arrayBuffer();
          status = res.status;
        } catch (e) {
          status = String((e as Error).cause ?? e);
        }
        outcomes.push({ start, end: performance.now(), status });
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    await sleep(800);
    const restartStart = performance.now();
    await restartServer();
    const restartEnd = performance.now();
    await sleep(1500);
    stop = true;
    await Promise.all(clients);

    const before = outcomes.filter((o) => o.end < restartStart);
    const after = outcomes.filter((o) => o.start > restartEnd);
    const during = outcomes.filter((o) => !before.includes(o) && !after.includes(o));
    const failed = outcomes.filter((o) => o.status !== 200);
    console.log(
      `# restart took ${Math.round(restartEnd - restartStart)} ms; requests: ${before.length} before, ${during.length} during ` +
        `(${during.filter((o) => o.status !== 200).length} failed), ${after.length} after`,
    );
    assert.ok(before.length >= 20 && after.length >= 20, 'requests ran before and after the restart');
    assert.deepEqual(before.filter((o) => o.status !== 200), [], 'all went well before the restart');
    assert.deepEqual(after.filter((o) => o.status !== 200), [], 'all went well after it, with nobody doing anything');
    // The web process never went down: a failure is an HTTP error page, not a refused connection.
    assert.ok(failed.every((o) => typeof o.status === 'number' && o.status >= 500), JSON.stringify(failed.slice(0, 3)));

    // The listening connection came back by itself: a change made by another process still arrives.
    await until('the change bus to listen again', () => bus.listening && bus.connections >= 2);
    const [late] = await writer.saveArticles([article({ title: 'خبر بعد إعادة التشغيل: تفاصيل' })]);
    await until('the change to arrive', () => heard.some((c) => c.pages.includes(late!.article.id)));
    assert.equal((await app.inject(`/articles/${encodeURIComponent(late!.article.slug)}`)).statusCode, 200);
  } finally {
    await app.close();
    await store.close();
    await writer.close();
    await place.drop();
  }
});
