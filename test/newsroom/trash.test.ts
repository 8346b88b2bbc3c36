// A story deleted by mistake comes back: kept 30 days, restored as a draft
// by whoever could have deleted it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiKey } from '../../src/auth/accounts.js';
import { Client, apiCaller, arabicArticle, makeKey, makeUser, newsroomSite, postArticle, type Site } from './helpers.js';

let site: Site;
let author: ReturnType<typeof apiCaller>;
let otherAuthor: ReturnType<typeof apiCaller>;
let editor: ReturnType<typeof apiCaller>;

before(async () => {
  site = await newsroomSite();
  author = apiCaller(site.app, (await makeKey(site.store, 'author')).auth);
  otherAuthor = apiCaller(site.app, (await makeKey(site.store, 'author')).auth);
  editor = apiCaller(site.app, (await makeKey(site.store, 'editor')).auth);
});
after(() => site.close());

test('a deleted story waits in the trash and comes back whole, as a draft at its old address; published again, it keeps its first date', async () => {
  const { id, slug } = await postArticle(author, { ...arabicArticle('مهرجان الزيتون في جرش: منتجون من عشرين قرية'), tags: ['اقتصاد', 'الأردن'], genre: 'analysis', status: 'published' });
  await author('POST', `/api/admin/articles/${id}/corrections`, { text: 'المنتجون من عشرين قرية لا ثلاثين.' });
  const before = (await author('GET', `/api/admin/articles/${id}`)).json();
  assert.equal((await author('DELETE', `/api/admin/articles/${id}`)).statusCode, 204);
  assert.equal((await site.app.inject({ method: 'GET', url: `/articles/${encodeURIComponent(slug)}` })).statusCode, 404);

  const trash = (await author('GET', '/api/admin/trash')).json();
  const entry = trash.find((e: { articleId: number }) => e.articleId === id);
  assert.ok(entry, 'in the trash');
  assert.equal(entry.title, before.title);
  assert.equal(entry.status, 'published');
  assert.ok(Date.now() - Date.parse(entry.deletedAt) < 60_000);
  assert.equal((await otherAuthor('GET', '/api/admin/trash')).json().some((e: { id: number }) => e.id === entry.id), false, "another author's list leaves it out");
  assert.equal((await otherAuthor('POST', `/api/admin/trash/${entry.id}/restore`)).statusCode, 403);

  const back = await author('POST', `/api/admin/trash/${entry.id}/restore`);
  assert.equal(back.statusCode, 200, back.body);
  const restored = back.json();
  assert.equal(restored.status, 'draft', 'back on the desk, not to readers');
  assert.notEqual(restored.id, id);
  for (const field of ['title', 'description', 'tags', 'body', 'slug', 'author', 'genre', 'corrections', 'publishedAt'] as const) {
    assert.deepEqual(restored[field], before[field], field);
  }
  assert.equal((await author('GET', '/api/admin/trash')).json().some((e: { id: number }) => e.id === entry.id), false, 'out of the trash');
  assert.equal((await author('POST', `/api/admin/trash/${entry.id}/restore`)).statusCode, 404, 'once');

  const again = (await author('POST', `/api/admin/articles/${restored.id}/publish`)).json();
  assert.equal(again.publishedAt, before.publishedAt, 'its first date');
  assert.equal((await site.app.inject({ method: 'GET', url: `/articles/${encodeURIComponent(slug)}` })).statusCode, 200);
});

test('an old address taken meanwhile gives the restored story a new one; editors delete for good; the trash forgets after 30 days', async () => {
  const { id, slug } = await postArticle(author, arabicArticle('ورشة للفخار في الفحيص: حرفيون شباب'));
  await author('DELETE', `/api/admin/articles/${id}`);
  await postArticle(otherAuthor, { ...arabicArticle('عنوان آخر تماماً: قصة أخرى'), slug });
  const [entry] = (await author('GET', '/api/admin/trash')).json().filter((e: { articleId: number }) => e.articleId === id);
  const restored = (await author('POST', `/api/admin/trash/${entry.id}/restore`)).json();
  assert.notEqual(restored.slug, slug);
  assert.equal(restored.title, 'ورشة للفخار في الفحيص: حرفيون شباب');

  const gone = await postArticle(author, arabicArticle('ندوة عن الشعر النبطي في المفرق: شعراء من البادية'));
  await author('DELETE', `/api/admin/articles/${gone.id}`);
  const [g] = (await editor('GET', '/api/admin/trash')).json().filter((e: { articleId: number }) => e.articleId === gone.id);
  assert.equal((await author('DELETE', `/api/admin/trash/${g.id}`)).statusCode, 403, 'for good: editors only');
  assert.equal((await editor('DELETE', `/api/admin/trash/${g.id}`)).statusCode, 204);
  assert.equal((await editor('POST', `/api/admin/trash/${g.id}/restore`)).statusCode, 404);

  // 31 days later it is gone by itself.
  const old = await postArticle(author, arabicArticle('معرض للصور القديمة في إربد: ذاكرة المدينة'));
  await author('DELETE', `/api/admin/articles/${old.id}`);
  const list = (await editor('GET', '/api/admin/trash')).json();
  const [o] = list.filter((e: { articleId: number }) => e.articleId === old.id);
  assert.ok(o);
  const realNow = Date.now;
  Date.now = () => realNow() + 31 * 86400_000;
  try {
    assert.equal((await editor('GET', '/api/admin/trash')).json().some((e: { id: number }) => e.id === o.id), false);
  } finally {
    Date.now = realNow;
  }
});

test('the trash page lists, restores and deletes for good; the editor says where a deletion goes', async () => {
  const { user, email, password } = await makeUser(site.store, 'author', 'ليلى الكاتبة');
  const mine = apiCaller(site.app, { authorization: `Bearer ${(await createApiKey(site.store, user, 'مفتاح ليلى', 'author')).key}` });
  const { id } = await postArticle(mine, arabicArticle('سباق للدراجات في البحر الميت: مئة متسابق'));
  const desk = new Client(site.app);
  await desk.login(email, password);
  assert.match((await desk.get(`/admin/articles/${id}`)).body, /data-confirm="[^"]*يبقى في المحذوفات 30 يوماً/);
  const deleted = await desk.post(`/admin/articles/${id}/delete`, {});
  assert.equal(deleted.statusCode, 303);
  assert.match((await desk.get(deleted.headers.location as string)).body, /يبقى في المحذوفات 30 يوماً/);
  const page = await desk.get('/admin/trash');
  assert.match(page.body, /<a href="\/admin\/trash">المحذوفات<\/a>/);
  assert.match(page.body, /سباق للدراجات في البحر الميت[\s\S]*ليلى الكاتبة/);
  assert.doesNotMatch(page.body, /احذف نهائياً/, 'an author restores, an editor deletes for good');
  const [entry] = await site.store.trash.list(1);
  const back = await desk.post(`/admin/trash/${entry!.id}/restore`, {});
  assert.equal(back.statusCode, 303);
  assert.match((await desk.get(back.headers.location as string)).body, /استُعيد الخبر من المحذوفات مسودةً/);
});
