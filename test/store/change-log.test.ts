/**
 * The SQLite change log: what another process writes to the same file is
 * heard by a listening process (its render cache purges on it), once, only
 * after commit; and a process does not hear its own writes twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { saveArticles } from '../../src/services/articles.js';
import type { Change } from '../../src/store/changes.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { SqliteChangeLog } from '../../src/store/sqlite-change-log.js';
import { article } from '../helpers/store.js';

test('changes written by another store on the file are heard, once, after commit', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-log-'));
  const file = path.join(dir, 'site.db');
  const web = await openSqliteStore(file);
  const other = await openSqliteStore(file);
  try {
    assert.ok(web.changes instanceof SqliteChangeLog);
    const heard: Change[] = [];
    web.changes.subscribe((c) => heard.push(c));
    await (web.changes as SqliteChangeLog).poll(); // the cursor: from now on

    const [saved] = await saveArticles(other, [article({ tags: ['اقتصاد'] })]);
    assert.equal(heard.length, 0, 'not before a poll');
    await (web.changes as SqliteChangeLog).poll();
    assert.equal(heard.length, 1);
    assert.ok(heard[0]!.pages.includes(saved!.article.id));
    assert.ok(heard[0]!.lists.includes('home'));
    assert.ok(heard[0]!.lists.some((l) => l.startsWith('tag:')));
    await (web.changes as SqliteChangeLog).poll();
    assert.equal(heard.length, 1, 'each change once');

    // Its own writes it heard at once, from its own bus: the log does not tell them again.
    await saveArticles(web, [article()]);
    assert.equal(heard.length, 2);
    await (web.changes as SqliteChangeLog).poll();
    assert.equal(heard.length, 2);

    // A write that fails leaves nothing in the log.
    await assert.rejects(other.saveArticles([{ ...article(), title: '' }]));
    await (web.changes as SqliteChangeLog).poll();
    assert.equal(heard.length, 2);
  } finally {
    await web.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a listener hears other processes’ changes by itself, within the poll interval', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-log-'));
  const file = path.join(dir, 'site.db');
  const web = await openSqliteStore(file);
  const other = await openSqliteStore(file);
  try {
    const heard = new Promise<Change>((resolve) => web.changes.subscribe(resolve));
    await new Promise((r) => setTimeout(r, 50)); // the first poll sets the cursor
    const [saved] = await saveArticles(other, [article()]);
    const change = await Promise.race([heard, new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
    assert.ok(change, 'heard within 3 s');
    assert.ok(change.pages.includes(saved!.article.id));
  } finally {
    await web.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a listener that missed pruned rows is told that anything may have changed', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-log-'));
  const file = path.join(dir, 'site.db');
  const web = await openSqliteStore(file);
  const other = await openSqliteStore(file);
  try {
    const heard: Change[] = [];
    web.changes.subscribe((c) => heard.push(c));
    await (web.changes as SqliteChangeLog).poll();
    await saveArticles(other, [article()]);
    await saveArticles(other, [article()]);
    // As the hourly prune would, had this process been stalled that long.
    await sql`delete from change_log where id = (select min(id) from change_log)`.execute(other.db);
    await (web.changes as SqliteChangeLog).poll();
    assert.equal(heard[0]?.everything, true);
    assert.equal(heard.length, 2, 'then the change it can still read');
  } finally {
    await web.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
