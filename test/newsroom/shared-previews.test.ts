// A story shared before it runs: a secret link that opens it for someone
// outside the newsroom, until it expires or is revoked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { hashToken } from '../../src/auth/tokens.js';
import { apiCaller, arabicArticle, makeKey, newsroomSite, postArticle, type Site } from './helpers.js';

let site: Site;
let author: ReturnType<typeof apiCaller>;
let otherAuthor: ReturnType<typeof apiCaller>;
let editor: ReturnType<typeof apiCaller>;
let contributor: ReturnType<typeof apiCaller>;

before(async () => {
  site = await newsroomSite();
  author = apiCaller(site.app, (await makeKey(site.store, 'author')).auth);
  otherAuthor = apiCaller(site.app, (await makeKey(site.store, 'author')).auth);
  editor = apiCaller(site.app, (await makeKey(site.store, 'editor')).auth);
  contributor = apiCaller(site.app, (await makeKey(site.store, 'contributor')).auth);
});
after(() => site.close());

const open = (url: string) => site.app.inject({ method: 'GET', url: new URL(url).pathname });
const TITLE = 'تحقيق: شبكة لتهريب الآثار عبر الحدود';

test('a link opens the unpublished story as readers will see it, to anyone who has it, never cached or indexed', async () => {
  const { id, slug } = await postArticle(author, { ...arabicArticle(TITLE), status: 'draft' });
  assert.equal((await site.app.inject({ method: 'GET', url: `/articles/${encodeURIComponent(slug)}` })).statusCode, 404, 'not public');

  const made = await author('POST', `/api/admin/articles/${id}/preview-links`);
  assert.equal(made.statusCode, 201, made.body);
  const { url, expiresAt } = made.json();
  assert.match(url, /^http:\/\/127\.0\.0\.1:3000\/preview\/[\w-]{32}$/);
  const hours = (Date.parse(expiresAt) - Date.now()) / 3600_000;
  assert.ok(hours > 47.9 && hours <= 48, `48 hours by default (${hours})`);

  const page = await open(url);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`<h1>${TITLE}</h1>`));
  assert.match(page.body, /class="preview-notice"[^>]*>.*لم يُنشر بعد/);
  assert.match(page.body, /<h2>قاعات للقراءة<\/h2>/, 'the body, in its sections');
  assert.equal(page.headers['cache-control'], 'private, no-store');
  assert.equal(page.headers['x-robots-tag'], 'noindex, nofollow');
  assert.equal(page.headers['referrer-policy'], 'no-referrer', 'the token does not leak to the sites it links to');
  assert.doesNotMatch(page.body, /sahifa_session|\/admin\//);

  // It shows the story as it is now, not as it was when shared.
  await author('PATCH', `/api/admin/articles/${id}`, { title: `${TITLE} في ثلاث دول` });
  assert.match((await open(url)).body, /<h1>تحقيق: شبكة لتهريب الآثار عبر الحدود في ثلاث دول<\/h1>/);

  const listed = (await author('GET', `/api/admin/articles/${id}/preview-links`)).json();
  assert.equal(listed.length, 1);
  assert.equal(listed[0].expiresAt, expiresAt);
  assert.equal(listed[0].url, undefined, 'the address is shown once');
  assert.equal(JSON.stringify(await site.store.previewLinks.list(id, new Date().toISOString())).includes(new URL(url).pathname.slice(9)), false, 'only its hash is kept');

  // Published: the link sends to the story's own address, and no new one is made.
  await author('POST', `/api/admin/articles/${id}/publish`);
  const moved = await open(url);
  assert.equal(moved.statusCode, 302);
  assert.equal(moved.headers.location, `/articles/${encodeURIComponent(slug)}`);
  const again = await author('POST', `/api/admin/articles/${id}/preview-links`);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error, 'already_public');
});

test('who may share: whoever may edit the story; revoking ends every link at once; an expired link opens nothing', async () => {
  const { id } = await postArticle(contributor, { ...arabicArticle('مقابلة مع وزير التعليم: خطة للمدارس الريفية'), status: 'draft' });
  assert.equal((await otherAuthor('POST', `/api/admin/articles/${id}/preview-links`)).statusCode, 403, "another's draft");
  const mine = await contributor('POST', `/api/admin/articles/${id}/preview-links`, { hours: 1 });
  assert.equal(mine.statusCode, 201, 'a contributor shares their own draft');
  assert.ok(Date.parse(mine.json().expiresAt) - Date.now() <= 3600_000);
  const desk = await editor('POST', `/api/admin/articles/${id}/preview-links`, { hours: 336 });
  assert.equal(desk.statusCode, 201);
  for (const hours of [0, 337, 1.5]) assert.equal((await editor('POST', `/api/admin/articles/${id}/preview-links`, { hours })).statusCode, 400, String(hours));

  assert.equal((await open(mine.json().url)).statusCode, 200);
  const revoked = await contributor('DELETE', `/api/admin/articles/${id}/preview-links`);
  assert.deepEqual(revoked.json(), { revoked: 2 });
  for (const url of [mine.json().url, desk.json().url]) {
    const res = await open(url);
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /رابط المعاينة غير صالح/);
  }

  const past = new Date(Date.now() - 1000).toISOString();
  const token = 'x'.repeat(32);
  await site.store.previewLinks.create(hashToken(token), { articleId: id, createdBy: null, createdAt: new Date(Date.now() - 7200_000).toISOString(), expiresAt: past });
  assert.equal((await site.app.inject({ method: 'GET', url: `/preview/${token}` })).statusCode, 404, 'expired');
  for (const bad of ['abc', 'y'.repeat(32), '%27%3Cscript%3E']) assert.equal((await site.app.inject({ method: 'GET', url: `/preview/${bad}` })).statusCode, 404, bad);
  assert.equal((await site.app.inject({ method: 'GET', url: `/preview/${'z'.repeat(500)}` })).statusCode, 400, 'too long to be one');

  // A deleted story takes its links with it.
  const keep = (await editor('POST', `/api/admin/articles/${id}/preview-links`)).json().url;
  await editor('DELETE', `/api/admin/articles/${id}`);
  assert.equal((await open(keep)).statusCode, 404);
});
