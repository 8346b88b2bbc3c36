/**
 * Moving a site to Sahifa: the real WordPress and Ghost exports of
 * ../shared/fixtures through `sahifa import`, then the site they make —
 * pages, drafts kept back, and the old addresses redirecting.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { sahifa } from '../helpers/cli.js';
import { SHARED } from '../helpers/paths.js';
import { testDatabase, type TestDatabase } from '../helpers/store.js';

const WXR = path.join(SHARED, 'fixtures/wordpress-export.xml');
const GHOST = path.join(SHARED, 'fixtures/ghost-export.json');

let place: TestDatabase;
let store: SqliteStore;
let app: Awaited<ReturnType<typeof buildServer>>;
let first: Awaited<ReturnType<typeof sahifa>>;

before(async () => {
  place = testDatabase();
  first = await sahifa('import', '--db', place.location, WXR);
  store = await place.open();
  app = await buildServer({ store, site: siteConfig({}, {}) });
});
after(async () => {
  await app.close();
  await store.close();
  await place.drop();
});

const get = (url: string) => app.inject({ method: 'GET', url });

test('migrate: a WordPress export imports whole; drafts and the scheduled post stay off the site', async () => {
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout.trim().split('\n').at(-1), 'imported 25, updated 0, failed 0');
  const home = await app.inject({ method: 'GET', url: '/api/articles?limit=50' });
  assert.equal(home.json().total, 22, 'the published posts only');

  const page = await get('/articles/fr-sport-11-20180204');
  assert.equal(page.statusCode, 200);
  assert.equal(page.body.match(/<h2>/g)?.length, 1);
  assert.match(page.body, /<blockquote>/);
  assert.match(page.body, /href="\/tags\/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9">#رياضة<\/a>/, 'the category is the first tag');
  assert.equal((await get(`/articles/${encodeURIComponent('المؤلف-الموسيقي-الأيسلندي-الشهير')}`)).statusCode, 200, 'the Arabic slug');
  assert.equal((await get('/articles/al-sport-1-20180218')).statusCode, 404, 'a draft');
  assert.equal((await get('/articles/sk-economy-1011-20180719')).statusCode, 404, 'scheduled for 2027');
});

test('migrate: the old addresses redirect to the articles; other paths are still the site\'s', async () => {
  const moved = async (url: string) => {
    const res = await get(url);
    return res.statusCode === 301 ? String(res.headers.location) : res.statusCode;
  };
  assert.equal(await moved('/fr-sport-11-20180204/'), '/articles/fr-sport-11-20180204');
  assert.equal(await moved('/fr-sport-11-20180204'), '/articles/fr-sport-11-20180204');
  assert.equal(await moved('/2018/02/04/fr-sport-11-20180204/'), '/articles/fr-sport-11-20180204', 'date permalinks');
  assert.equal(await moved('/2018/02/fr-sport-11-20180204/'), '/articles/fr-sport-11-20180204');
  const arabic = encodeURIComponent('المؤلف-الموسيقي-الأيسلندي-الشهير');
  assert.equal(await moved(`/${arabic.toLowerCase()}/`), `/articles/${arabic}`, 'WordPress writes lower-case escapes');
  assert.equal(await moved('/al-sport-1-20180218/'), 404, 'a draft has no address yet');
  assert.equal(await moved('/no-such-post/'), 404);
  assert.equal(await moved('/news/02/fr-sport-11-20180204/'), 404, 'not a date');
  assert.equal(await moved('/feed.xml'), 200);
  assert.equal(await moved('/search'), 200);
});

test('migrate: importing the export again updates; the Ghost export of the same posts is reported as copies', async () => {
  const again = await sahifa('import', '--db', place.location, WXR);
  assert.equal(again.stdout.trim().split('\n').at(-1), 'imported 0, updated 25, failed 0');
  const ghost = await sahifa('import', '--db', place.location, '--skip-duplicates', GHOST);
  assert.equal(ghost.code, 0, ghost.stderr);
  assert.equal(ghost.stdout.match(/^duplicate: /gm)?.length, 25);
  assert.equal(ghost.stdout.trim().split('\n').at(-1), 'imported 0, updated 0, failed 0, skipped 25 duplicates');
});

test('migrate: a broken export imports nothing and says where it broke', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-migrate-'));
  const broken = path.join(dir, 'export.xml');
  writeFileSync(broken, '<?xml version="1.0"?>\n<rss>\n<channel>\n<item><title>خبر</item>\n</channel></rss>');
  const res = await sahifa('import', '--db', place.location, broken);
  assert.equal(res.code, 1);
  assert.match(res.stderr, /export\.xml: line 4: not well-formed XML/);
  assert.equal(res.stdout.trim(), 'imported 0, updated 0, failed 1');
  const wrong = await sahifa('import', '--db', place.location, '--format', 'ghost', WXR);
  assert.match(wrong.stderr, /not valid JSON/);
});
