/**
 * Breaking news ("عاجل"): an editor marks a public story breaking for a
 * while; every reader's page shows it in a strip under the header, cached
 * pages included, until an editor ends it or its time runs out.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/content/article.js';
import { saveArticles } from '../../src/services/articles.js';
import { articleUrl, tagUrl } from '../../src/web/urls.js';
import { article } from '../helpers/store.js';
import { Client, makeKey, makeUser, newsroomSite, type Site } from '../newsroom/helpers.js';

const hour = 3600_000;
let site: Site;
let stories: Article[];
let editorAuth: Record<string, string>;

before(async () => {
  site = await newsroomSite();
  const saved = await saveArticles(site.store, [
    article({ title: 'زلزال بقوة 5.8 درجات يضرب شمال المغرب: لا أنباء عن ضحايا', publishedAt: new Date(Date.now() - 2 * hour).toISOString() }),
    article({ title: 'البرلمان الأردني يقر قانون الانتخاب الجديد بعد جلسة مطولة', publishedAt: new Date(Date.now() - 3 * hour).toISOString() }),
    article({ title: 'منتخب مصر يتأهل إلى نهائي كأس العرب بعد ركلات الترجيح', publishedAt: new Date(Date.now() - 4 * hour).toISOString() }),
  ]);
  stories = saved.map((o) => o.article);
  editorAuth = (await makeKey(site.store, 'editor')).auth;
});
after(() => site.close());

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
const patch = (id: number, payload: unknown, auth = editorAuth) =>
  site.app.inject({ method: 'PATCH', url: `/api/admin/articles/${id}`, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
/** The strip's headline on a page, or null when it has none. */
const strip = (body: string) => /<div class="breaking" role="region" aria-label="عاجل">[\s\S]*?<a href="([^"]+)">([^<]+)<\/a>/.exec(body)?.[2] ?? null;
/** Reader's pages of every kind: home, article, tag, search, a 404. */
const pages = () => ['/', articleUrl(stories[2]!.slug), tagUrl('سياسة'), `/search?q=${encodeURIComponent('البرلمان')}`, '/articles/no-such-story'];

test('without breaking news no page has a strip, nor the marker the strip goes in', async () => {
  for (const url of pages()) {
    const { body } = await get(url);
    assert.equal(strip(body), null, url);
    assert.ok(!body.includes('sahifa:breaking'), url);
  }
  assert.deepEqual((await get('/api/content/breaking')).json(), { breaking: null });
});

test('marked breaking, a story is in the strip on every page, cached ones too, linking to it', async () => {
  for (const url of pages()) await get(url);
  assert.equal((await get('/')).headers['x-cache'], 'hit');
  const until = new Date(Date.now() + hour).toISOString();
  const res = await patch(stories[0]!.id, { breakingUntil: until });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().breakingUntil, until);
  for (const url of pages()) {
    const { body } = await get(url);
    assert.equal(strip(body), stories[0]!.title, url);
  }
  const page = (await get('/')).body;
  assert.ok(page.includes(`<a href="${articleUrl(stories[0]!.slug)}">`));
  assert.ok(page.indexOf('class="breaking"') > page.indexOf('</header>') && page.indexOf('class="breaking"') < page.indexOf('<main'), 'under the header');
  assert.equal((await get('/')).headers['x-cache'], 'hit', 'the page with its strip is cached');
  const api = (await get('/api/content/breaking')).json();
  assert.equal(api.breaking.slug, stories[0]!.slug);
  assert.equal(api.breaking.until, until);
  assert.equal((await get(`/api/content/articles/${encodeURIComponent(stories[0]!.slug)}`)).json().breakingUntil, until);
});

test('the newest breaking story has the strip; ended by an editor, the next one takes it, then none', async () => {
  assert.equal((await patch(stories[1]!.id, { breakingUntil: new Date(Date.now() + 2 * hour).toISOString() })).statusCode, 200);
  assert.equal(strip((await get('/')).body), stories[0]!.title, 'the newer story, though marked earlier');
  const ended = await patch(stories[0]!.id, { breakingUntil: null });
  assert.equal(ended.statusCode, 200);
  // Ended while in the strip, the story keeps the instant it left (pages say when the strip last changed).
  assert.ok(Date.parse(ended.json().breakingUntil) <= Date.now());
  assert.equal(strip((await get('/')).body), stories[1]!.title);
  await patch(stories[1]!.id, { breakingUntil: null });
  assert.equal(strip((await get('/')).body), null);
});

test('a page revalidated by date alone is sent again when the strip changed since', async () => {
  const url = articleUrl(stories[2]!.slug);
  const first = await get(url);
  const lastModified = first.headers['last-modified'] as string;
  assert.equal((await get(url, { 'if-modified-since': lastModified })).statusCode, 304);
  // Whole seconds: an HTTP date has no finer ones.
  await new Promise((r) => setTimeout(r, 1100));
  await patch(stories[1]!.id, { breakingUntil: new Date(Date.now() + hour).toISOString() });
  const again = await get(url, { 'if-modified-since': lastModified });
  assert.equal(again.statusCode, 200);
  assert.equal(strip(again.body), stories[1]!.title);
  assert.ok(Date.parse(again.headers['last-modified'] as string) > Date.parse(lastModified));
  // And by its tag: the body changed, so the tag did.
  assert.equal((await get(url, { 'if-none-match': first.headers.etag as string })).statusCode, 200);
  // Unpublished while breaking, the story leaves the strip, and the date says so too.
  const withStrip = (await get(url)).headers['last-modified'] as string;
  await new Promise((r) => setTimeout(r, 1100));
  const unpublished = await site.app.inject({ method: 'POST', url: `/api/admin/articles/${stories[1]!.id}/unpublish`, headers: editorAuth });
  assert.equal(unpublished.statusCode, 200);
  const gone = await get(url, { 'if-modified-since': withStrip });
  assert.equal(gone.statusCode, 200);
  assert.equal(strip(gone.body), null);
  assert.equal((await site.app.inject({ method: 'POST', url: `/api/admin/articles/${stories[1]!.id}/publish`, headers: editorAuth })).statusCode, 200);
  await patch(stories[1]!.id, { breakingUntil: null });
});

test("when a story's time runs out the strip leaves every cached page by itself", async () => {
  await patch(stories[2]!.id, { breakingUntil: new Date(Date.now() + 1500).toISOString() });
  for (const url of pages()) assert.equal(strip((await get(url)).body), stories[2]!.title, url);
  assert.equal((await get('/')).headers['x-cache'], 'hit');
  await new Promise((r) => setTimeout(r, 1700));
  for (const url of pages()) assert.equal(strip((await get(url)).body), null, url);
});

test('only public stories: a breaking draft shows once it is published, a scheduled one when the scheduler publishes it', async () => {
  const [draft] = await saveArticles(site.store, [article({ title: 'مسودة عاجلة: انقطاع الكهرباء في العاصمة', status: 'draft', breakingUntil: new Date(Date.now() + hour).toISOString() })]);
  assert.equal(strip((await get('/')).body), null);
  const published = await site.app.inject({ method: 'POST', url: `/api/admin/articles/${draft!.article.id}/publish`, headers: editorAuth });
  assert.equal(published.statusCode, 200);
  assert.equal(strip((await get('/')).body), draft!.article.title);
  await patch(draft!.article.id, { breakingUntil: null });

  const [scheduled] = await saveArticles(site.store, [
    article({ title: 'مؤتمر صحفي عاجل لوزير الداخلية', status: 'scheduled', publishedAt: new Date(Date.now() + 1000).toISOString(), breakingUntil: new Date(Date.now() + hour).toISOString() }),
  ]);
  assert.equal(strip((await get('/')).body), null);
  await new Promise((r) => setTimeout(r, 1100));
  assert.deepEqual(await site.store.publishDue(new Date().toISOString()), [scheduled!.article.id]);
  assert.equal(strip((await get('/')).body), scheduled!.article.title);
  const withStrip = (await get('/')).headers['last-modified'] as string;
  await new Promise((r) => setTimeout(r, 1100));
  await site.store.deleteArticle(scheduled!.article.id);
  const after = await get('/', { 'if-modified-since': withStrip });
  assert.equal(after.statusCode, 200, 'a deleted story leaves the strip, and the date says so though its row is gone');
  assert.equal(strip(after.body), null);
});

test('only editors and owners mark breaking news, for 72 hours at most', async () => {
  const author = await makeKey(site.store, 'author');
  const own = await site.app.inject({
    method: 'POST',
    url: '/api/admin/articles',
    headers: { ...author.auth, 'content-type': 'application/json' },
    payload: JSON.stringify({ title: 'خبر الكاتب: حريق في سوق قديم', body: 'اندلع حريق في سوق قديم صباح اليوم.', status: 'published' }),
  });
  assert.equal(own.statusCode, 201);
  const refused = await patch(own.json().id, { breakingUntil: new Date(Date.now() + hour).toISOString() }, author.auth);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().message_ar, /للمحررين وحدهم/);
  assert.equal((await patch(own.json().id, { breakingUntil: null, title: 'خبر الكاتب: حريق في سوق قديم وسط المدينة' }, author.auth)).statusCode, 200, 'as it is: no choice');
  const tooLong = await patch(own.json().id, { breakingUntil: new Date(Date.now() + 73 * hour).toISOString() });
  assert.equal(tooLong.statusCode, 400);
  assert.equal(tooLong.json().field, 'breakingUntil');
  assert.equal((await patch(own.json().id, { breakingUntil: 'غداً' })).statusCode, 400);
  assert.equal(strip((await get('/')).body), null);
});

test("the editor's choice: hours from now, extended, ended; an author's form has none", async () => {
  const editor = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(editor.email, editor.password);
  const target = stories[1]!;
  const form = (await c.get(`/admin/articles/${target.id}`)).body;
  assert.match(form, /<select id="breaking" name="breaking" aria-describedby="breaking-hint">/);
  assert.match(form, /<option value="" selected>ليس عاجلاً<\/option>/);
  const fields = { title: target.title, description: target.description, tags: target.tags.join('، '), body: target.body, action: 'save', featured_field: '1' };
  const before = Date.now();
  assert.equal((await c.post(`/admin/articles/${target.id}`, { ...fields, breaking: '3' })).statusCode, 303);
  const until = Date.parse((await site.store.getArticleById(target.id))!.breakingUntil!);
  assert.ok(until >= before + 3 * hour && until <= Date.now() + 3 * hour, 'three hours from the save');
  assert.equal(strip((await get('/')).body), target.title);
  const live = (await c.get(`/admin/articles/${target.id}`)).body;
  assert.match(live, /عاجل حتى [^<]+\(دون تغيير\)<\/option>/);
  assert.match(live, /<option value="off">إنهاء «عاجل» الآن<\/option>/);
  assert.match((await c.get('/admin')).body, new RegExp(`${target.title}</a> <span class="badge breaking-badge">عاجل</span>`));
  const desk = (await c.get('/admin?desk=breaking')).body;
  assert.deepEqual([...desk.matchAll(/<td><a href="\/admin\/articles\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]), [target.title], 'the breaking now, alone');
  const api = await site.app.inject({ method: 'GET', url: '/api/admin/articles?desk=breaking', headers: editorAuth });
  assert.deepEqual(api.json().articles.map((a: { id: number }) => a.id), [target.id]);
  // Saved again without a choice, it stays as it was.
  assert.equal((await c.post(`/admin/articles/${target.id}`, { ...fields, breaking: '' })).statusCode, 303);
  assert.equal(Date.parse((await site.store.getArticleById(target.id))!.breakingUntil!), until);
  assert.equal((await c.post(`/admin/articles/${target.id}`, { ...fields, breaking: 'off' })).statusCode, 303);
  assert.equal(strip((await get('/')).body), null);

  const writer = await makeUser(site.store, 'author');
  const w = new Client(site.app);
  await w.login(writer.email, writer.password);
  assert.doesNotMatch((await w.get('/admin/articles/new')).body, /name="breaking"/);
});
