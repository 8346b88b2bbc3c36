/**
 * Live coverage ("تغطية مباشرة"): a story told in dated updates. Reporters
 * post, mend and take down updates; readers see them newest first, found by
 * search; search engines get a LiveBlogPosting; the APIs and the export
 * carry them; updates posted at the same moment are all kept.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonArticle } from '../../src/content/parsers/jsonl.js';
import { exportedArticle } from '../../src/services/export.js';
import { articleUrl } from '../../src/web/urls.js';
import { apiCaller, Client, makeKey, makeUser, newsroomSite, siteWithStory, withSlowReads, type Site } from '../newsroom/helpers.js';

let site: Site;
let author: Awaited<ReturnType<typeof makeKey>>;
let id: number;
let slug: string;

before(async () => {
  ({ site, author, id, slug } = await siteWithStory({
    title: 'الانتخابات البلدية في تونس: فرز الأصوات مباشرة',
    description: 'تتابع صحيفة فرز أصوات الانتخابات البلدية في تونس لحظة بلحظة. #تونس #انتخابات',
    tags: ['تونس', 'انتخابات'],
    body: 'أغلقت مراكز الاقتراع في تونس أبوابها مساء اليوم، وبدأ فرز الأصوات في الدوائر البلدية.\n\nنتابع هنا النتائج الأولية وتصريحات الهيئة العليا المستقلة للانتخابات.',
  }));
});
after(() => site.close());

const call = (auth: Record<string, string>, method: string, url: string, payload?: unknown) => apiCaller(site.app, auth)(method, url, payload);
const post = (text: string, auth: Record<string, string> = author.auth) => call(auth, 'POST', `/api/admin/articles/${id}/live-updates`, { text });
const page = () => site.app.inject({ method: 'GET', url: articleUrl(slug) });
const ldOf = (body: string) =>
  [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!)).find((d) => [d['@type']].flat().includes('NewsArticle'));

test('the first update starts the coverage; readers get them newest first, anchored and dated, and the page is not served stale', async () => {
  const plain = await page();
  assert.doesNotMatch(plain.body, /live-badge|live-updates/);
  assert.equal((await page()).headers['x-cache'], 'hit');

  const first = await post('## الهيئة: نسبة المشاركة 34 بالمئة\n\nأعلنت الهيئة العليا المستقلة للانتخابات أن نسبة المشاركة بلغت 34 بالمئة عند إغلاق الصناديق.');
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().live, 'live');
  assert.deepEqual(first.json().liveUpdates.map((u: { id: number }) => u.id), [1]);
  const second = await post('> «العملية جرت في هدوء تام» — رئيس الهيئة في مؤتمر صحفي بالعاصمة.\n\nوصلت أولى المحاضر من دوائر صفاقس وسوسة.');
  assert.deepEqual(second.json().liveUpdates.map((u: { id: number }) => u.id), [1, 2]);

  const res = await page();
  assert.notEqual(res.headers['x-cache'], 'hit', 'the cached page was purged by the update');
  assert.match(res.headers['cache-control'] as string, /max-age=60\b/, 'a live story is cached as briefly as a list');
  const body = res.body;
  assert.match(body, /<p class="live-badge" data-live="live"><span>مباشر<\/span><\/p>\s*<h1>/);
  assert.match(body, /<script src="\/assets\/live\.js" defer><\/script>/);
  const two = body.indexOf('id="update-2"');
  const one = body.indexOf('id="update-1"');
  assert.ok(two > 0 && one > two, 'newest first');
  assert.ok(body.indexOf('class="live-updates"') > body.indexOf('class="article-body"'), 'under the body');
  assert.match(body, /<li id="update-1" class="live-update">\s*<p class="live-time"><time datetime="[^"]+"><span class="clock">[^<]+<\/span>/);
  assert.match(body, /<a class="update-link" href="#update-2">رابط التحديث<\/a>/, 'each update has its own address to share');
  assert.match(body, /<h3>الهيئة: نسبة المشاركة 34 بالمئة<\/h3>/, "an update's opening subheading is its title");
  assert.match(body, /<blockquote><p>«العملية جرت في هدوء تام»/);
  // The body's own text is unchanged, and see-also links never land among the updates.
  const articleBody = body.slice(body.indexOf('class="article-body"'), body.indexOf('class="live-updates"'));
  assert.doesNotMatch(articleBody, /نسبة المشاركة/);

  const ld = ldOf(body);
  assert.deepEqual(ld['@type'], ['NewsArticle', 'LiveBlogPosting']);
  assert.equal(ld.coverageEndTime, undefined, 'still running');
  assert.ok(ld.coverageStartTime <= first.json().liveUpdates[0].at);
  assert.equal(ld.liveBlogUpdate.length, 2);
  assert.equal(ld.liveBlogUpdate[1].headline, 'الهيئة: نسبة المشاركة 34 بالمئة');
  assert.match(ld.liveBlogUpdate[1].articleBody, /^أعلنت الهيئة العليا/);
  assert.match(ld.liveBlogUpdate[0].url, /#update-2$/);
});

test('search finds a word said only in an update', async () => {
  await post('أعلنت قائمة الوفاق المحلي فوزها بأغلبية مقاعد المجلس البلدي في القيروان.');
  const found = await site.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('القيروان')}` });
  assert.equal(found.statusCode, 200, found.body);
  assert.ok(found.json().results.some((r: { slug: string }) => r.slug === slug), found.body);
  // Arabic analysis applies to updates as to bodies: "المقاعد" finds "مقاعد".
  const stemmed = await site.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('المقاعد')}` });
  assert.ok(stemmed.json().results.some((r: { slug: string }) => r.slug === slug));
});

test('an update is mended in place or taken down; numbers follow the order of posting', async () => {
  const before = (await site.store.getArticleById(id))!.liveUpdates;
  const edited = await call(author.auth, 'PATCH', `/api/admin/articles/${id}/live-updates/1`, { text: '## الهيئة: نسبة المشاركة 35 بالمئة\n\nصححت الهيئة الرقم بعد احتساب دوائر الخارج.' });
  assert.equal(edited.statusCode, 200, edited.body);
  const mended = edited.json().liveUpdates.find((u: { id: number }) => u.id === 1);
  assert.equal(mended.at, before.find((u) => u.id === 1)!.at, 'it keeps its time');
  assert.match((await page()).body, /نسبة المشاركة 35 بالمئة/);

  const removed = await call(author.auth, 'DELETE', `/api/admin/articles/${id}/live-updates/2`);
  assert.equal(removed.statusCode, 200, removed.body);
  assert.deepEqual(removed.json().liveUpdates.map((u: { id: number }) => u.id), [1, 3]);
  assert.doesNotMatch((await page()).body, /id="update-2"/);
  assert.equal((await call(author.auth, 'DELETE', `/api/admin/articles/${id}/live-updates/2`)).statusCode, 404);
  assert.equal((await call(author.auth, 'PATCH', `/api/admin/articles/${id}/live-updates/99`, { text: 'لا يوجد.' })).statusCode, 404);
  const next = await post('بدأت الهيئة نشر النتائج الرسمية دائرةً دائرة.');
  assert.deepEqual(next.json().liveUpdates.map((u: { id: number }) => u.id), [1, 3, 4]);
});

test('key developments are listed above the updates, each linking to its update; an update is marked or unmarked in place', async () => {
  const marked = await call(author.auth, 'POST', `/api/admin/articles/${id}/live-updates`, {
    text: '## الهيئة تعلن النتائج الأولية في 20 دائرة\n\nأعلنت الهيئة العليا النتائج الأولية في عشرين دائرة بلدية.',
    key: true,
  });
  assert.equal(marked.statusCode, 201, marked.body);
  const update = marked.json().liveUpdates.at(-1);
  assert.equal(update.key, true);
  const plain = (await post('وصلت محاضر دائرة بنزرت إلى مقر الهيئة.')).json().liveUpdates.at(-1);
  assert.equal(plain.key, undefined);
  const secondKey = await call(author.auth, 'PATCH', `/api/admin/articles/${id}/live-updates/${plain.id}`, { key: true });
  assert.equal(secondKey.statusCode, 200, secondKey.body);
  assert.equal(secondKey.json().liveUpdates.find((u: { id: number }) => u.id === plain.id).text, 'وصلت محاضر دائرة بنزرت إلى مقر الهيئة.', 'its text as it was');

  let body = (await page()).body;
  const box = /<nav class="live-key" aria-labelledby="live-key-title"><h3 id="live-key-title">أبرز التطورات<\/h3><ul>([\s\S]*?)<\/ul><\/nav>/.exec(body)?.[1] ?? '';
  const items = [...box.matchAll(/<li><a href="#update-(\d+)"><time datetime="[^"]+">[^<]+<\/time> ([^<]+)<\/a><\/li>/g)].map((m) => [Number(m[1]), m[2]]);
  assert.deepEqual(items, [
    [plain.id, 'وصلت محاضر دائرة بنزرت إلى مقر الهيئة.'],
    [update.id, 'الهيئة تعلن النتائج الأولية في 20 دائرة'],
  ], 'newest first: a title, else the first words');
  assert.match(body, new RegExp(`<li id="update-${update.id}" class="live-update key">`));
  assert.equal((await call(author.auth, 'PATCH', `/api/admin/articles/${id}/live-updates/${plain.id}`, { key: false })).statusCode, 200);
  assert.equal((await call(author.auth, 'PATCH', `/api/admin/articles/${id}/live-updates/${update.id}`, { key: false })).statusCode, 200);
  body = (await page()).body;
  assert.doesNotMatch(body, /class="live-key"/, 'no key developments: no list');
  assert.equal((await call(author.auth, 'PATCH', `/api/admin/articles/${id}/live-updates/${update.id}`, {})).statusCode, 400, 'a change names something');
  assert.equal((await call(author.auth, 'PATCH', `/api/admin/articles/${id}/live-updates/${update.id}`, { pinned: true })).statusCode, 400);
});

test('updates posted at the same moment are all kept', async () => {
  const before = (await site.store.getArticleById(id))!.liveUpdates.length;
  const texts = Array.from({ length: 8 }, (_, i) => `محضر الدائرة رقم ${i + 1}: فرز مكتمل.`);
  // Every post reads the story before any other has written it.
  const results = await withSlowReads(site.store, 20, () => Promise.all(texts.map((t) => post(t))));
  for (const r of results) assert.equal(r.statusCode, 201, r.body);
  const after = (await site.store.getArticleById(id))!.liveUpdates;
  assert.equal(after.length, before + texts.length, 'none lost to another');
  assert.deepEqual(new Set(after.map((u) => u.text)).size, after.length);
  assert.equal(new Set(after.map((u) => u.id)).size, after.length, 'each its own number');
});

test('who may post, and what an update must be', async () => {
  const count = async () => (await site.store.getArticleById(id))!.liveUpdates.length;
  const n = await count();
  const other = await makeKey(site.store, 'author');
  assert.equal((await post('ليس خبري.', other.auth)).statusCode, 403, "another author's story");
  const contributor = await makeKey(site.store, 'contributor');
  assert.equal((await post('مساهم.', contributor.auth)).statusCode, 403);
  assert.equal((await post('بلا مفتاح.', {})).statusCode, 401);
  const editor = await makeKey(site.store, 'editor');
  assert.equal((await post('المحرر ينشر تحديثاً على خبر زميله.', editor.auth)).statusCode, 201);

  const blank = await post('   ');
  assert.equal(blank.statusCode, 400);
  assert.equal(blank.json().field, 'text');
  assert.equal((await post('ب'.repeat(5001))).statusCode, 400);
  const image = await post('صورة من مركز الفرز: ![الصناديق](/media/2026/11/none.jpg)');
  assert.equal(image.statusCode, 400);
  assert.equal(image.json().field, 'text');
  const unknown = await call(author.auth, 'POST', `/api/admin/articles/${id}/live-updates`, { text: 'نص.', at: '2020-01-01T00:00:00Z' });
  assert.equal(unknown.statusCode, 400, 'the time is the server’s');
  assert.equal(await count(), n + 1, 'only the editor’s was added');
});

test('ending the coverage stops new updates and the checks, and says when it ended; resuming opens it again', async () => {
  const ended = await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { live: 'ended' });
  assert.equal(ended.statusCode, 200, ended.body);
  assert.equal(ended.json().live, 'ended');
  const res = await page();
  assert.match(res.body, /<p class="live-ended" data-live="ended">انتهت التغطية المباشرة<\/p>/);
  assert.doesNotMatch(res.body, /live\.js|class="live-badge"/);
  assert.match(res.body, /id="update-1"/, 'the updates stay');
  assert.match(res.headers['cache-control'] as string, /max-age=300\b/);
  assert.equal(ldOf(res.body).coverageEndTime, ended.json().updatedAt);

  const late = await post('تحديث بعد الانتهاء.');
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().error, 'live_ended');
  const ordinary = await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { live: null });
  assert.equal(ordinary.statusCode, 400, 'a story with updates cannot quietly hide them');
  assert.equal(ordinary.json().field, 'live');
  assert.equal((await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { live: 'live' })).json().live, 'live');
  assert.equal((await post('استؤنفت التغطية مع إعلان النتائج النهائية.')).statusCode, 201);
});

test("a feed item carries the body, then the updates newest first with their times", async () => {
  const feed = (await site.app.inject({ method: 'GET', url: '/feed.json' })).json();
  const item = feed.items.find((i: { url: string }) => i.url.endsWith(articleUrl(slug)));
  const html: string = item.content_html;
  const body = html.indexOf('أغلقت مراكز الاقتراع');
  const heading = html.indexOf('<h2>التحديثات</h2>');
  assert.ok(body >= 0 && heading > body, 'the body first');
  const stored = (await site.store.getArticleById(id))!.liveUpdates;
  const newest = stored.at(-1)!;
  const oldest = stored[0]!;
  assert.ok(html.indexOf(`<time datetime="${newest.at}">`) > heading);
  assert.ok(html.indexOf(`<time datetime="${newest.at}">`) < html.indexOf(`<time datetime="${oldest.at}">`), 'newest first');
});

test('the APIs give the updates apart from the body; lists mark a story live', async () => {
  const stored = (await site.store.getArticleById(id))!;
  for (const url of [`/api/articles/${encodeURIComponent(slug)}`, `/api/content/articles/${encodeURIComponent(slug)}`]) {
    const a = (await site.app.inject({ method: 'GET', url })).json();
    assert.equal(a.live, 'live', url);
    assert.equal(a.liveUpdates.length, stored.liveUpdates.length, url);
    assert.deepEqual(a.liveUpdates.map((u: { id: number }) => u.id), stored.liveUpdates.map((u) => u.id), `${url}: oldest first`);
    assert.equal(a.liveUpdates[0].text, stored.liveUpdates[0]!.text);
    assert.equal(a.liveUpdates[0].heading, 'الهيئة: نسبة المشاركة 35 بالمئة');
    assert.equal(a.sections.length, 1, `${url}: the body's own sections only`);
  }
  const list = (await site.app.inject({ method: 'GET', url: '/api/articles' })).json();
  assert.equal(list.articles.find((a: { slug: string }) => a.slug === slug).live, true);
  assert.match((await site.app.inject({ method: 'GET', url: '/' })).body, /<span class="live-mark">مباشر<\/span> <a href="[^"]+">الانتخابات البلدية في تونس/);
});

test('the export carries the coverage and imports back whole', async () => {
  const stored = (await site.store.getArticleById(id))!;
  const line = JSON.parse(JSON.stringify(exportedArticle(stored)));
  const input = parseJsonArticle(line);
  assert.equal(input.live, 'live');
  assert.deepEqual(input.liveUpdates, stored.liveUpdates);
  // A key development stays one.
  const keyed = parseJsonArticle({ ...line, live_updates: line.live_updates.map((u: object, i: number) => (i === 0 ? { ...u, key: true } : u)) });
  assert.equal(keyed.liveUpdates![0]!.key, true);
  assert.equal(keyed.liveUpdates![1]!.key, undefined);
  const other = await newsroomSite();
  try {
    const [saved] = await other.store.saveArticles([input]);
    assert.deepEqual(saved!.article.liveUpdates, stored.liveUpdates);
    assert.equal(saved!.article.live, 'live');
    const view = await other.store.getArticleView(saved!.article.slug);
    assert.equal(view!.sections.filter((s) => s.update).length, stored.liveUpdates.length);
  } finally {
    await other.close();
  }
});

test('the live desk: post, mend, take down, end and resume from the admin; an error keeps the text typed', async () => {
  const reporter = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(reporter.email, reporter.password);
  assert.match((await c.get(`/admin/articles/${id}`)).body, /<a href="\/admin\/articles\/\d+\/live" id="live-link">التغطية المباشرة \(جارية\)<\/a>/);
  const desk = await c.get(`/admin/articles/${id}/live`);
  assert.equal(desk.statusCode, 200);
  assert.match(desk.body, /<span id="live-state">جارية<\/span>/);

  const posted = await c.post(`/admin/articles/${id}/live`, { text: 'أعلنت الهيئة النتائج النهائية في مؤتمر صحفي.', key: '1' });
  assert.equal(posted.statusCode, 303);
  assert.equal((await site.store.getArticleById(id))!.liveUpdates.at(-1)!.key, true, 'ticked: a key development');
  assert.match((await c.get(`/admin/articles/${id}/live`)).body, /من أبرز التطورات<\/span>/);
  assert.match((await page()).body, /أعلنت الهيئة النتائج النهائية في مؤتمر صحفي\./);
  const newest = (await site.store.getArticleById(id))!.liveUpdates.at(-1)!;

  const typed = 'صورة من القاعة ![القاعة](/media/2026/11/missing.jpg)';
  const refused = await c.post(`/admin/articles/${id}/live`, { text: typed });
  assert.equal(refused.statusCode, 400);
  assert.ok(refused.body.includes('صورة من القاعة ![القاعة](/media/2026/11/missing.jpg)</textarea>'), 'the text stays in the box');

  assert.equal((await c.post(`/admin/articles/${id}/live/${newest.id}`, { text: 'أعلنت الهيئة النتائج النهائية في مؤتمر صحفي مساءً.' })).statusCode, 303);
  assert.match((await page()).body, /في مؤتمر صحفي مساءً\./);
  assert.equal((await c.post(`/admin/articles/${id}/live/${newest.id}/delete`, {})).statusCode, 303);
  assert.doesNotMatch((await page()).body, /في مؤتمر صحفي مساءً/);

  assert.equal((await c.post(`/admin/articles/${id}/live/state`, { state: 'ended' })).statusCode, 303);
  assert.equal((await site.store.getArticleById(id))!.live, 'ended');
  assert.match((await c.get(`/admin/articles/${id}/live`)).body, /استئناف التغطية/);
  assert.equal((await c.post(`/admin/articles/${id}/live/state`, { state: 'live' })).statusCode, 303);
  assert.equal((await site.store.getArticleById(id))!.live, 'live');

  // The newsroom's list finds the stories told live now, and marks them.
  const liveNow = await c.get('/admin?desk=live');
  assert.match(liveNow.body, new RegExp(`<a class="badge live-badge" href="/admin/articles/${id}/live">مباشر</a>`));
  const listed = await call(author.auth, 'GET', '/api/admin/articles?desk=live');
  assert.deepEqual(listed.json().articles.map((a: { id: number; live: string }) => [a.id, a.live]), [[id, 'live']]);

  const contributor = await makeUser(site.store, 'contributor');
  const stranger = new Client(site.app);
  await stranger.login(contributor.email, contributor.password);
  assert.equal((await stranger.get(`/admin/articles/${id}/live`)).statusCode, 403);
});

test("a long coverage's structured data carries its newest 50 updates, the page all of them", async () => {
  const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString();
  const [saved] = await site.store.saveArticles([
    {
      title: 'مباراة القمة بين الأهلي والزمالك: تغطية دقيقة بدقيقة',
      description: 'تابعوا مجريات مباراة القمة في الدوري المصري لحظة بلحظة.',
      tags: ['رياضة'],
      body: 'تنطلق مباراة القمة بين الأهلي والزمالك على استاد القاهرة الدولي بعد قليل.',
      live: 'live',
      liveUpdates: Array.from({ length: 60 }, (_, i) => ({ id: i + 1, at: at(i), text: `الدقيقة ${i + 1}: هجمة جديدة على مرمى الفريق المنافس.` })),
    },
  ]);
  const body = (await site.app.inject({ method: 'GET', url: articleUrl(saved!.article.slug) })).body;
  const ld = ldOf(body);
  assert.equal(ld.liveBlogUpdate.length, 50);
  assert.match(ld.liveBlogUpdate[0].url, /#update-60$/);
  assert.equal(ld.coverageStartTime, saved!.article.publishedAt! < at(0) ? saved!.article.publishedAt : at(0));
  assert.equal([...body.matchAll(/<li id="update-\d+" class="live-update">/g)].length, 60);
});
