// Editors rename and merge tags, through the Admin API and the tags page:
// every article follows, cached pages show the new tag, old addresses move,
// and related news reads the merged tag.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { arabicArticle, Client, keyedSite, makeUser, type KeyedSite } from './helpers.js';

let site: KeyedSite;
before(async () => {
  site = await keyedSite('editor');
});
after(() => site.close());

const api = (method: string, url: string, payload?: unknown) => site.api(method, url, payload);
const publish = async (title: string, tags: string[]) => {
  const res = await api('POST', '/api/admin/articles', { ...arabicArticle(title), tags, status: 'published' });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; slug: string };
};
const tagId = async (name: string) => ((await api('GET', `/api/admin/tags?q=${encodeURIComponent(name)}`)).json() as { id: number; name: string }[]).find((t) => t.name === name)!.id;

test('merging a spelling variant into the tag: its articles move, one tag each, pages and related news follow, the old address redirects', async () => {
  const a = await publish('وفد سوري يزور أنقرة لبحث عودة اللاجئين', ['سورية', 'تركيا']);
  const b = await publish('دمشق تستضيف معرضاً للكتاب بعد انقطاع', ['سوريا', 'ثقافة']);
  const c = await publish('مباحثات سورية تركية حول المعابر الحدودية', ['سوريا', 'سورية', 'تركيا']);
  const page = `/articles/${encodeURIComponent(a.slug)}`;
  await site.app.inject(page);
  assert.equal((await site.app.inject(page)).headers['x-cache'], 'hit');

  const from = await tagId('سورية');
  const into = await tagId('سوريا');
  const merged = await api('POST', `/api/admin/tags/${from}/merge`, { into });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.deepEqual(merged.json(), { id: into, name: 'سوريا', count: 3, description: '' });

  assert.deepEqual((await site.store.getArticle(a.slug))!.tags, ['سوريا', 'تركيا'], 'in the merged tag\'s place');
  assert.deepEqual((await site.store.getArticle(c.slug))!.tags, ['سوريا', 'تركيا'], 'once');
  assert.deepEqual((await site.store.getArticle(b.slug))!.tags, ['سوريا', 'ثقافة']);
  assert.match((await site.app.inject(page)).body, /#سوريا</);
  const old = await site.app.inject(encodeURI('/tags/سورية'));
  assert.equal(old.statusCode, 301);
  assert.equal(old.headers.location, encodeURI('/tags/سوريا'));
  const profiles = await site.store.related.profiles([a.id, c.id]);
  for (const id of [a.id, c.id]) assert.ok(profiles.get(id)!.tagIds.includes(into) && !profiles.get(id)!.tagIds.includes(from), `profile ${id}`);

  // Refused, and nothing changes: into itself, into nothing, a rename onto another tag's name.
  assert.equal((await api('POST', `/api/admin/tags/${into}/merge`, { into })).statusCode, 400);
  assert.equal((await api('POST', `/api/admin/tags/${into}/merge`, { into: 999999 })).statusCode, 404);
  const onto = await api('PATCH', `/api/admin/tags/${await tagId('ثقافة')}`, { name: 'سوريا' });
  assert.equal(onto.statusCode, 409);
  assert.match(onto.json().message_ar, /ادمج الوسمين/);
  assert.deepEqual((await site.store.getArticle(b.slug))!.tags, ['سوريا', 'ثقافة']);
});

test('the tags page: editors rename and merge by name; others are refused', async () => {
  await publish('افتتاح مهرجان المسرح العربي في عمّان', ['مسرح', 'الأردن']);
  await publish('فرقة أردنية تعرض مسرحية جديدة', ['المسرح', 'الأردن']);
  const { email, password } = await makeUser(site.store, 'editor', 'محررة الوسوم');
  const editor = new Client(site.app);
  await editor.login(email, password);
  const list = await editor.get('/admin/tags');
  assert.equal(list.statusCode, 200);
  const theatre = await tagId('المسرح');
  assert.match(list.body, new RegExp(`<tr id="tag-${theatre}">`));
  assert.match((await editor.get(`/admin/tags?q=${encodeURIComponent('مسر')}`)).body, /#مسرح/);

  const renamed = await editor.post(`/admin/tags/${theatre}`, { name: 'فنون المسرح' });
  assert.equal(renamed.statusCode, 303);
  assert.match((await editor.get(renamed.headers.location as string)).body, /غُيّر اسم الوسم/);
  assert.equal(await tagId('فنون المسرح'), theatre);

  const nowhere = await editor.post(`/admin/tags/${theatre}/merge`, { into: 'وسم غير موجود' });
  assert.equal(nowhere.statusCode, 404);
  assert.match(nowhere.body, /لا يوجد وسم باسم «وسم غير موجود»/);
  const merged = await editor.post(`/admin/tags/${await tagId('مسرح')}/merge`, { into: 'فنون المسرح' });
  assert.equal(merged.statusCode, 303);
  assert.equal((await api('GET', `/api/admin/tags?q=${encodeURIComponent('فنون')}`)).json()[0].count, 2);

  const { email: e2, password: p2 } = await makeUser(site.store, 'author', 'كاتب');
  const author = new Client(site.app);
  await author.login(e2, p2);
  assert.equal((await author.get('/admin/tags')).statusCode, 403);
  assert.doesNotMatch((await author.get('/admin')).body, /href="\/admin\/tags"/);
});
