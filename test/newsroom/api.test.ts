import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { roleBelow, type Role } from '../../src/auth/roles.js';
import { testDatabase } from '../helpers/store.js';
import { Client, arabicArticle, makeKey, makeUser, multipart, newsroomSite, openAt, testPng, type Site } from './helpers.js';

let site: Site;
let keys: Record<Role, Awaited<ReturnType<typeof makeKey>>>;

before(async () => {
  site = await newsroomSite();
  keys = {
    owner: await makeKey(site.store, 'owner'),
    editor: await makeKey(site.store, 'editor'),
    author: await makeKey(site.store, 'author'),
    contributor: await makeKey(site.store, 'contributor'),
  };
});
after(() => site.close());

const call = (method: string, url: string, headers: Record<string, string> = {}, payload?: unknown) =>
  site.app.inject({
    method: method as 'GET',
    url,
    headers: { ...headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });

const concrete = (url: string) => url.replace(/:[a-z]+/g, '1');

test('every admin route refuses without auth (401) and below its role (403)', async () => {
  const routes = site.app.newsroom.routes.filter((r) => r.url.startsWith('/api/admin/'));
  assert.ok(routes.length >= 25, `found ${routes.length} admin routes`);
  let checked403 = 0;
  for (const r of routes) {
    assert.ok(r.role, `${r.method} ${r.url} declares the role it admits`);
    const anonymous = await call(r.method, concrete(r.url));
    assert.equal(anonymous.statusCode, 401, `${r.method} ${r.url} without auth`);
    if (r.method !== 'HEAD') assert.equal(anonymous.json().error, 'unauthorized');
    const wrongKey = await call(r.method, concrete(r.url), { authorization: 'Bearer sk_not-a-key' });
    assert.equal(wrongKey.statusCode, 401, `${r.method} ${r.url} with a made-up key`);
    const below = roleBelow(r.role!);
    if (!below) continue; // contributor routes: no role is lower (ownership is tested below)
    const res = await call(r.method, concrete(r.url), keys[below].auth);
    assert.equal(res.statusCode, 403, `${r.method} ${r.url} as ${below}`);
    if (r.method !== 'HEAD') {
      const body = res.json();
      assert.equal(body.error, 'forbidden');
      assert.ok(body.message && body.message_ar);
    }
    checked403++;
  }
  assert.ok(checked403 >= 15, `403 checked on ${checked403} routes`);

  // The editor's pages: without an account, the sign-in page; below the role, 403.
  const pages = site.app.newsroom.routes.filter((r) => r.url.startsWith('/admin') && r.access !== 'public' && r.method !== 'HEAD');
  assert.ok(pages.length >= 10);
  for (const r of pages) {
    const res = await call(r.method, concrete(r.url));
    assert.equal(res.statusCode, 303, `${r.method} ${r.url} without an account`);
    assert.match(res.headers.location as string, /^\/admin\/login/);
    const below = roleBelow(r.role!);
    if (below && r.method === 'GET') assert.equal((await call('GET', concrete(r.url), keys[below].auth)).statusCode, 403, `${r.url} as ${below}`);
  }
});

test('ownership: a contributor drafts and submits but cannot publish; an author cannot edit another’s article', async () => {
  const c = keys.contributor.auth;
  const created = await call('POST', '/api/admin/articles', c, arabicArticle('مسودة مساهم عن معرض الكتاب'));
  assert.equal(created.statusCode, 201);
  const a = created.json();
  assert.equal(a.status, 'draft');
  assert.equal((await call('POST', `/api/admin/articles/${a.id}/publish`, c)).statusCode, 403);
  const asPublished = await call('POST', '/api/admin/articles', c, { ...arabicArticle('محاولة نشر مباشرة من مساهم'), status: 'published' });
  assert.equal(asPublished.statusCode, 403);
  assert.equal(asPublished.json().error, 'forbidden');
  assert.equal((await call('POST', `/api/admin/articles/${a.id}/submit`, c)).json().status, 'submitted');
  assert.equal((await call('PATCH', `/api/admin/articles/${a.id}`, keys.author.auth, { title: 'عنوان آخر' })).statusCode, 403);
  const published = await call('POST', `/api/admin/articles/${a.id}/publish`, keys.editor.auth);
  assert.equal(published.json().status, 'published');
  // Published, it is no longer the contributor's to change.
  assert.equal((await call('PATCH', `/api/admin/articles/${a.id}`, c, { title: 'تعديل بعد النشر' })).statusCode, 403);
  assert.equal((await call('DELETE', `/api/admin/articles/${a.id}`, keys.author.auth)).statusCode, 403);
  // An author publishes their own.
  const own = (await call('POST', '/api/admin/articles', keys.author.auth, arabicArticle('خبر كاتب ينشره بنفسه'))).json();
  assert.equal((await call('POST', `/api/admin/articles/${own.id}/publish`, keys.author.auth)).json().status, 'published');
  assert.equal((await site.app.inject(`/articles/${encodeURIComponent(own.slug)}`)).statusCode, 200);
});

test('bad payloads give 400 naming the field, in English and Arabic', async () => {
  const e = keys.editor.auth;
  const cases: [string, string, unknown, string][] = [
    ['POST', '/api/admin/articles', { ...arabicArticle(), title: { text: 'عنوان' } }, 'title'],
    ['POST', '/api/admin/articles', { title: 'عنوان' }, 'body'],
    ['POST', '/api/admin/articles', { ...arabicArticle(), tags: { first: 'ثقافة' } }, 'tags'],
    ['POST', '/api/admin/articles', { ...arabicArticle(), title: '   ' }, 'title'],
    ['POST', '/api/admin/articles', { ...arabicArticle(), slug: 'ليس رابطاً!' }, 'slug'],
    ['POST', '/api/admin/articles', { ...arabicArticle(), status: 'archived' }, 'status'],
    ['POST', '/api/admin/articles', { ...arabicArticle(), status: 'scheduled' }, 'publishAt'],
    ['POST', '/api/admin/articles', { ...arabicArticle(), status: 'scheduled', publishAt: '2001-01-01T00:00:00Z' }, 'publishAt'],
    ['POST', '/api/admin/articles', { ...arabicArticle(), featureImage: 99999 }, 'featureImage'],
    ['POST', '/api/admin/articles', { ...arabicArticle(), publishAt: 'tomorrow' }, 'publishAt'],
    ['GET', '/api/admin/articles?status=gone', undefined, 'status'],
    ['GET', '/api/admin/articles?limit=1000', undefined, 'limit'],
  ];
  for (const [method, url, payload, field] of cases) {
    const res = await call(method, url, e, payload);
    assert.equal(res.statusCode, 400, `${method} ${url} ${JSON.stringify(payload)?.slice(0, 80)}: ${res.body}`);
    const body = res.json();
    assert.equal(body.field, field, res.body);
    assert.equal(typeof body.error, 'string');
    assert.ok(body.message.length > 0 && /[\u0600-\u06FF]/.test(body.message_ar), res.body);
  }
  // A body image at an address a page must not load says why, in both languages.
  const image = await call('POST', '/api/admin/articles', e, { ...arabicArticle(), body: 'فقرة أولى.\n\n![صورة](javascript:alert(1))' });
  assert.equal(image.statusCode, 400);
  assert.equal(image.json().field, 'body');
  assert.match(image.json().message, /image 1 .*must begin with https:/);
  assert.match(image.json().message_ar, /الصورة 1/);
  const a = (await call('POST', '/api/admin/articles', e, arabicArticle('خبر للتحقق من الحقول'))).json();
  for (const [payload, field] of [
    [{ body: '' }, 'body'],
    [{ description: { text: 5 } }, 'description'],
    [{}, 'body'],
  ] as [unknown, string][]) {
    const res = await call('PATCH', `/api/admin/articles/${a.id}`, e, payload);
    assert.equal(res.statusCode, 400, res.body);
    if (Object.keys(payload as object).length) assert.equal(res.json().field, field);
  }
  assert.equal((await call('POST', `/api/admin/articles/${a.id}/schedule`, e, {})).json().field, 'publishAt');
  const o = keys.owner.auth;
  assert.equal((await call('POST', '/api/admin/users', o, { email: 'ليس بريداً', role: 'author' })).json().field, 'email');
  assert.equal((await call('POST', '/api/admin/users', o, { email: 'x@example.com', role: 'king' })).json().field, 'role');
  assert.equal((await call('POST', '/api/admin/users', o, { email: 'x@example.com', role: 'author', password: 'short' })).json().field, 'password');
  assert.equal((await call('POST', '/api/admin/keys', o, { role: 'author' })).json().field, 'name');
});

test('a revoked API key stops working at once', async () => {
  const { key } = (await call('POST', '/api/admin/keys', keys.owner.auth, { name: 'تطبيق الهاتف', role: 'editor' })).json();
  assert.match(key, /^sk_/);
  const auth = { authorization: `Bearer ${key}` };
  assert.equal((await call('GET', '/api/admin/articles', auth)).statusCode, 200);
  const listed = (await call('GET', '/api/admin/keys', keys.owner.auth)).json();
  const info = listed.find((k: { prefix: string }) => key.startsWith(k.prefix));
  assert.ok(info);
  assert.ok(!JSON.stringify(listed).includes(key), 'the key itself is never listed');
  assert.equal((await call('DELETE', `/api/admin/keys/${info.id}`, keys.owner.auth)).statusCode, 204);
  const after = await call('GET', '/api/admin/articles', auth);
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().error, 'unauthorized');
  // A key never outranks its maker.
  const authorKey = (await call('POST', '/api/admin/keys', keys.owner.auth, { name: 'x', role: 'owner' })).json();
  assert.equal(authorKey.role, 'owner');
});

test('workflow: slug change keeps a 301, every save keeps a revision, an editor restores one', async () => {
  const e = keys.editor.auth;
  const a = (await call('POST', '/api/admin/articles', e, { ...arabicArticle('خبر سيتغير رابطه'), status: 'published' })).json();
  const oldUrl = `/articles/${encodeURIComponent(a.slug)}`;
  assert.equal((await site.app.inject(oldUrl)).statusCode, 200);
  const moved = (await call('PATCH', `/api/admin/articles/${a.id}`, e, { slug: 'رابط-جديد-للخبر', title: 'عنوان معدل للخبر' })).json();
  assert.equal(moved.slug, 'رابط-جديد-للخبر');
  const redirect = await site.app.inject(oldUrl);
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location, `/articles/${encodeURIComponent('رابط-جديد-للخبر')}`);
  // Another article may not take a slug in use.
  const clash = await call('POST', '/api/admin/articles', e, { ...arabicArticle('خبر آخر'), slug: 'رابط-جديد-للخبر' });
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json().field, 'slug');

  const revisions = (await call('GET', `/api/admin/articles/${a.id}/revisions`, e)).json();
  assert.equal(revisions.length, 2);
  assert.equal(revisions[0].snapshot.title, 'عنوان معدل للخبر');
  const first = revisions[1];
  assert.equal(first.snapshot.title, 'خبر سيتغير رابطه');
  const restored = (await call('POST', `/api/admin/articles/${a.id}/revisions/${first.id}/restore`, e)).json();
  assert.equal(restored.title, 'خبر سيتغير رابطه');
  assert.equal(restored.slug, 'رابط-جديد-للخبر', 'restoring brings back the words, not the URL');
  assert.equal(restored.status, 'published');
  assert.equal((await call('GET', `/api/admin/articles/${a.id}/revisions`, e)).json().length, 3);
  // The admin page lists them and shows one.
  const c = new Client(site.app);
  const { email, password } = await makeUser(site.store, 'editor');
  await c.login(email, password);
  const page = await c.get(`/admin/articles/${a.id}`);
  assert.match(page.body, /سجل النسخ \(3\)/);
  assert.equal((await c.get(`/admin/articles/${a.id}/revisions/${first.id}`)).statusCode, 200);

  // Unpublish, then delete.
  assert.equal((await call('POST', `/api/admin/articles/${a.id}/unpublish`, e)).json().status, 'unpublished');
  assert.equal((await site.app.inject(`/articles/${encodeURIComponent(moved.slug)}`)).statusCode, 404);
  assert.equal((await site.app.inject(oldUrl)).statusCode, 404, 'no redirect to an unpublished article');
  assert.equal((await call('DELETE', `/api/admin/articles/${a.id}`, e)).statusCode, 204);
  assert.equal((await call('GET', `/api/admin/articles/${a.id}`, e)).statusCode, 404);
});

test('listing filters by status, tag, author and words', async () => {
  const e = keys.editor.auth;
  await call('POST', '/api/admin/articles', keys.author.auth, { ...arabicArticle('مهرجان الزيتون في جرش'), tags: ['زراعة'] });
  const byStatus = (await call('GET', '/api/admin/articles?status=draft&limit=100', e)).json();
  assert.ok(byStatus.articles.every((a: { status: string }) => a.status === 'draft'));
  const byTag = (await call('GET', `/api/admin/articles?tag=${encodeURIComponent('زراعة')}`, e)).json();
  assert.equal(byTag.total, 1);
  const byWords = (await call('GET', `/api/admin/articles?q=${encodeURIComponent('الزيتون')}`, e)).json();
  assert.equal(byWords.articles[0].title, 'مهرجان الزيتون في جرش');
  const mine = (await call('GET', '/api/admin/articles?author=me', keys.author.auth)).json();
  assert.ok(mine.total >= 1 && mine.articles.every((a: { ownerId: number }) => a.ownerId === keys.author.user.id));
  const tags = (await call('GET', `/api/admin/tags?q=${encodeURIComponent('زر')}`, e)).json();
  assert.deepEqual(tags.map((t: { name: string }) => t.name), ['زراعة']);
});

test('media: type and size from the bytes, renditions on disk, alt text required', async () => {
  const e = keys.editor.auth;
  const png = await testPng(2000, 1000);
  const ok = multipart({ alt: 'حقل أحمر وأخضر' }, { name: 'file', filename: 'photo.jpg', type: 'image/jpeg', data: png });
  const res = await site.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...e, ...ok.headers }, payload: ok.payload });
  assert.equal(res.statusCode, 201, res.body);
  const media = res.json();
  assert.equal(media.format, 'png', 'the name said jpg; the bytes say png');
  assert.equal(media.width, 1600);
  assert.match(media.srcset, /480w.*960w.*1600w/);
  for (const url of [media.url, ...media.srcset.split(', ').map((s: string) => s.split(' ')[0])]) {
    assert.ok(existsSync(path.join(site.mediaDir, decodeURIComponent(url.replace('/media/', '')))), url);
    const served = await site.app.inject(url);
    assert.equal(served.statusCode, 200);
  }
  const fake = multipart({ alt: 'نص' }, { name: 'file', filename: 'evil.png', type: 'image/png', data: Buffer.from('<svg onload=alert(1)>') });
  const refused = await site.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...e, ...fake.headers }, payload: fake.payload });
  assert.equal(refused.statusCode, 415);
  assert.equal(refused.json().field, 'file');
  const noAlt = multipart({ alt: '  ' }, { name: 'file', filename: 'a.png', type: 'image/png', data: png });
  const noAltRes = await site.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...e, ...noAlt.headers }, payload: noAlt.payload });
  assert.equal(noAltRes.statusCode, 400);
  assert.equal(noAltRes.json().field, 'alt');

  // The feature image on the article page and in the lists, with srcset.
  const a = (await call('POST', '/api/admin/articles', e, { ...arabicArticle('خبر بصورة رئيسية'), featureImage: media.id, status: 'published' })).json();
  const page = (await site.app.inject(`/articles/${encodeURIComponent(a.slug)}`)).body;
  assert.match(page, /<figure class="feature-image"><picture>/);
  assert.match(page, /srcset="\/media\/[0-9a-f]+-480\.webp 480w, /);
  assert.match(page, /alt="حقل أحمر وأخضر"/);
  assert.match((await site.app.inject('/')).body, /class="card-image"/);
  const content = (await site.app.inject(`/api/content/articles/${encodeURIComponent(a.slug)}`)).json();
  assert.equal(content.featureImage.alt, 'حقل أحمر وأخضر');

  // Too large for the configured limit: 413.
  const small = await newsroomSite({ config: { maxUploadBytes: 10_000 } });
  const key = await makeKey(small.store, 'editor');
  const big = multipart({ alt: 'كبيرة' }, { name: 'file', filename: 'big.png', type: 'image/png', data: png });
  const tooBig = await small.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...key.auth, ...big.headers }, payload: big.payload });
  assert.equal(tooBig.statusCode, 413);
  assert.equal(tooBig.json().error, 'file_too_large');
  await small.close();
});

test('scheduled publishing survives a restart, and runs once across processes', async () => {
  const place = testDatabase();
  const file = place.location;
  const first = await newsroomSite({ file });
  const key = await makeKey(first.store, 'editor');
  const at = new Date(Date.now() + 1500).toISOString();
  const a = (await first.app.inject({
    method: 'POST',
    url: '/api/admin/articles',
    headers: { ...key.auth, 'content-type': 'application/json' },
    payload: JSON.stringify({ ...arabicArticle('خبر مجدول ينشر بعد قليل'), status: 'scheduled', publishAt: at }),
  })).json();
  assert.equal(a.status, 'scheduled');
  assert.equal((await first.app.inject(`/articles/${encodeURIComponent(a.slug)}`)).statusCode, 404);
  await first.close();

  await new Promise((r) => setTimeout(r, 1700));
  // Two processes on one database: one UPDATE … RETURNING each, the article is published once.
  const other = await openAt(file);
  const second = await newsroomSite({ file, config: { scheduler: true } });
  const [fromOther] = await Promise.all([other.publishDue(new Date().toISOString()), second.app.ready()]);
  const fromServer = await second.app.newsroom.scheduler!.runOnce();
  const published = [...fromOther, ...fromServer];
  // The server's scheduler ran on start too: between the three runs, one published it.
  const article = await second.store.getArticleById(a.id);
  assert.equal(article?.status, 'published');
  assert.ok(published.filter((id) => id === a.id).length <= 1);
  assert.equal((await second.app.inject(`/articles/${encodeURIComponent(a.slug)}`)).statusCode, 200);
  assert.match((await second.app.inject('/')).body, /خبر مجدول ينشر بعد قليل/);
  await other.close();
  await second.close();
  await place.drop();
});

test('the Content API: public articles, tags, search, related; keyed and CORS when configured', async () => {
  const e = keys.editor.auth;
  await call('POST', '/api/admin/articles', e, { ...arabicArticle('ندوة عن الشعر العربي الحديث'), tags: ['ثقافة', 'شعر'], status: 'published' });
  await call('POST', '/api/admin/articles', e, { ...arabicArticle('مسودة لا تظهر في واجهة المحتوى') });
  const list = (await site.app.inject('/api/content/articles?limit=100')).json();
  assert.ok(list.articles.some((a: { title: string }) => a.title === 'ندوة عن الشعر العربي الحديث'));
  assert.ok(!list.articles.some((a: { title: string }) => a.title === 'مسودة لا تظهر في واجهة المحتوى'));
  const one = list.articles.find((a: { title: string }) => a.title === 'ندوة عن الشعر العربي الحديث');
  const full = (await site.app.inject(`/api/content/articles/${encodeURIComponent(one.slug)}`)).json();
  assert.equal(full.sections[1].heading, 'قاعات للقراءة');
  assert.equal(full.sections[1].blocks[1].kind, 'quote');
  assert.equal((await site.app.inject(`/api/content/articles/${encodeURIComponent(one.slug)}/related`)).statusCode, 200);
  assert.ok((await site.app.inject('/api/content/tags')).json().some((t: { name: string }) => t.name === 'شعر'));
  const found = (await site.app.inject(`/api/content/search?q=${encodeURIComponent('الشعر')}`)).json();
  assert.ok(found.hits.some((h: { title: string }) => h.title === 'ندوة عن الشعر العربي الحديث'));
  assert.equal((await site.app.inject('/api/content/articles/no-such')).json().error, 'not_found');

  const keyed = await newsroomSite({ config: { contentApiKeys: ['content-secret'], corsOrigins: ['https://app.example'] } });
  assert.equal((await keyed.app.inject('/api/content/articles')).statusCode, 401);
  const ok = await keyed.app.inject({ url: '/api/content/articles', headers: { authorization: 'Bearer content-secret', origin: 'https://app.example' } });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.headers['access-control-allow-origin'], 'https://app.example');
  const otherOrigin = await keyed.app.inject({ url: '/api/content/tags', headers: { 'x-api-key': 'content-secret', origin: 'https://evil.example' } });
  assert.equal(otherOrigin.headers['access-control-allow-origin'], undefined);
  const preflight = await keyed.app.inject({ method: 'OPTIONS', url: '/api/content/articles', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' } });
  assert.equal(preflight.statusCode, 204);
  // The Admin API has no CORS.
  assert.equal((await keyed.app.inject({ url: '/api/admin/me', headers: { origin: 'https://app.example' } })).headers['access-control-allow-origin'], undefined);
  await keyed.close();
});

test('the OpenAPI document and its docs page, served from the package', async () => {
  const doc = (await site.app.inject('/api/docs/json')).json();
  assert.match(doc.openapi, /^3\./);
  for (const p of ['/api/admin/articles', '/api/admin/articles/{id}/publish', '/api/admin/media', '/api/content/articles', '/api/content/search']) {
    assert.ok(doc.paths[p], `${p} is documented`);
  }
  assert.ok(doc.paths['/api/admin/articles'].post.requestBody);
  assert.ok(doc.components.securitySchemes.apiKey);
  const page = await site.app.inject('/api/docs');
  assert.equal(page.statusCode, 200);
  assert.ok(!/(src|href)="https?:/.test(page.body), 'no asset from another host');
  const scripts = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(scripts.some((s) => s.includes('swagger-ui-bundle.js')));
  for (const s of scripts) {
    const url = s.startsWith('/') ? s : `/api/docs/${s.replace(/^\.\//, '')}`;
    assert.equal((await site.app.inject(url)).statusCode, 200, url);
  }
});
