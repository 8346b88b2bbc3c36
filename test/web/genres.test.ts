/**
 * Opinion, analysis and sponsored content (content/genre.ts): labelled on
 * their page, in lists, search results, feeds and the APIs, typed for search
 * engines; sponsored content marked only by editors and kept out of what the
 * site picks as news on its own (the links under other stories, the most
 * read, the news sitemap).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { viewHour } from '../../src/store/store.js';
import { authorUrl } from '../../src/web/urls.js';
import { pieceCount } from '../../src/web/counted.js';
import { exportRecords } from '../../src/services/export.js';
import { importUpload } from '../../src/services/import.js';
import { apiCaller, Client, keyedSite, makeKey, makeUser, newsroomSite, postArticle, testPng, type KeyedSite } from '../newsroom/helpers.js';
import { saveUpload } from '../../src/media/images.js';

let site: KeyedSite;
let editor: KeyedSite['api'];
let reporter: KeyedSite['api'];
const slugs: Record<string, string> = {};
const ids: Record<string, number> = {};

const CROSSING = {
  title: 'معبر جابر: استئناف حركة الشاحنات بين الأردن وسوريا',
  description: 'عادت الشاحنات إلى العبور في الاتجاهين بعد توقف دام أسبوعين. #الأردن #سوريا',
  body:
    'استؤنفت صباح اليوم حركة الشاحنات عبر معبر جابر الحدودي بين الأردن وسوريا بعد توقف دام أسبوعين بسبب أعمال صيانة.\n\n' +
    'وقال مدير المعبر إن أكثر من ثلاثمئة شاحنة محملة بالخضار والفواكه عبرت في الساعات الأولى.\n\n' +
    '## انتظار طويل\n\nوشكا سائقو الشاحنات من طول الانتظار على جانبي الحدود خلال فترة الإغلاق.',
  tags: ['الأردن', 'سوريا', 'المعابر'],
};
const LOGISTICS = {
  title: 'شحن بري: خدمة يومية للشاحنات عبر معبر جابر بين الأردن وسوريا',
  description: 'شركة نقل تطلق رحلات يومية للشاحنات عبر الحدود الأردنية السورية. #الأردن #سوريا',
  body:
    'أطلقت شركة نقل بري خدمة يومية لنقل البضائع بالشاحنات عبر معبر جابر الحدودي بين الأردن وسوريا.\n\n' +
    'وتقول الشركة إن شاحناتها تعبر الحدود في الاتجاهين كل صباح محملة بالخضار والفواكه والمواد الغذائية.\n\n' +
    'وتعد الشركة التجار بتقليص الانتظار على جانبي الحدود.',
  tags: ['الأردن', 'سوريا', 'المعابر'],
};
const OPINION = {
  title: 'المعابر المفتوحة: لماذا تحتاجها المنطقة أكثر من أي وقت مضى',
  description: 'التجارة عبر الحدود شريان للاقتصادين الأردني والسوري، وإغلاق المعابر يدفع ثمنه المزارعون. #الأردن #سوريا',
  body: 'كلما أُغلق معبر حدودي دفع المزارعون والسائقون الثمن قبل غيرهم.\n\nوأرى أن فتح المعابر بشكل دائم قرار اقتصادي قبل أن يكون سياسياً.',
  tags: ['رأي', 'المعابر'],
  genre: 'opinion',
  author: 'سامر الحداد',
};

before(async () => {
  site = await keyedSite('editor');
  editor = site.api;
  reporter = apiCaller(site.app, (await makeKey(site.store, 'author')).auth);
  for (const [name, article] of Object.entries({ crossing: CROSSING, logistics: LOGISTICS, opinion: OPINION })) {
    const { id, slug } = await postArticle(editor, { ...article, status: 'published' });
    ids[name] = id;
    slugs[name] = slug;
  }
});
after(() => site.close());

const get = (url: string) => site.app.inject({ method: 'GET', url });
const page = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, any>);
const linksUnder = async (slug: string) => {
  const a = (await get(`/api/articles/${encodeURIComponent(slug)}`)).json() as { seeAlso: { slug: string }[]; related: { slug: string }[] };
  return [...a.seeAlso, ...a.related].map((l) => l.slug);
};

test('an opinion piece is labelled over its headline and in lists, says whose view it is, and is an OpinionNewsArticle', async () => {
  const html = (await get(page(slugs.opinion!))).body;
  assert.match(html, /<p class="genre genre-opinion" data-genre="opinion"><a href="\/opinion">رأي<\/a><\/p>\s*<h1>/, 'the label right over the headline, leading to the columns');
  assert.match(html, /<p class="genre-note">تعبّر مقالات الرأي عن آراء كتّابها، ولا تعبّر بالضرورة عن رأي صحيفة\.<\/p>/);
  assert.ok(jsonLd(html).some((d) => d['@type'] === 'OpinionNewsArticle'), 'typed for search engines');
  const home = (await get('/')).body;
  assert.match(home, new RegExp(`<span class="genre-mark genre-opinion">رأي</span> <a href="${page(slugs.opinion!)}">`));
  assert.doesNotMatch(home, new RegExp(`genre-mark[^<]*</span> <a href="${page(slugs.crossing!)}">`), 'news carries no label');
  const crossing = (await get(page(slugs.crossing!))).body;
  assert.doesNotMatch(crossing, /class="genre/);
  assert.ok(jsonLd(crossing).some((d) => d['@type'] === 'NewsArticle'));
  // The APIs say it: the article always, the lists only when it is not news.
  assert.equal((await get(`/api/articles/${encodeURIComponent(slugs.opinion!)}`)).json().genre, 'opinion');
  assert.equal((await get(`/api/articles/${encodeURIComponent(slugs.crossing!)}`)).json().genre, 'news');
  assert.equal((await get(`/api/content/articles/${encodeURIComponent(slugs.opinion!)}`)).json().genre, 'opinion', 'the Content API too');
  const listed = (await get('/api/articles?limit=10')).json().articles as { slug: string; genre?: string }[];
  assert.equal(listed.find((a) => a.slug === slugs.opinion)?.genre, 'opinion');
  assert.equal(listed.find((a) => a.slug === slugs.crossing)?.genre, undefined);
});

test('the label follows a change: an analysis is an AnalysisNewsArticle, and cached pages say so at once', async () => {
  assert.equal((await get(page(slugs.opinion!))).headers['x-cache'], 'hit');
  const res = await editor('PATCH', `/api/admin/articles/${ids.opinion}`, { genre: 'analysis' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().genre, 'analysis');
  const html = (await get(page(slugs.opinion!))).body;
  assert.match(html, /<p class="genre genre-analysis" data-genre="analysis"><a href="\/analysis">تحليل<\/a><\/p>/);
  assert.doesNotMatch(html, /genre-note/, 'an analysis is the newsroom\'s own: no disclaimer');
  assert.ok(jsonLd(html).some((d) => d['@type'] === 'AnalysisNewsArticle'));
  assert.match((await get('/')).body, /<span class="genre-mark genre-analysis">تحليل<\/span>/, 'the home page was purged too');
  await editor('PATCH', `/api/admin/articles/${ids.opinion}`, { genre: 'opinion' });
});

test('the opinion page lists the columns, newest first, with their writers, and follows new columns and changes of genre', async () => {
  const first = await get('/opinion');
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /<h1 class="list-heading">مقالات الرأي<\/h1>/);
  assert.match(first.body, new RegExp(`<a href="${page(slugs.opinion!)}">${OPINION.title}</a></h2>\\s*<p class="card-byline"><span>بقلم <a href="${authorUrl('سامر الحداد')}">سامر الحداد</a></span></p>`));
  assert.ok(!first.body.includes(CROSSING.title), 'news is not listed');
  assert.match(first.body, /<p class="list-count">مقال واحد<\/p>/, 'columns are counted as articles, not news');
  assert.deepEqual([2, 3, 11, 100].map((n) => pieceCount(n)), ['مقالان', '3 مقالات', '11 مقالاً', '100 مقال']);
  assert.match(first.body, /<a href="\/opinion">مقالات الرأي<\/a>/, 'the footer leads there');
  // A writer with a portrait has it beside their name; it follows their profile.
  const media = await saveUpload(site.store, { dir: site.mediaDir, maxBytes: 5_000_000 }, { bytes: await testPng(300, 300), alt: 'سامر الحداد', userId: null });
  assert.equal((await editor('PATCH', `/api/admin${authorUrl('سامر الحداد')}`, { image: media.id })).statusCode, 200);
  assert.match((await get('/opinion')).body, /<p class="card-byline"><picture class="portrait">[\s\S]*?<\/picture><span>بقلم <a href="[^"]+">سامر الحداد<\/a><\/span><\/p>/);
  const types = jsonLd(first.body).map((d) => d['@type']);
  assert.ok(types.includes('CollectionPage') && types.includes('BreadcrumbList'), types.join());
  assert.equal((await get('/opinion')).headers['x-cache'], 'hit');

  const column = await postArticle(editor, { ...OPINION, title: 'الحدود والزراعة: موسم الخضار لا ينتظر السياسة', author: 'ريم الخطيب', status: 'published' });
  const titles = () => get('/opinion').then((r) => [...r.body.matchAll(/<h2><span class="genre-mark genre-opinion">رأي<\/span> <a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]));
  assert.deepEqual(await titles(), ['الحدود والزراعة: موسم الخضار لا ينتظر السياسة', OPINION.title], 'the new column first, at once');
  await editor('PATCH', `/api/admin/articles/${column.id}`, { genre: 'analysis' });
  assert.deepEqual(await titles(), [OPINION.title], 'an analysis now');
  assert.match((await get('/analysis')).body, /الحدود والزراعة: موسم الخضار لا ينتظر السياسة/);

  // The same list through the APIs, and a genre that does not exist is refused.
  const listed = (await get('/api/articles?genre=opinion')).json() as { total: number; articles: { slug: string; author: string }[] };
  assert.equal(listed.total, 1);
  assert.deepEqual(listed.articles.map((a) => [a.slug, a.author]), [[slugs.opinion, 'سامر الحداد']]);
  assert.equal((await get('/api/content/articles?genre=analysis')).json().total, 1);
  assert.equal((await get('/api/articles?genre=column')).statusCode, 400);
  await editor('DELETE', `/api/admin/articles/${column.id}`);
  assert.doesNotMatch((await get('/analysis')).body, /موسم الخضار/, 'a deleted piece leaves its page');

  // Readers follow the columns in a feed of their own, which the page advertises; search engines find the page.
  const feed = await get('/opinion/feed.xml');
  assert.equal(feed.statusCode, 200);
  assert.match(feed.body, /<title>صحيفة: مقالات الرأي<\/title>/);
  assert.ok(feed.body.includes(OPINION.title) && !feed.body.includes(CROSSING.title), 'the columns only');
  assert.equal((await get('/opinion/feed.json')).json().items.length, 1);
  assert.match((await get('/opinion')).body, /<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="http:\/\/127\.0\.0\.1:3000\/opinion\/feed\.xml">/);
  const sitemap = (await get('/sitemaps/tags.xml')).body;
  assert.match(sitemap, /<loc>http:\/\/127\.0\.0\.1:3000\/opinion<\/loc>/);
  assert.doesNotMatch(sitemap, /\/analysis<\/loc>/, 'no analysis is public now');
});

test('sponsored content is disclosed, and leaves the links under other stories, the most read and the news sitemap', async () => {
  // As news, the company's piece is the crossing story's closest neighbour.
  assert.ok((await linksUnder(slugs.crossing!)).includes(slugs.logistics!), 'linked while it is news');
  const now = new Date();
  await site.store.recordViews(new Map([[slugs.logistics!, 500], [slugs.crossing!, 3]]), now, viewHour(new Date(now.getTime() - 48 * 3600_000)));
  const since = viewHour(new Date(now.getTime() - 24 * 3600_000));
  assert.equal((await site.store.mostRead(since, now.toISOString(), 5))[0]?.slug, slugs.logistics);

  const res = await editor('PATCH', `/api/admin/articles/${ids.logistics}`, { genre: 'sponsored' });
  assert.equal(res.statusCode, 200, res.body);
  const html = (await get(page(slugs.logistics!))).body;
  assert.match(html, /<p class="genre genre-sponsored" data-genre="sponsored">محتوى ممول<\/p>/);
  assert.match(html, /<p class="genre-note genre-note-sponsored">محتوى ممول: أُعدّ بالاتفاق مع جهة معلنة، ولا تشارك فيه هيئة تحرير صحيفة\.<\/p>/);
  assert.ok(jsonLd(html).some((d) => d['@type'] === 'AdvertiserContentArticle'));

  assert.ok(!(await linksUnder(slugs.crossing!)).includes(slugs.logistics!), 'no longer among the links of the story it was linked under');
  assert.ok(!(await linksUnder(slugs.opinion!)).includes(slugs.logistics!));
  const related = (await get(`/api/articles/${encodeURIComponent(slugs.crossing!)}/related?limit=10`)).json().related as { slug: string }[];
  assert.ok(!related.some((r) => r.slug === slugs.logistics), 'nor in the related API');
  // Its own page still has links to the news.
  assert.ok((await linksUnder(slugs.logistics!)).includes(slugs.crossing!));
  // An editor cannot pin it under a story either: told why, rather than have the pin silently ignored.
  const pin = await editor('PATCH', `/api/admin/articles/${ids.crossing}`, { pinnedLinks: [page(slugs.logistics!)] });
  assert.equal(pin.statusCode, 400);
  assert.equal(pin.json().field, 'pinnedLinks');
  assert.match(pin.json().message_ar, /محتوى ممول/);

  assert.ok(!(await site.store.mostRead(since, now.toISOString(), 5)).some((s) => s.slug === slugs.logistics), 'not ranked among the most read');
  const news = (await get('/sitemaps/news.xml')).body;
  assert.ok(news.includes(encodeURIComponent(slugs.crossing!)), 'news stays in the news sitemap');
  assert.ok(!news.includes(encodeURIComponent(slugs.logistics!)), 'paid content does not');
  assert.ok((await get('/sitemaps/articles-1.xml')).body.includes(encodeURIComponent(slugs.logistics!)), 'the ordinary sitemap lists it');

  // Labelled in the feeds and in search.
  const rss = (await get('/feed.xml')).body;
  const item = rss.split('<item>').find((i) => i.includes(encodeURIComponent(slugs.logistics!)))!;
  assert.match(item, /<category>محتوى ممول<\/category>/);
  assert.match(item, /<description><!\[CDATA\[محتوى ممول: شركة نقل/);
  const found = (await get(`/api/search?q=${encodeURIComponent('شركة نقل')}`)).json().results as { slug: string; genre?: string }[];
  assert.equal(found.find((r) => r.slug === slugs.logistics)?.genre, 'sponsored');
  assert.match((await get(`/search?q=${encodeURIComponent('شركة نقل')}`)).body, /<span class="genre-mark genre-sponsored">محتوى ممول<\/span>/);
});

test("the editors name the sponsor: the disclosure, the feeds, the APIs and the structured data say who paid", async () => {
  const named = await editor('PATCH', `/api/admin/articles/${ids.logistics}`, { sponsor: '  شركة الطريق للنقل ' });
  assert.equal(named.statusCode, 200, named.body);
  assert.equal(named.json().sponsor, 'شركة الطريق للنقل');
  const html = (await get(page(slugs.logistics!))).body;
  assert.match(html, /<p class="genre-note genre-note-sponsored">محتوى ممول من شركة الطريق للنقل: أُعدّ بالاتفاق مع الجهة الراعية، ولا تشارك فيه هيئة تحرير صحيفة\.<\/p>/);
  assert.deepEqual(jsonLd(html).find((d) => d['@type'] === 'AdvertiserContentArticle')?.sponsor, { '@type': 'Organization', name: 'شركة الطريق للنقل' });
  assert.equal((await get(`/api/content/articles/${encodeURIComponent(slugs.logistics!)}`)).json().sponsor, 'شركة الطريق للنقل');
  assert.equal((await get(`/api/articles/${encodeURIComponent(slugs.crossing!)}`)).json().sponsor, undefined, 'news has none');
  const item = (await get('/feed.xml')).body.split('<item>').find((i) => i.includes(encodeURIComponent(slugs.logistics!)))!;
  assert.match(item, /<description><!\[CDATA\[محتوى ممول من شركة الطريق للنقل: شركة نقل/);
  assert.equal((await editor('PATCH', `/api/admin/articles/${ids.logistics}`, { sponsor: 'ش'.repeat(121) })).statusCode, 400, 'at most 120 letters');
});

test('only editors mark or unmark sponsored content; a reporter may write opinion', async () => {
  const refused = await reporter('POST', '/api/admin/articles', { ...LOGISTICS, title: 'إعلان: خدمة شحن جديدة', genre: 'sponsored' });
  assert.equal(refused.statusCode, 403, refused.body);
  const own = await postArticle(reporter, { ...OPINION, title: 'رأي آخر: المعابر والمزارعون', genre: 'opinion' });
  assert.equal((await reporter('GET', `/api/admin/articles/${own.id}`)).json().genre, 'opinion');
  // An editor makes the reporter's piece sponsored; the reporter cannot take the label off.
  assert.equal((await editor('PATCH', `/api/admin/articles/${own.id}`, { genre: 'sponsored' })).statusCode, 200);
  const unmark = await reporter('PATCH', `/api/admin/articles/${own.id}`, { genre: 'news' });
  assert.equal(unmark.statusCode, 403, unmark.body);
  assert.match(unmark.json().message_ar, /المحتوى الممول/);
  const sponsor = await reporter('PATCH', `/api/admin/articles/${own.id}`, { sponsor: 'جهة أخرى' });
  assert.equal(sponsor.statusCode, 403, 'nor name its sponsor');
  assert.match(sponsor.json().message_ar, /الجهة الراعية/);
  // Other edits of it are still the reporter's to make.
  assert.equal((await reporter('PATCH', `/api/admin/articles/${own.id}`, { title: 'رأي آخر: المعابر والمزارعون أولاً' })).statusCode, 200);
  const bad = await editor('PATCH', `/api/admin/articles/${own.id}`, { genre: 'advert' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /genre/);
});

test("the editor's form: a reporter is not offered sponsored content, and a sponsored piece's field is locked to them", async () => {
  const { email, password } = await makeUser(site.store, 'author', 'مراسلة الحدود');
  const c = new Client(site.app);
  await c.login(email, password);
  const options = (html: string) => [...html.matchAll(/<option value="(news|opinion|analysis|sponsored)"/g)].map((m) => m[1]);
  assert.deepEqual(options((await c.get('/admin/articles/new')).body), ['news', 'opinion', 'analysis']);
  const created = await c.api('POST', '/api/admin/articles', { ...OPINION, title: 'رأي: الحدود المفتوحة والمزارعون' });
  assert.equal(created.statusCode, 201, created.body);
  const { id } = created.json();
  await editor('PATCH', `/api/admin/articles/${id}`, { genre: 'sponsored' });
  const form = (await c.get(`/admin/articles/${id}`)).body;
  assert.match(form, /<select id="genre" name="genre" aria-describedby="genre-hint" disabled>/);
  assert.match(form, /<option value="sponsored" selected>محتوى ممول<\/option>/);
  // The disabled field sends nothing: saving the form keeps the label.
  const version = /name="version" value="([^"]+)"/.exec(form)![1]!;
  const saved = await c.post(`/admin/articles/${id}`, { title: 'رأي: الحدود المفتوحة والمزارعون أولاً', description: OPINION.description, tags: 'رأي، المعابر', body: OPINION.body, version, action: 'save' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  assert.equal((await site.store.getArticleById(id))!.genre, 'sponsored');
  assert.equal((await site.store.getArticleById(id))!.title, 'رأي: الحدود المفتوحة والمزارعون أولاً');
  // A forged field is refused like the API's.
  const forged = await c.post(`/admin/articles/${id}`, { title: 'رأي: الحدود المفتوحة', description: OPINION.description, tags: 'رأي', body: OPINION.body, genre: 'news', action: 'save' });
  assert.equal(forged.statusCode, 403);
  assert.equal((await site.store.getArticleById(id))!.genre, 'sponsored');
});

test("the newsroom's list narrows to a genre, in the page and the Admin API", async () => {
  const listed = (await editor('GET', '/api/admin/articles?genre=sponsored&limit=50')).json() as { total: number; articles: { title: string; status: string }[] };
  assert.ok(listed.articles.some((a) => a.title === LOGISTICS.title), 'the published one');
  assert.ok(listed.articles.some((a) => a.status === 'draft'), 'and any status');
  assert.ok(listed.articles.every((a) => a.title !== CROSSING.title && a.title !== OPINION.title));
  assert.equal((await editor('GET', '/api/admin/articles?genre=ad')).statusCode, 400);
  const { email, password } = await makeUser(site.store, 'editor', 'محررة المحتوى الممول');
  const c = new Client(site.app);
  await c.login(email, password);
  const page = (await c.get('/admin?genre=opinion')).body;
  assert.match(page, /<a href="\/admin\?genre=opinion" aria-current="page">رأي<\/a>/);
  assert.ok(page.includes(OPINION.title) && !page.includes(CROSSING.title), 'the columns only');
  // An editor's form names the sponsor; saving it from the form keeps or changes it.
  const form = (await c.get(`/admin/articles/${ids.logistics}`)).body;
  assert.match(form, /<input id="sponsor" name="sponsor" maxlength="120" value="شركة الطريق للنقل"/);
  const version = /name="version" value="([^"]+)"/.exec(form)![1]!;
  const saved = await c.post(`/admin/articles/${ids.logistics}`, { title: LOGISTICS.title, description: LOGISTICS.description, tags: LOGISTICS.tags.join('، '), body: LOGISTICS.body, genre: 'sponsored', sponsor: 'شركة الطريق للنقل البري', version, action: 'save' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  assert.equal((await site.store.getArticleById(ids.logistics!))!.sponsor, 'شركة الطريق للنقل البري');
});

test('the genre goes out with an export and comes back with its import', async () => {
  let lines = '';
  for await (const { kind, line } of exportRecords(site.store)) if (kind === 'article') lines += line;
  const exported = lines.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; genre?: string });
  assert.equal(exported.find((a) => a.title === OPINION.title)?.genre, 'opinion');
  assert.equal(exported.find((a) => a.title === CROSSING.title)?.genre, undefined, 'news is the default, not written');
  const other = await newsroomSite();
  try {
    const report = await importUpload(other.store, 'export.jsonl', lines, {});
    assert.equal(report.failed, 0, JSON.stringify(report));
    const articles = await Promise.all((await other.store.listPublicIds()).map((id) => other.store.getArticleById(id)));
    assert.equal(articles.find((a) => a?.title === OPINION.title)?.genre, 'opinion');
    assert.equal(articles.find((a) => a?.title === LOGISTICS.title)?.genre, 'sponsored');
    assert.equal(articles.find((a) => a?.title === LOGISTICS.title)?.sponsor, 'شركة الطريق للنقل البري');
    assert.equal(articles.find((a) => a?.title === CROSSING.title)?.genre, 'news');
  } finally {
    await other.close();
  }
});
