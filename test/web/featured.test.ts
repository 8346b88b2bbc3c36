/**
 * Featured stories ("أبرز الأخبار"): the home page's first page leads with
 * the newest public featured stories, the latest below leave them out, the
 * APIs say and filter which are featured, only editors choose them, and a
 * cached home page follows every change of the choice.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import type { Article } from '../../src/content/article.js';
import { article } from '../helpers/store.js';
import { Client, makeKey, makeUser, newsroomSite, type Site } from '../newsroom/helpers.js';

const hour = 3600_000;
const at = (h: number) => new Date(Date.now() - 200 * hour + h * hour).toISOString();

let site: Site;
let stories: Article[];

before(async () => {
  site = await newsroomSite();
  // Fifteen stories an hour apart (0 oldest); a page holds twelve (siteConfig's default).
  const saved = await saveArticles(
    site.store,
    Array.from({ length: 15 }, (_, i) =>
      article({
        title: `نشرة الساعة ${i + 1}: أخبار المحافظات والطقس`,
        publishedAt: at(i),
        // The oldest (page 2 of the plain list) and two on page 1.
        featured: i === 0 || i === 9 || i === 12,
      }),
    ),
  );
  stories = saved.map((o) => o.article);
});
after(() => site.close());

const get = (url: string) => site.app.inject({ method: 'GET', url });
const slugsIn = (html: string) => [...html.matchAll(/<h[23]><a href="\/articles\/([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!));
const slug = (i: number) => stories[i]!.slug;
/** The home page's lead and latest sections, by slug. */
async function home(url = '/') {
  const res = await get(url);
  assert.equal(res.statusCode, 200);
  const lead = /<section class="lead"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? '';
  const rest = res.body.replace(lead, '');
  return { res, lead: slugsIn(lead), latest: slugsIn(rest) };
}

test('the home page leads with the featured stories, newest first, and the latest below leave them out', async () => {
  const { res, lead, latest } = await home();
  assert.deepEqual(lead, [slug(12), slug(9), slug(0)], 'the oldest story too: featured stays on top until unfeatured');
  // Page 1 of the plain list is stories 14…3; the two featured among them are shown once, in the lead.
  assert.deepEqual(latest, [14, 13, 11, 10, 8, 7, 6, 5, 4, 3].map(slug));
  // One h1 (the site's name, for screen readers), two sections with their h2, cards as h3.
  assert.equal([...res.body.matchAll(/<h1\b/g)].length, 1);
  assert.match(res.body, /<h1 class="visually-hidden">صحيفة<\/h1>/);
  assert.match(res.body, /<h2 id="lead-heading" class="list-heading">أبرز الأخبار<\/h2>/);
  assert.match(res.body, /<h2 id="latest-heading" class="list-heading">آخر الأخبار<\/h2>/);
  // Page 2 is the plain list: nothing between the pages is skipped, the lead is not repeated.
  const second = await home('/?page=2');
  assert.deepEqual(second.lead, []);
  assert.deepEqual(second.latest, [2, 1, 0].map(slug));
});

test('only public stories lead: not a featured draft, nor a scheduled one before its time', async () => {
  const [draft, scheduled] = await saveArticles(site.store, [
    article({ title: 'مسودة بارزة: لم تُنشر بعد', status: 'draft', featured: true }),
    article({ title: 'خبر بارز مجدول: يُنشر غداً', status: 'scheduled', publishedAt: new Date(Date.now() + 24 * hour).toISOString(), featured: true }),
  ]);
  const { lead } = await home();
  assert.ok(!lead.includes(draft!.article.slug) && !lead.includes(scheduled!.article.slug));
  assert.deepEqual(lead, [slug(12), slug(9), slug(0)]);
  await site.store.deleteArticle(draft!.article.id);
  await site.store.deleteArticle(scheduled!.article.id);
});

test('the public and Content APIs say which stories are featured and list them alone', async () => {
  for (const base of ['/api/articles', '/api/content/articles']) {
    const all = (await get(`${base}?limit=3`)).json();
    assert.deepEqual(all.articles.map((a: { featured: boolean }) => a.featured), [false, false, true], base);
    const only = (await get(`${base}?featured=true`)).json();
    assert.equal(only.total, 3, base);
    assert.deepEqual(only.articles.map((a: { slug: string }) => a.slug), [slug(12), slug(9), slug(0)]);
    // With a tag: every test article is tagged سياسة (helpers/store.ts).
    const tagged = (await get(`${base}?featured=true&tag=${encodeURIComponent('سياسة')}`)).json();
    assert.equal(tagged.total, 3, `${base} with a tag`);
    const one = (await get(`${base}/${encodeURIComponent(slug(9))}`)).json();
    assert.equal(one.featured, true);
    assert.equal((await get(`${base}?featured=maybe`)).statusCode, 400);
    assert.equal((await get(`${base}?featured=true&_=1732872000&utm_source=whatsapp`)).json().total, 3, 'a cache-buster or tracking tag is let be');
  }
});

test('only editors and owners choose the featured stories', async () => {
  const author = await makeKey(site.store, 'author');
  const editor = await makeKey(site.store, 'editor');
  const call = (auth: Record<string, string>, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
    site.app.inject({ method, url, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const own = await call(author.auth, 'POST', '/api/admin/articles', { title: 'خبر الكاتب: افتتاح سوق شعبي', body: 'افتتحت البلدية سوقاً شعبياً جديداً.', status: 'published' });
  assert.equal(own.statusCode, 201);
  const id = own.json().id as number;
  assert.equal(own.json().featured, false);

  const refused = await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { featured: true });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /للمحررين وحدهم/);
  const asCreated = await call(author.auth, 'POST', '/api/admin/articles', { title: 'خبر آخر', body: 'نص قصير.', featured: true });
  assert.equal(asCreated.statusCode, 403, 'nor on creation');
  // Sending the flag as it is (a client echoing the article back) is no choice and goes through.
  assert.equal((await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { featured: false, title: 'خبر الكاتب: افتتاح سوق شعبي جديد' })).statusCode, 200);
  assert.equal((await site.store.getArticleById(id))!.featured, false);

  const chosen = await call(editor.auth, 'PATCH', `/api/admin/articles/${id}`, { featured: true });
  assert.equal(chosen.statusCode, 200);
  assert.equal(chosen.json().featured, true);
  assert.equal((await home()).lead[0], (await site.store.getArticleById(id))!.slug, 'the newest featured story leads');
  // An author's later edit of the words leaves the desk's choice alone.
  assert.equal((await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { title: 'خبر الكاتب: السوق الشعبي يفتح أبوابه' })).statusCode, 200);
  assert.equal((await site.store.getArticleById(id))!.featured, true);
  assert.equal((await call(editor.auth, 'PATCH', `/api/admin/articles/${id}`, { featured: false })).json().featured, false);
});

test("the editor's box is the editors': it features and unfeatures, and an author's form has none", async () => {
  const editor = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(editor.email, editor.password);
  const target = stories[5]!;
  const form = (await c.get(`/admin/articles/${target.id}`)).body;
  assert.match(form, /<input type="checkbox" id="featured" name="featured" value="1" aria-describedby="featured-hint">/);
  const fields = { title: target.title, description: target.description, tags: target.tags.join('، '), body: target.body, action: 'save', featured_field: '1' };
  assert.equal((await c.post(`/admin/articles/${target.id}`, { ...fields, featured: '1' })).statusCode, 303);
  assert.equal((await site.store.getArticleById(target.id))!.featured, true);
  assert.match((await c.get(`/admin/articles/${target.id}`)).body, /name="featured" value="1" checked/);
  assert.match((await c.get('/admin')).body, new RegExp(`${target.title}</a> <span class="badge featured-badge">بارز</span>`));
  // The list of the featured alone, as the desk manages the lead's three places.
  const desk = (await c.get('/admin?desk=featured')).body;
  const titles = [...desk.matchAll(/<td><a href="\/admin\/articles\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.deepEqual(new Set(titles), new Set([0, 5, 9, 12].map((i) => stories[i]!.title)));
  assert.match(desk, /<a href="\/admin\?desk=featured" aria-current="page">البارزة<\/a>/);
  // Unticked, the box sends nothing; the hidden field says the form had it.
  assert.equal((await c.post(`/admin/articles/${target.id}`, fields)).statusCode, 303);
  assert.equal((await site.store.getArticleById(target.id))!.featured, false);

  const writer = await makeUser(site.store, 'author');
  const w = new Client(site.app);
  await w.login(writer.email, writer.password);
  assert.doesNotMatch((await w.get('/admin/articles/new')).body, /name="featured"/);
});

test('a cached home page follows featuring, unfeaturing and a featured story published by the scheduler', async () => {
  const was = await home();
  assert.equal((await get('/')).headers['x-cache'], 'hit');
  const { store } = site;
  const feature = (a: Article, featured: boolean) => saveArticles(store, [{ ...article(), id: a.id, title: a.title, publishedAt: a.publishedAt!, featured }]);

  await feature(stories[4]!, true);
  assert.deepEqual((await home()).lead, [slug(12), slug(9), slug(4)], 'three at most: the oldest featured gives way');
  await feature(stories[12]!, false);
  const then = await home();
  assert.deepEqual(then.lead, [slug(9), slug(4), slug(0)]);
  assert.ok(then.latest.includes(slug(12)), 'back among the latest');
  assert.notDeepEqual(then.lead, was.lead);

  // Scheduled a moment ahead: it leads once the scheduler publishes it, not before.
  const [scheduled] = await saveArticles(store, [
    article({ title: 'مؤتمر صحفي للحكومة: إعلان الخطة الجديدة', status: 'scheduled', publishedAt: new Date(Date.now() + 1500).toISOString(), featured: true }),
  ]);
  assert.deepEqual((await home()).lead, [slug(9), slug(4), slug(0)]);
  assert.equal((await get('/')).headers['x-cache'], 'hit');
  await new Promise((resolve) => setTimeout(resolve, 1600));
  assert.deepEqual(await store.publishDue(new Date().toISOString()), [scheduled!.article.id]);
  assert.deepEqual((await home()).lead, [scheduled!.article.slug, slug(9), slug(4)]);
});

test('without featured stories the home page is the plain list under its one heading', async () => {
  const fresh = await newsroomSite();
  try {
    await saveArticles(fresh.store, [article({ title: 'خبر وحيد: افتتاح جسر جديد' })]);
    const body = (await fresh.app.inject({ method: 'GET', url: '/' })).body;
    assert.match(body, /<h1 class="list-heading">آخر الأخبار<\/h1>/);
    assert.doesNotMatch(body, /أبرز الأخبار/);
  } finally {
    await fresh.close();
  }
});
