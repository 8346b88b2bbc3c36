/** The owner's import page: a WordPress or Ghost export through the admin, checked like any other write. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importUpload, sniffFormat } from '../../src/services/import.js';
import { SHARED } from '../helpers/paths.js';
import { Client, makeKey, makeUser, multipart, newsroomSite, type Site } from './helpers.js';

const WXR = readFileSync(path.join(SHARED, 'fixtures/wordpress-export.xml'));
const GHOST = readFileSync(path.join(SHARED, 'fixtures/ghost-export.json'));

let site: Site;
before(async () => {
  site = await newsroomSite();
});
after(() => site.close());

async function signedIn(role: 'owner' | 'editor'): Promise<Client> {
  const { email, password } = await makeUser(site.store, role);
  const c = new Client(site.app);
  await c.login(email, password);
  return c;
}

function upload(c: Client, data: Buffer, fields: Record<string, string> = {}, withToken = true) {
  const body = multipart({ ...(withToken ? { _csrf: c.csrf } : {}), ...fields }, { name: 'file', filename: 'export', type: 'application/octet-stream', data });
  return c.request({ method: 'POST', url: '/admin/import', headers: body.headers, payload: body.payload });
}

test('import page: the owner imports a WordPress export, then again, and sees what happened', async () => {
  const owner = await signedIn('owner');
  const page = await owner.get('/admin/import');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<input id="import-file" name="file" type="file"/);

  const first = await upload(owner, WXR);
  assert.equal(first.statusCode, 200, first.body.slice(0, 500));
  assert.match(first.body, /<p id="import-counts">أُضيف 25 · حُدّث 0<\/p>/);
  assert.equal(await site.store.countArticles(), 25);
  assert.ok(await site.store.getArticle('fr-sport-11-20180204'), 'a published post is on the site');

  const again = await upload(owner, WXR);
  assert.match(again.body, /<p id="import-counts">أُضيف 0 · حُدّث 25<\/p>/);

  // The Ghost export of the same posts: every post a copy of one already there.
  const ghost = await upload(owner, GHOST, { skip_duplicates: 'on' });
  assert.match(ghost.body, /<p id="import-counts">أُضيف 0 · حُدّث 0 · تُرك 25 مكرراً<\/p>/);
  assert.match(ghost.body, /<h3 id="import-duplicates">نسخ مكررة من أخبار موجودة \(25\)<\/h3>/);
  assert.equal(await site.store.countArticles(), 25);
});

test('import page: a broken export imports nothing and the page says why', async () => {
  const owner = await signedIn('owner');
  const before = await site.store.countArticles();
  const broken = await upload(owner, Buffer.from('<?xml version="1.0"?>\n<rss>\n<channel>\n<item><title>خبر</item>\n</channel></rss>'));
  assert.equal(broken.statusCode, 422);
  assert.match(broken.body, /لم يُستورد الملف/);
  assert.match(broken.body, /line 4: not well-formed XML/);
  const wrong = await upload(owner, Buffer.from(WXR), { format: 'ghost' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /not valid JSON/);
  const empty = await upload(owner, Buffer.alloc(0));
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /اختر ملف التصدير/);
  assert.equal(await site.store.countArticles(), before);
});

test('import page: owners only, with the CSRF token, within the size limit', async () => {
  const editor = await signedIn('editor');
  assert.equal((await upload(editor, WXR)).statusCode, 403, 'an editor');
  const owner = await signedIn('owner');
  assert.equal((await upload(owner, WXR, {}, false)).statusCode, 403, 'no CSRF token');

  const small = await newsroomSite({ config: { maxImportBytes: 4096 } });
  try {
    const { email, password } = await makeUser(small.store, 'owner');
    const c = new Client(small.app);
    await c.login(email, password);
    const big = multipart({ _csrf: c.csrf }, { name: 'file', filename: 'export.xml', type: 'text/xml', data: WXR });
    const res = await c.request({ method: 'POST', url: '/admin/import', headers: big.headers, payload: big.payload });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /ملف التصدير أكبر من/);
    assert.equal(await small.store.countArticles(), 0);
  } finally {
    await small.close();
  }
});

test('Admin API: POST /api/admin/import takes an export from an owner key and answers with the report', async () => {
  const owner = await makeKey(site.store, 'owner');
  const editor = await makeKey(site.store, 'editor');
  const post = (auth: Record<string, string>, data: Buffer, fields: Record<string, string> = {}) => {
    const body = multipart(fields, { name: 'file', filename: 'export.json', type: 'application/json', data });
    return site.app.inject({ method: 'POST', url: '/api/admin/import', headers: { ...auth, ...body.headers }, payload: body.payload });
  };
  assert.equal((await post(editor.auth, GHOST)).statusCode, 403);
  const res = await post(owner.auth, GHOST, { format: 'ghost' });
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  const report = res.json();
  assert.deepEqual(Object.keys(report).sort(), ['duplicates', 'errors', 'failed', 'imported', 'notes', 'skipped', 'updated']);
  assert.equal(report.failed, 0);
  assert.equal(report.imported + report.updated, 25);
  const bad = await post(owner.auth, Buffer.from('{"db": ['));
  assert.equal(bad.statusCode, 422);
  assert.match(bad.json().errors[0], /not valid JSON/);
  const unknown = await post(owner.auth, GHOST, { format: 'csv' });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().field, 'format');

  const small = await newsroomSite({ config: { maxImportBytes: 4096 } });
  try {
    const key = await makeKey(small.store, 'owner');
    const body = multipart({}, { name: 'file', filename: 'export.xml', type: 'text/xml', data: WXR });
    const big = await small.app.inject({ method: 'POST', url: '/api/admin/import', headers: { ...key.auth, ...body.headers }, payload: body.payload });
    assert.equal(big.statusCode, 413);
    assert.match(big.json().message, /The export is larger than/);
  } finally {
    await small.close();
  }
});

test('an upload without a name is told apart by its content', () => {
  assert.equal(sniffFormat(WXR.toString('utf8')), 'wordpress');
  assert.equal(sniffFormat(GHOST.toString('utf8')), 'ghost');
  assert.equal(sniffFormat('{\n  "db": [ ]\n}'), 'ghost');
  assert.equal(sniffFormat('\uFEFF{"title": "خبر", "body": "نص"}\n{"title": "آخر", "body": "نص"}'), 'jsonl');
  assert.equal(sniffFormat('عنوان الخبر: تفاصيل\nوصف #وسم\nالنص.'), 'text');
});

test('the owner downloads every article as JSON lines, which another site imports whole; editors may not', async () => {
  const owner = await signedIn('owner');
  assert.match((await owner.get('/admin/import')).body, /<a class="button" id="export-link" href="\/admin\/export" download>/);
  const download = await owner.get('/admin/export');
  assert.equal(download.statusCode, 200);
  assert.match(download.headers['content-type'] as string, /application\/x-ndjson/);
  assert.match(download.headers['content-disposition'] as string, /^attachment; filename="sahifa-export-\d{4}-\d{2}-\d{2}\.jsonl"$/);
  const lines = download.body.trim().split('\n');
  assert.equal(lines.length, await site.store.countArticles());
  const drafts = lines.map((l) => JSON.parse(l)).filter((a: { status: string }) => a.status === 'draft');
  assert.ok(drafts.length >= 2, 'drafts too: the WordPress export has two');

  const { auth } = await makeKey(site.store, 'owner');
  const viaKey = await site.app.inject({ method: 'GET', url: '/api/admin/export', headers: auth });
  assert.equal(viaKey.statusCode, 200);
  assert.equal(viaKey.body, download.body);

  const editor = await signedIn('editor');
  assert.equal((await editor.get('/admin/export')).statusCode, 403);
  assert.equal((await site.app.inject({ method: 'GET', url: '/api/admin/export', headers: (await makeKey(site.store, 'editor')).auth })).statusCode, 403);
  assert.equal((await site.app.inject({ method: 'GET', url: '/api/admin/export' })).statusCode, 401);

  const other = await newsroomSite();
  try {
    const { auth: otherOwner } = await makeKey(other.store, 'owner');
    const body = multipart({}, { name: 'file', filename: 'sahifa-export.jsonl', type: 'application/x-ndjson', data: Buffer.from(download.body) });
    const imported = await other.app.inject({ method: 'POST', url: '/api/admin/import', headers: { ...otherOwner, ...body.headers }, payload: body.payload });
    assert.equal(imported.statusCode, 200, imported.body.slice(0, 300));
    assert.equal(imported.json().imported, lines.length);
    const again = (await other.app.inject({ method: 'GET', url: '/api/admin/export', headers: otherOwner })).body.trim().split('\n').map((l) => JSON.parse(l));
    const first = lines.map((l) => JSON.parse(l));
    // The same articles, field for field, but the ids an export gives articles first stored here.
    const strip = ({ id: _id, ...rest }: { id: string }) => rest;
    assert.deepEqual(again.map(strip), first.map(strip));
  } finally {
    await other.close();
  }
});

test('when what an import adds around its articles fails, the articles stay imported and a note says what is missing', async () => {
  const fresh = await newsroomSite();
  const original = fresh.store.addTagAliases.bind(fresh.store);
  // The store's write of the old site's tag addresses fails, as a full disk would make it.
  fresh.store.addTagAliases = async () => {
    throw new Error('database or disk is full');
  };
  try {
    const report = await importUpload(fresh.store, 'wordpress-export.xml', WXR.toString('utf8'), {});
    assert.equal(report.failed, 0, JSON.stringify(report.errors));
    assert.equal(report.imported, 25);
    assert.ok(
      report.notes.some((n) => n === "wordpress-export.xml: the old site's tag addresses and descriptions not recorded (database or disk is full); the articles are imported"),
      JSON.stringify(report.notes),
    );
    assert.equal(await fresh.store.countArticles(), 25);
    assert.equal(await fresh.store.bylineByAlias('admin'), 'admin', 'the steps after it still ran');
  } finally {
    fresh.store.addTagAliases = original;
    await fresh.close();
  }
});
