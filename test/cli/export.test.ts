/**
 * `sahifa export` and `sahifa backup`: a newsroom can take its site away
 * whole. An export imports back into a new site with every article as it
 * was (any status, Markdown body, tags, byline, dates, slug, featured), and
 * what the newsroom wrote about its tags and authors; a backup is a database
 * and uploads that serve as they are.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/content/article.js';
import { saveArticles } from '../../src/services/articles.js';
import { loadDemo } from '../../src/services/demo.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { sahifa } from '../helpers/cli.js';
import { scratchDir } from '../helpers/paths.js';
import { article, sqliteOnly, testDatabase, type TestDatabase } from '../helpers/store.js';

let source: TestDatabase;
let originals: Article[];
let profiles: Awaited<ReturnType<SqliteStore['newsroom']['allAuthorProfiles']>>;
const TAG_ABOUT = 'أخبار النقل العام في العاصمة الأردنية.';
const dir = scratchDir('export');

before(async () => {
  source = testDatabase();
  const store = await source.open();
  await loadDemo(store);
  await saveArticles(store, [
    article({ title: 'مسودة: خطة النقل العام في عمّان', status: 'draft', author: 'ليلى الحسيني' }),
    article({ title: 'مجدول: افتتاح خط الحافلات السريعة', status: 'scheduled', publishedAt: new Date(Date.now() + 86400_000).toISOString() }),
    article({
      title: 'صور: الحافلات الجديدة في شوارع عمّان',
      externalId: 'wp:https://old.example/?p=77',
      body: '## المشهد\n\nبدأت [الحافلات](https://example.org/bus) *الجديدة* العمل.\n\n![حافلة حمراء](https://example.org/bus.jpg "الحافلة في محطتها الأولى")\n\n> «خطوة طال انتظارها»، قال راكب.',
      featured: true,
      corrections: [{ at: '2026-11-20T10:00:00.000Z', text: 'كان عدد الحافلات عشرين لا ثلاثين.' }],
    }),
  ]);
  originals = [];
  for await (const a of store.streamAll()) originals.push(a);
  await store.newsroom.describeTag((await store.getTag(originals.at(-1)!.tags[0]!))!.id, TAG_ABOUT);
  profiles = await store.newsroom.allAuthorProfiles();
  await store.close();
});
after(() => source.drop());

test('an export imports back into a new site with every article as it was', async () => {
  const file = path.join(dir, 'site.jsonl');
  const out = await sahifa('export', '--db', source.location, file);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stderr, new RegExp(`exported ${originals.length} articles and 1 tag description, ${profiles.length} author profiles to `));
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind?: string });
  assert.equal(lines.filter((l) => l.kind === undefined).length, originals.length);
  assert.ok(originals.length > 40);
  assert.equal(lines.filter((l) => l.kind === 'tag').length, 1);
  assert.equal(lines.filter((l) => l.kind === 'author').length, profiles.length);
  assert.ok(profiles.length >= 6, "the demo's reporters");
  assert.ok(originals.some((a) => a.corrections.length === 1), 'a correction among them');

  const target = testDatabase();
  try {
    const imported = await sahifa('import', '--db', target.location, file);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout + imported.stderr, new RegExp(`imported ${originals.length}, updated 0, failed 0`));
    const store = await target.open();
    try {
      const copies = new Map<string, Article>();
      for await (const a of store.streamAll()) copies.set(a.slug, a);
      assert.equal(copies.size, originals.length);
      for (const a of originals) {
        const b = copies.get(a.slug);
        assert.ok(b, a.slug);
        assert.deepEqual(
          [b!.title, b!.description, b!.tags, b!.body, b!.status, b!.publishedAt, b!.author, b!.featured, b!.corrections],
          [a.title, a.description, a.tags, a.body, a.status, a.publishedAt, a.author, a.featured, a.corrections],
          a.title,
        );
        assert.equal(b!.updatedAt, a.updatedAt, `${a.title}: its last change, not the import's`);
      }
      assert.equal((await store.getTag(originals.at(-1)!.tags[0]!))!.description, TAG_ABOUT);
      // The portraits are files (a backup carries them); everything else of a profile comes back.
      assert.deepEqual(await store.newsroom.allAuthorProfiles(), profiles.map((p) => ({ ...p, imageId: null })));
      // An article imported from elsewhere keeps its old id: importing the export again updates, not repeats.
      assert.equal(copies.get(originals.find((a) => a.externalId === 'wp:https://old.example/?p=77')!.slug)!.externalId, 'wp:https://old.example/?p=77');
    } finally {
      await store.close();
    }
    const again = await sahifa('import', '--db', target.location, file);
    assert.match(again.stdout + again.stderr, new RegExp(`imported 0, updated ${originals.length}, failed 0`));
  } finally {
    await target.drop();
  }
});

test('export writes to standard output without a FILE, and refuses what would lose or invent something', async () => {
  const out = await sahifa('export', '--db', source.location);
  assert.equal(out.code, 0, out.stderr);
  const first = JSON.parse(out.stdout.split('\n')[0]!);
  assert.equal(first.format, 'markdown');
  assert.ok(first.title && first.body && first.status);
  const dash = await sahifa('export', '--db', source.location, '-');
  assert.equal(dash.stdout, out.stdout, '"-" is standard output too, not a file of that name');

  const taken = path.join(dir, 'taken.jsonl');
  writeFileSync(taken, 'قديم\n');
  const clash = await sahifa('export', '--db', source.location, taken);
  assert.equal(clash.code, 2);
  assert.match(clash.stderr, /exists: export writes a new file/);
  assert.equal(readFileSync(taken, 'utf8'), 'قديم\n', 'the file is left as it was');
  const missing = await sahifa('export', '--db', path.join(dir, 'no-such.db'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no database at/);
  assert.ok(!existsSync(path.join(dir, 'no-such.db')), 'no empty database made in its place');
});

test('a backup is the database and the uploads, taken while the site runs, that serve as they are', { skip: sqliteOnly }, async () => {
  const site = path.join(scratchDir('backup'), 'site');
  mkdirSync(path.join(site, 'media', '2026', '11'), { recursive: true });
  const db = path.join(site, 'sahifa.db');
  const store = await openSqliteStore(db);
  await saveArticles(store, [article({ title: 'خبر قبل النسخة الاحتياطية: افتتاح مكتبة' })]);
  writeFileSync(path.join(site, 'media', '2026', '11', 'library.webp'), 'صورة');
  // The site keeps its store open (a running server): the backup is taken beside it.
  const to = path.join(scratchDir('backup'), 'copy');
  const out = await sahifa('backup', '--db', db, to);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stderr, /and 1 upload to /);
  await saveArticles(store, [article({ title: 'خبر بعد النسخة: لا يكون فيها' })]);
  await store.close();

  const copy = await openSqliteStore(path.join(to, 'sahifa.db'));
  try {
    const titles: string[] = [];
    for await (const a of copy.streamAll()) titles.push(a.title);
    assert.deepEqual(titles, ['خبر قبل النسخة الاحتياطية: افتتاح مكتبة']);
    assert.equal((await copy.search({ q: 'مكتبة', page: 1, limit: 10 })).total, 1, 'its search index came too');
  } finally {
    await copy.close();
  }
  assert.equal(readFileSync(path.join(to, 'media', '2026', '11', 'library.webp'), 'utf8'), 'صورة');

  const again = await sahifa('backup', '--db', db, to);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /exists: backup writes a new folder/);
  const pg = await sahifa('backup', '--db', 'postgres://localhost/sahifa', path.join(dir, 'pg'));
  assert.equal(pg.code, 2);
  assert.match(pg.stderr, /pg_dump/);
});
