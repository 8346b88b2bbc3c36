// The desk and the writer talk on the story itself: notes, and the editor's
// "send it back" with the reason, which the writer sees over the draft.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiKey } from '../../src/auth/accounts.js';
import { Client, apiCaller, arabicArticle, makeKey, makeUser, newsroomSite, postArticle, type Site } from './helpers.js';

let site: Site;
let writer: ReturnType<typeof apiCaller>;
let otherWriter: ReturnType<typeof apiCaller>;
let editor: ReturnType<typeof apiCaller>;
let writerName: string;

before(async () => {
  site = await newsroomSite();
  const { user } = await makeUser(site.store, 'contributor', 'نور المراسلة');
  writerName = user.name;
  writer = apiCaller(site.app, { authorization: `Bearer ${(await createApiKey(site.store, user, 'مفتاح نور', 'contributor')).key}` });
  otherWriter = apiCaller(site.app, (await makeKey(site.store, 'contributor')).auth);
  editor = apiCaller(site.app, (await makeKey(site.store, 'editor')).auth);
});
after(() => site.close());

test('an editor sends a submitted story back with a note; the writer mends it and sends it again', async () => {
  const { id, slug } = await postArticle(writer, { ...arabicArticle('سوق الذهب في دبي: تراجع الطلب'), status: 'submitted' });
  // Only a submitted story goes back, only by an editor, and only with a reason.
  assert.equal((await writer('POST', `/api/admin/articles/${id}/return`, { text: 'لا' })).statusCode, 403);
  const empty = await editor('POST', `/api/admin/articles/${id}/return`, { text: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.json().message_ar, /نص الملاحظة/);

  const reason = 'الأرقام في الفقرة الثانية بلا مصدر.\nأضف اسم الجهة التي نشرتها، ورأي تاجر واحد على الأقل.';
  const sent = await editor('POST', `/api/admin/articles/${id}/return`, { text: reason });
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(sent.json().article.status, 'draft');
  assert.equal(sent.json().note.kind, 'returned');
  assert.equal(sent.json().note.text, reason, 'its lines kept');
  assert.equal((await editor('POST', `/api/admin/articles/${id}/return`, { text: reason })).statusCode, 409, 'a draft is not sent back');
  const mine = async () => (await writer('GET', '/api/admin/articles?author=me')).json().articles.find((a: { id: number }) => a.id === id);
  assert.equal((await mine()).returned, true, "the writer's list says it came back");

  // The writer answers on the story, mends it, and submits it again; another contributor can do neither.
  assert.equal((await otherWriter('POST', `/api/admin/articles/${id}/notes`, { text: 'ملاحظة من خارج الخبر' })).statusCode, 403);
  const answer = await writer('POST', `/api/admin/articles/${id}/notes`, { text: 'أضفت المصدر في الفقرة الثانية، وراجعت الأرقام.' });
  assert.equal(answer.statusCode, 201);
  await writer('PATCH', `/api/admin/articles/${id}`, { description: 'تراجع الطلب على الذهب في دبي بحسب تقرير مجلس الذهب العالمي.' });
  assert.equal((await writer('POST', `/api/admin/articles/${id}/submit`)).json().status, 'submitted');
  assert.equal((await mine()).returned, false, 'sent again');

  const notes = (await editor('GET', `/api/admin/articles/${id}/notes`)).json();
  assert.deepEqual(notes.map((n: { kind: string }) => n.kind), ['returned', 'note']);
  assert.equal(notes[1].userName, writerName);
  assert.ok(notes[0].createdAt <= notes[1].createdAt);

  // Readers never see them: not on the page, the APIs or the feeds.
  await editor('POST', `/api/admin/articles/${id}/publish`);
  for (const url of [`/articles/${encodeURIComponent(slug)}`, `/api/articles/${encodeURIComponent(slug)}`, `/api/content/articles/${encodeURIComponent(slug)}`, '/feed.xml']) {
    const res = await site.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    assert.doesNotMatch(res.body, /بلا مصدر|راجعت الأرقام/, url);
  }
});

test('the editor page shows the note over a draft sent back, and takes notes and send-backs from its form', async () => {
  const { id } = await postArticle(writer, { ...arabicArticle('معرض للسيارات الكهربائية في الرياض: طرازات جديدة'), status: 'submitted' });
  const { email, password } = await makeUser(site.store, 'editor', 'حسن المحرر');
  const desk = new Client(site.app);
  await desk.login(email, password);
  let page = await desk.get(`/admin/articles/${id}`);
  assert.match(page.body, /أعد الخبر إلى كاتبه بهذه الملاحظة/);
  const back = await desk.post(`/admin/articles/${id}/notes`, { note: 'العنوان طويل: اختصره إلى سطر واحد.', action: 'return' });
  assert.equal(back.statusCode, 303);
  page = await desk.get(back.headers.location as string);
  assert.match(page.body, /أُعيد الخبر إلى كاتبه مسودةً مع ملاحظتك/);
  assert.match(page.body, /class="returned-note"[\s\S]*أعاد <bdi>حسن المحرر<\/bdi> هذا الخبر إلى كاتبه[\s\S]*العنوان طويل: اختصره إلى سطر واحد\./);
  assert.doesNotMatch(page.body, /أعد الخبر إلى كاتبه بهذه الملاحظة/, 'a draft is not sent back again');
  assert.match((await desk.get('/admin?status=draft')).body, new RegExp(`href="/admin/articles/${id}#notes-title">أُعيد بملاحظات`));

  const empty = await desk.post(`/admin/articles/${id}/notes`, { note: '', action: 'note' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /اكتب نص الملاحظة/);

  // Sent again for review, the banner is gone; the note stays in the thread.
  await writer('POST', `/api/admin/articles/${id}/submit`);
  page = await desk.get(`/admin/articles/${id}`);
  assert.doesNotMatch(page.body, /class="returned-note"/);
  assert.match(page.body, /ملاحظات التحرير \(1\)[\s\S]*العنوان طويل/);
});
