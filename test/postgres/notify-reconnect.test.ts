/**
 * PostgreSQL keeps no notifications for a listener that is gone: a change
 * made while the change bus's LISTEN connection was down never arrives.
 * So when the bus listens again it tells its listeners EVERYTHING, and the
 * render cache drops every page rather than serve one such a change made
 * stale. Here the listening connection is killed (pg_terminate_backend)
 * and the article changed behind the bus's back (a bare UPDATE, which
 * notifies nobody): after the reconnection the page is rendered afresh.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { Change } from '../../src/store/changes.js';
import type { PgNotifyBus } from '../../src/store/pg-notify-bus.js';
import { parsePostgresUrl } from '../../src/store/postgres.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { article, postgresOnly, testDatabase, TEST_DATABASE_URL } from '../helpers/store.js';
import { scratchDir } from '../helpers/paths.js';

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('when the LISTEN connection comes back, every cached page is purged', { skip: postgresOnly }, async () => {
  const place = testDatabase();
  const store = await place.open({ onError: () => {} });
  const app = await buildServer({
    store,
    site: siteConfig({ timeZone: 'Asia/Riyadh' }, {}),
    cacheBytes: 8 * 1024 * 1024,
    newsroom: { scheduler: false, mediaDir: scratchDir('media') },
  });
  const admin = new pg.Client({ connectionString: parsePostgresUrl(TEST_DATABASE_URL!).connectionString });
  admin.on('error', () => {});
  await admin.connect();
  try {
    const bus = store.changes as PgNotifyBus;
    const heard: Change[] = [];
    bus.subscribe((c) => heard.push(c));
    await bus.ready();
    const [saved] = await store.saveArticles([article({ title: 'عنوان قبل الانقطاع: تفاصيل' })]);
    const url = `/articles/${encodeURIComponent(saved!.article.slug)}`;
    assert.equal((await app.inject(url)).headers['x-cache'], 'miss');
    assert.equal((await app.inject(url)).headers['x-cache'], 'hit');

    // Kill the listening connection, and change the article where no notification is sent.
    const connections = bus.connections;
    const { rowCount } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where query = $1', [
      `LISTEN "${bus.channel}"`,
    ]);
    assert.equal(rowCount, 1, 'found the listening connection');
    await admin.query(`update "${new URL(place.location).searchParams.get('schema')}".articles set title = $1 where id = $2`, [
      'عنوان بعد الانقطاع: تفاصيل',
      saved!.article.id,
    ]);

    await until('the bus to listen again', () => bus.listening && bus.connections > connections);
    assert.ok(heard.some((c) => c.everything), 'the listeners were told that anything may have changed');
    const res = await app.inject(url);
    assert.equal(res.headers['x-cache'], 'miss', 'the cached page was purged');
    assert.match(res.body, /عنوان بعد الانقطاع/);
  } finally {
    await admin.end();
    await app.close();
    await store.close();
    await place.drop();
  }
});
