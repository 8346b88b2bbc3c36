/**
 * Author pages (/authors/:name): a byline's public articles newest first,
 * linked from the article's byline, and purged from every web process's
 * render cache when an article joins or leaves the byline.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import type { SaveOutcome } from '../../src/store/store.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { articleUrl, authorUrl } from '../../src/web/urls.js';
import { article, memoryStore } from '../helpers/store.js';

const REPORTER = 'ليلى الحسيني';
const DESK = 'مكتب بيروت';
const hour = 3600_000;
const at = (h: number) => new Date(Date.UTC(2026, 2, 1) + h * hour).toISOString();

let store: SqliteStore;
let app: Awaited<ReturnType<typeof buildServer>>;
let reports: SaveOutcome['article'][];

before(async () => {
  store = await memoryStore();
  const saved = await saveArticles(store, [
    article({ author: REPORTER, title: 'انتخابات بلدية في بيروت: إقبال ضعيف في الساعات الأولى', publishedAt: at(1) }),
    article({ author: REPORTER, title: 'موازنة لبنان: البرلمان يقر الأرقام بعد جلسة طويلة', publishedAt: at(2) }),
    article({ author: REPORTER, title: 'الكهرباء في لبنان: ساعات تغذية أطول هذا الصيف', publishedAt: at(3) }),
    article({ author: DESK, title: 'مرفأ بيروت: إعادة فتح الرصيف الشمالي أمام السفن', publishedAt: at(4) }),
    article({ author: REPORTER, status: 'draft', title: 'مسودة: مقابلة مع وزير الطاقة' }),
  ]);
  reports = saved.map((o) => o.article);
  app = await buildServer({ store, site: siteConfig({ pageSize: 2 }, {}) });
});
after(async () => {
  await app.close();
  await store.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const listed = (body: string) => [...body.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!));

test('the editor is offered the bylines in use, most used first, none blank', async () => {
  await saveArticles(store, [article({ author: '', status: 'draft', title: 'مسودة بلا كاتب: ملاحظات أولية' })]);
  assert.deepEqual(await store.newsroom.recentBylines(10), [REPORTER, DESK]);
  assert.deepEqual(await store.newsroom.recentBylines(1), [REPORTER]);
});

test("an author's page lists the byline's public articles newest first, paged, with its ProfilePage", async () => {
  const url = authorUrl(REPORTER);
  assert.equal(url, `/authors/${encodeURIComponent('ليلى_الحسيني')}`);
  const first = await get(url);
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /<h1 class="list-heading">ليلى الحسيني<\/h1>\n<p class="list-count">3 أخبار<\/p>/, 'with its count, in Arabic number agreement');
  assert.deepEqual(listed(first.body), [reports[2]!, reports[1]!].map((a) => articleUrl(a.slug)).map(decodeURIComponent));
  assert.match(first.body, /<meta name="description" content="أخبار بقلم ليلى الحسيني في صحيفة">/);
  const ld = [...first.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
  const profile = ld.find((d) => d['@type'] === 'ProfilePage');
  assert.equal(profile?.mainEntity.name, REPORTER);
  assert.equal(profile?.mainEntity.url, `http://127.0.0.1:3000${url}`);

  const second = await get(`${url}?page=2`);
  assert.deepEqual(listed(second.body), [decodeURIComponent(articleUrl(reports[0]!.slug))], 'the oldest on page 2; the draft on none');
  assert.match(second.body, /<link rel="canonical" href="[^"]+\?page=2">/);
});

test('the byline links to its page, and the article says so to search engines', async () => {
  const page = (await get(articleUrl(reports[0]!.slug))).body;
  assert.ok(page.includes(`<a class="author" rel="author" href="${authorUrl(REPORTER)}">${REPORTER}</a>`));
  const ld = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
  const news = ld.find((d) => d['@type'] === 'NewsArticle');
  assert.deepEqual(news.author, [{ '@type': 'Person', name: REPORTER, url: `http://127.0.0.1:3000${authorUrl(REPORTER)}` }]);
});

test("a byline's feeds carry its public articles only, and its page advertises them", async () => {
  const base = authorUrl(REPORTER);
  const page = (await get(base)).body;
  assert.ok(page.includes(`<link rel="alternate" type="application/rss+xml" title="صحيفة: ليلى الحسيني (RSS)" href="http://127.0.0.1:3000${base}/feed.xml">`));
  const rss = await get(`${base}/feed.xml`);
  assert.equal(rss.statusCode, 200);
  assert.match(rss.headers['content-type'] as string, /application\/rss\+xml/);
  assert.match(rss.body, /<title>صحيفة: ليلى الحسيني<\/title>/);
  const items = [...rss.body.matchAll(/<item>[\s\S]*?<title><!\[CDATA\[(.*?)\]\]><\/title>/g)].map((m) => m[1]);
  assert.deepEqual(items, [reports[2]!.title, reports[1]!.title, reports[0]!.title], 'newest first; no draft, no other byline');
  const json = (await get(`${base}/feed.json`)).json();
  assert.equal(json.title, 'صحيفة: ليلى الحسيني');
  assert.equal(json.items.length, 3);
  assert.ok(json.items.every((i: { authors: { name: string }[] }) => i.authors[0]!.name === REPORTER));
  assert.equal((await get(`${base}/atom.xml`)).statusCode, 200);
  assert.equal((await get(`${authorUrl('كاتب لا يوجد')}/feed.xml`)).statusCode, 404);
});

test('the public API and the Content API list a byline\'s articles; a tag and a byline at once is refused', async () => {
  for (const base of ['/api/articles', '/api/content/articles']) {
    const list = (await get(`${base}?author=${encodeURIComponent(REPORTER)}`)).json();
    assert.equal(list.total, 3, base);
    assert.deepEqual(list.articles.map((a: { slug: string }) => a.slug), [reports[2]!, reports[1]!, reports[0]!].map((a) => a.slug));
    const both = await get(`${base}?author=${encodeURIComponent(REPORTER)}&tag=${encodeURIComponent('سياسة')}`);
    assert.equal(both.statusCode, 400, base);
    assert.match(both.json().message, /tag or author, not both/);
  }
});

test("every spelling of a name is one author: one page, at the newest article's spelling, and one feed", async () => {
  // Typed three ways: hamza, alef maqsura, taa marbuta. The newest article spells it «أحمد الشامي».
  const [a, b, c] = await saveArticles(store, [
    article({ author: 'احمد الشامى', title: 'معرض دمشق الدولي: مشاركة عربية أوسع', publishedAt: at(20) }),
    article({ author: 'أحمد الشامي', title: 'سوق الحميدية: ترميم الأسقف قبل الشتاء', publishedAt: at(22) }),
    article({ author: 'أحمدْ الشّامي', title: 'قلعة حلب: افتتاح قاعة العرش للزوار', publishedAt: at(21) }),
  ]);
  const canonical = authorUrl('أحمد الشامي');
  const res = await get(canonical);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1 class="list-heading">أحمد الشامي<\/h1>/);
  const slugsOf = (...outcomes: (typeof a)[]) => outcomes.map((o) => decodeURIComponent(articleUrl(o!.article.slug)));
  assert.deepEqual(listed(res.body), slugsOf(b, c), 'two a page');
  assert.deepEqual(listed((await get(`${canonical}?page=2`)).body), slugsOf(a));
  for (const variant of ['احمد الشامى', 'أحمدْ الشّامي']) {
    const moved = await get(`${authorUrl(variant)}?page=1`);
    assert.equal(moved.statusCode, 301, variant);
    assert.equal(moved.headers.location, canonical);
  }
  // The byline on each article leads to its spelling's address, which leads to the one page.
  const page = (await get(articleUrl(a!.article.slug))).body;
  assert.ok(page.includes(`href="${authorUrl('احمد الشامى')}"`));
  const feed = (await get(`${authorUrl('احمد الشامى')}/feed.json`)).json();
  assert.equal(feed.title, 'صحيفة: أحمد الشامي');
  assert.equal(feed.items.length, 3);
  // The sitemap lists the name once, at its page's spelling.
  const inSitemap = (await store.listAuthors()).filter((x) => x.byline.includes('الش'));
  assert.deepEqual(inSitemap.map((x) => [x.byline, x.count]), [['أحمد الشامي', 3]]);
  const fromApi = ((await get('/api/content/authors')).json() as { name: string; count: number; url: string }[]).filter((x) => x.name.includes('الش'));
  assert.deepEqual(fromApi.map((x) => [x.name, x.count, x.url]), [['أحمد الشامي', 3, canonical]], 'the Content API lists the name once too');
  const offered = (await store.newsroom.recentBylines(10)).filter((x) => x.includes('الش'));
  assert.equal(offered.length, 1, `one suggestion for the name: ${offered.join(', ')}`);
});

test('a byline typed with two spaces or an underscore has a page, not a redirect to itself', async () => {
  for (const byline of ['هيئة  التحرير', 'فريق_الأخبار']) {
    await saveArticles(store, [article({ author: byline, title: `بيان من ${byline.replace('_', ' ')}: مواعيد النشر في العيد` })]);
    const res = await get(authorUrl(byline));
    assert.equal(res.statusCode, 200, byline);
    assert.equal((await get(authorUrl(byline))).headers['x-cache'], 'hit');
  }
});

test('a byline of 200 letters, the longest the editor takes, has a page', async () => {
  const long = 'مراسل '.repeat(34).trim().slice(0, 200);
  assert.equal(long.length, 200);
  await saveArticles(store, [article({ author: long, title: 'تقرير مطول: حصاد الموسم الزراعي في الجزيرة السورية' })]);
  const res = await get(authorUrl(long));
  assert.equal(res.statusCode, 200);
  assert.ok(authorUrl(long).length > 1000, 'over 1,000 characters percent-encoded (the router counts decoded ones)');
});

test('a byline without public articles, or none at all, is a 404', async () => {
  for (const url of [authorUrl('كاتب لا يوجد'), '/authors/_', '/authors/%20']) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /لا توجد أخبار بهذا الاسم/);
  }
});

test('cached author pages follow a scheduled publication, a change of byline and a deletion', async () => {
  const desk = authorUrl(DESK);
  const reporter = authorUrl(REPORTER);
  const slugsOn = async (url: string) => listed((await get(url)).body).map((u) => u.replace('/articles/', ''));
  const deskStory = reports[3]!;
  assert.deepEqual(await slugsOn(desk), [deskStory.slug]);
  await get(reporter);
  assert.equal((await get(desk)).headers['x-cache'], 'hit', 'served from the render cache');

  // A scheduled story joins its byline's page when the scheduler publishes it, not before (its time has come).
  const [scheduled] = await saveArticles(store, [article({ author: DESK, status: 'scheduled', publishedAt: at(5), title: 'ميناء طرابلس: صفقة تشغيل جديدة' })]);
  assert.deepEqual(await slugsOn(desk), [deskStory.slug]);
  const feedTitles = async () => ((await get(`${desk}/feed.json`)).json().items as { title: string }[]).map((i) => i.title);
  assert.deepEqual(await feedTitles(), [deskStory.title]);
  assert.equal((await get(`${desk}/feed.json`)).headers['x-cache'], 'hit');
  assert.deepEqual(await store.publishDue(new Date().toISOString()), [scheduled!.article.id]);
  assert.deepEqual(await slugsOn(desk), [scheduled!.article.slug, deskStory.slug]);
  assert.deepEqual(await feedTitles(), [scheduled!.article.title, deskStory.title], 'the feed too');

  // The desk's story was the reporter's: it moves from one page to the other.
  assert.equal((await get(reporter)).headers['x-cache'], 'hit');
  await saveArticles(store, [{ ...article(), id: deskStory.id, title: deskStory.title, author: REPORTER, publishedAt: deskStory.publishedAt! }]);
  assert.deepEqual(await slugsOn(desk), [scheduled!.article.slug]);
  assert.equal((await slugsOn(reporter))[0], deskStory.slug);

  // Deleted, a story leaves its page, and the pages after it move up (they do not show it: only the list says so).
  const reporterPage2 = `${reporter}?page=2`;
  assert.deepEqual(await slugsOn(reporterPage2), [reports[1]!.slug, reports[0]!.slug]);
  assert.equal((await get(reporterPage2)).headers['x-cache'], 'hit');
  await store.deleteArticle(deskStory.id);
  assert.deepEqual(await slugsOn(reporterPage2), [reports[0]!.slug]);
  await store.deleteArticle(scheduled!.article.id);
  assert.equal((await get(desk)).statusCode, 404);
});
