import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { isPostgresLocation } from '../../src/store/open.js';
import { openAt, testDatabase } from '../helpers/store.js';
import { SEED, scratchDir } from '../helpers/paths.js';
import { sahifa } from '../helpers/cli.js';



const line = (o: object) => JSON.stringify(o);

test('import: good files import, a bad file imports nothing, the exit code says so', async () => {
  const dir = scratchDir('cli');
  const place = testDatabase();
  const db = place.location;
  const good = path.join(dir, 'good.jsonl');
  const bad = path.join(dir, 'bad.jsonl');
  writeFileSync(good, [line({ id: 'g1', title: 'خبر أول: تفاصيل', body: 'نص الخبر الأول.' }), line({ id: 'g2', title: 'خبر ثان: تفاصيل', body: 'نص الخبر الثاني.' })].join('\n'));
  writeFileSync(bad, [line({ id: 'b1', title: 'خبر سليم', body: 'نص.' }), line({ id: 'b2', body: 'بلا عنوان.' })].join('\n'));

  const first = await sahifa('import', '--db', db, SEED, bad, good);
  assert.equal(first.code, 1);
  assert.match(first.stderr, /bad\.jsonl: line 2: title/);
  assert.equal(first.stdout.trim().split('\n').at(-1), 'imported 3, updated 0, failed 1');

  const store = await openAt(db);
  assert.equal(await store.countArticles(), 3, 'nothing from the bad file');
  if (isPostgresLocation(db)) {
    // The import brought the planner's statistics up to date rather than leave it to autovacuum.
    const { rows } = await sql<{ analysed: boolean }>`select last_analyze is not null as analysed from pg_stat_user_tables
      where relname = 'articles' and schemaname = current_schema()`.execute(store.db);
    assert.equal(rows[0]?.analysed, true);
  }
  await store.close();

  const again = await sahifa('import', '--db', db, good);
  assert.equal(again.code, 0);
  assert.equal(again.stdout.trim(), 'imported 0, updated 2, failed 0');
  await place.drop();
});

test('import: usage errors are clear', async () => {
  const none = await sahifa('import');
  assert.equal(none.code, 2);
  assert.match(none.stderr, /at least one FILE/);
  const fmt = await sahifa('import', '--format', 'xml', SEED);
  assert.equal(fmt.code, 2);
  assert.match(fmt.stderr, /--format must be one of text, jsonl, wordpress, ghost/);
  const dir = scratchDir('cli');
  const missing = await sahifa('import', '--db', path.join(dir, 'x.db'), path.join(dir, 'nope.txt'), path.join(dir, 'a.csv'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.txt: ENOENT/);
  assert.match(missing.stderr, /a\.csv: unknown format/);
  assert.match(missing.stdout, /imported 0, updated 0, failed 2/);
  assert.equal((await sahifa('frobnicate')).code, 2);
});
