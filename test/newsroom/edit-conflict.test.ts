/**
 * Two people editing one story: whoever saves second is told, and keeps
 * their text, instead of silently writing over the first one's save (the
 * editor's form carries the version it was filled from; the Admin API takes
 * it back as If-Match).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCaller, Client, makeKey, makeUser, newsroomSite, postArticle, withSlowReads, type Site } from './helpers.js';

let site: Site;
let editor: Awaited<ReturnType<typeof makeKey>>;

before(async () => {
  site = await newsroomSite();
  editor = await makeKey(site.store, 'editor');
});
after(() => site.close());

const call = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) => apiCaller(site.app, editor.auth)(method, url, payload, headers);

async function story(title: string): Promise<number> {
  const { id } = await postArticle(apiCaller(site.app, editor.auth), {
    title,
    description: 'تفتتح وزارة النقل الأردنية خط الحافلات السريعة بين عمّان والزرقاء مطلع الشهر المقبل.',
    tags: ['الأردن'],
    body: 'أعلنت وزارة النقل أن خط الحافلات سريعة التردد بين عمّان والزرقاء يبدأ العمل مطلع الشهر المقبل.\n\nويختصر الخط زمن الرحلة إلى نحو أربعين دقيقة.',
  });
  return id;
}

test('the Admin API: a PATCH with the If-Match of what it read is refused with 412 once someone saved since', async () => {
  const id = await story('الحافلات السريعة بين عمّان والزرقاء: موعد التشغيل');
  const read = await call('GET', `/api/admin/articles/${id}`);
  const etag = read.headers.etag as string;
  assert.match(etag, /^"v[\w-]+"$/);
  assert.equal((await call('GET', `/api/admin/articles/${id}`, undefined, { 'if-none-match': etag })).statusCode, 304);

  const first = await call('PATCH', `/api/admin/articles/${id}`, { title: 'الحافلات السريعة بين عمّان والزرقاء: التشغيل في الأول من الشهر' }, { 'if-match': etag });
  assert.equal(first.statusCode, 200, first.body);
  assert.notEqual(first.headers.etag, etag, 'a new version');

  const late = await call('PATCH', `/api/admin/articles/${id}`, { title: 'عنوان كُتب على نسخة قديمة' }, { 'if-match': etag });
  assert.equal(late.statusCode, 412, late.body);
  assert.equal(late.json().error, 'precondition_failed');
  assert.equal((await site.store.getArticleById(id))!.title, 'الحافلات السريعة بين عمّان والزرقاء: التشغيل في الأول من الشهر', 'the first save stands');
  assert.equal((await call('PATCH', `/api/admin/articles/${id}`, { title: 'عنوان' }, { 'if-match': '"not-ours"' })).statusCode, 412);

  // A reporter's live update, or a correction, changes none of the fields a writer edits: no conflict.
  assert.equal((await call('POST', `/api/admin/articles/${id}/live-updates`, { text: 'بدأ التشغيل التجريبي للخط صباح اليوم.' })).statusCode, 201);
  const current = await call('PATCH', `/api/admin/articles/${id}`, { description: 'وصف جديد للخبر بعد التحقق من الموعد.' }, { 'if-match': first.headers.etag as string });
  assert.equal(current.statusCode, 200, 'the current version is accepted, a live update since or not');
  assert.equal((await site.store.getArticleById(id))!.liveUpdates.length, 1, 'and the update is kept');
  assert.equal((await call('PATCH', `/api/admin/articles/${id}`, { description: 'وصف بلا شرط.' }, { 'if-match': '*' })).statusCode, 200);
  assert.equal((await call('PATCH', `/api/admin/articles/${id}`, { description: 'وصف بلا نسخة.' })).statusCode, 200, 'without If-Match, as before');
});

test("the editor's form: the second of two editors is told who saved, keeps their text, and saves it on purpose", async () => {
  const id = await story('الحافلات السريعة: أسعار التذاكر');
  const [a, b] = [await makeUser(site.store, 'editor', 'سلمى الخطيب'), await makeUser(site.store, 'editor', 'يوسف العمري')];
  const ca = new Client(site.app);
  const cb = new Client(site.app);
  await ca.login(a.email, a.password);
  await cb.login(b.email, b.password);
  const formA = (await ca.get(`/admin/articles/${id}`)).body;
  const formB = (await cb.get(`/admin/articles/${id}`)).body;
  const version = /name="version" value="([^"]+)"/.exec(formA)![1]!;
  assert.equal(/name="version" value="([^"]+)"/.exec(formB)![1], version);
  const article = (await site.store.getArticleById(id))!;
  const fields = { title: article.title, description: article.description, tags: article.tags.join('، '), action: 'save', version };

  assert.equal((await ca.post(`/admin/articles/${id}`, { ...fields, body: 'سعر التذكرة نصف دينار للرحلة الواحدة.\n\nوتُقبل البطاقات المصرفية.' })).statusCode, 303);
  const bodyB = 'سعر التذكرة ستون قرشاً، بحسب هيئة تنظيم النقل البري.\n\nوتصدر بطاقات شهرية للطلاب.';
  const refused = await cb.post(`/admin/articles/${id}`, { ...fields, body: bodyB });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /حفظ سلمى الخطيب هذا الخبر بعد أن فتحته/);
  assert.ok(refused.body.includes('سعر التذكرة ستون قرشاً'), "B's text is still in the form");
  assert.match((await site.store.getArticleById(id))!.body, /نصف دينار/, "A's save stands");

  const newVersion = /name="version" value="([^"]+)"/.exec(refused.body)![1]!;
  // An update posted to the story now is no reason to refuse B's next save.
  assert.equal((await apiCaller(site.app, editor.auth)('POST', `/api/admin/articles/${id}/live-updates`, { text: 'أعلنت الهيئة جدول الرحلات.' })).statusCode, 201);
  assert.notEqual(newVersion, version, 'the form now carries the version B has been told about');
  assert.equal((await cb.post(`/admin/articles/${id}`, { ...fields, version: newVersion, body: bodyB })).statusCode, 303);
  assert.match((await site.store.getArticleById(id))!.body, /ستون قرشاً/);
});

test('a PATCH with If-Match and reporters posting updates at the same moment: all are kept', async () => {
  const id = await story('الحافلات السريعة: يوم التشغيل الأول');
  const etag = (await call('GET', `/api/admin/articles/${id}`)).headers.etag as string;
  const results = await withSlowReads(site.store, 15, () =>
    Promise.all([
      call('PATCH', `/api/admin/articles/${id}`, { title: 'الحافلات السريعة: آلاف الركاب في اليوم الأول' }, { 'if-match': etag }),
      ...[1, 2, 3].map((n) => call('POST', `/api/admin/articles/${id}/live-updates`, { text: `الرحلة رقم ${n} انطلقت في موعدها.` })),
    ]),
  );
  assert.deepEqual(results.map((r) => r.statusCode), [200, 201, 201, 201], results.map((r) => r.body).join('\n'));
  const after = (await site.store.getArticleById(id))!;
  assert.equal(after.title, 'الحافلات السريعة: آلاف الركاب في اليوم الأول');
  assert.equal(after.liveUpdates.length, 3);
});
