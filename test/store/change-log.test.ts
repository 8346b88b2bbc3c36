/**
 * The SQLite change log: what another process writes to the same file is
 * heard by a listening process (its render cache purges on it), once, only
 * after commit; and a process does not hear its own writes twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { saveArticles } from '../../src/services/articles.js';
import type { Change } from '../../src/store/changes.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { SqliteChangeLog } from '../../src/store/sqlite-change-log.js';
import { article } from '../helpers/store.js';

const require = createRequire(import.meta.url);

/** Two stores on one new file, as two processes would have: `web` listens, `other` writes. */
async function onOneFile(work: (web: SqliteStore, other: SqliteStore, log: SqliteChangeLog) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-log-'));
  const file = path.join(dir, 'site.db');
  const web = await openSqliteStore(file);
  const other = await openSqliteStore(file);
  try {
    assert.ok(web.changes instanceof SqliteChangeLog);
    await work(web, other, web.changes);
  } finally {
    await web.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('changes written by another store on the file are heard, once, after commit', async () => {
  await onOneFile(async (web, other, log) => {
    const heard: Change[] = [];
    web.changes.subscribe((c) => heard.push(c));
    await log.poll(); // the cursor: from now on

    const [saved] = await saveArticles(other, [article({ tags: ['اقتصاد'] })]);
    assert.equal(heard.length, 0, 'not before a poll');
    await log.poll();
    assert.equal(heard.length, 1);
    assert.ok(heard[0]!.pages.includes(saved!.article.id));
    assert.ok(heard[0]!.lists.includes('home'));
    assert.ok(heard[0]!.lists.some((l) => l.startsWith('tag:')));
    await log.poll();
    assert.equal(heard.length, 1, 'each change once');

    // Its own writes it heard at once, from its own bus: the log does not tell them again.
    await saveArticles(web, [article()]);
    assert.equal(heard.length, 2);
    await log.poll();
    assert.equal(heard.length, 2);

    // A write that fails leaves nothing in the log.
    await assert.rejects(other.saveArticles([{ ...article(), title: '' }]));
    await log.poll();
    assert.equal(heard.length, 2);
  });
});

test('a listener hears other processes’ changes by itself, within the poll interval', async () => {
  await onOneFile(async (web, other) => {
    const heard = new Promise<Change>((resolve) => web.changes.subscribe(resolve));
    await new Promise((r) => setTimeout(r, 50)); // the first poll sets the cursor
    const [saved] = await saveArticles(other, [article()]);
    const change = await Promise.race([heard, new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
    assert.ok(change, 'heard within 3 s');
    assert.ok(change.pages.includes(saved!.article.id));
  });
});

test('a listener that missed pruned rows is told that anything may have changed', async () => {
  await onOneFile(async (web, other, log) => {
    const heard: Change[] = [];
    web.changes.subscribe((c) => heard.push(c));
    await log.poll();
    await saveArticles(other, [article()]);
    await saveArticles(other, [article()]);
    // As the hourly prune would, had this process been stalled that long.
    await sql`delete from change_log where id = (select min(id) from change_log)`.execute(other.db);
    await log.poll();
    assert.equal(heard[0]?.everything, true);
    assert.equal(heard.length, 2, 'then the change it can still read');
  });
});

test('a write transaction holds the file from its start, so another process waits for it instead of failing on a stale read', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-lock-'));
  const file = path.join(dir, 'site.db');
  const store = await openSqliteStore(file);
  // Another process asks for the write lock without waiting: "free" or SQLite's error code.
  const otherProcess = () =>
    spawnSync(process.execPath, [
      '-e',
      `const Db = require(${JSON.stringify(require.resolve('better-sqlite3'))}); const db = new Db(${JSON.stringify(file)}); db.pragma('busy_timeout = 0');
       try { db.exec('begin immediate'); db.exec('rollback'); console.log('free'); } catch (e) { console.log(e.code); }`,
    ]).stdout.toString().trim();
  try {
    assert.equal(otherProcess(), 'free');
    await store.db.transaction().execute(async (trx) => {
      // Only a read so far: begun deferred, the transaction would hold nothing yet, and its first write
      // would fail at once had the other process written since. Begun immediate, the file is its own.
      await trx.selectFrom('articles').select('id').execute();
      assert.equal(otherProcess(), 'SQLITE_BUSY');
    });
    assert.equal(otherProcess(), 'free');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
