/**
 * Stories signed by several: every byline has the story on its page, in its
 * feed, its sitemap count and the APIs' lists; the page names them all and
 * introduces each who has a profile; the editor, the Admin API, revisions,
 * the JSON lines export and Ghost's multi-author posts carry them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonArticle } from '../../src/content/parsers/jsonl.js';
import { exportedArticle } from '../../src/services/export.js';
import { importUpload } from '../../src/services/import.js';
import { articleUrl, authorUrl } from '../../src/web/urls.js';
import { Client, keyedSite, makeUser, postArticle, type KeyedSite } from '../newsroom/helpers.js';

const REEM = 'ريم الخطيب';
const SAMER = 'سامر الحداد';
const LAYLA = 'ليلى منصور';

let site: KeyedSite;
let editor: KeyedSite['api'];
let story: { id: number; slug: string };

const get = (url: string) => site.app.inject({ method: 'GET', url });
const listed = (html: string) => [...html.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!));
const jsonLd = (page: string) => [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, any>);

before(async () => {
  site = await keyedSite('editor');
  editor = site.api;
  story = await postArticle(editor, {
    title: 'تحقيق: أين ذهبت أموال إعادة إعمار الأحياء القديمة؟',
    description: 'تحقيق استقصائي في عقود الترميم خلال خمس سنوات. #تحقيقات #الأردن',
    body: 'تتبعنا عقود ترميم الأحياء القديمة منذ عام 2021، وراجعنا مئات الوثائق.\n\n## العقود\n\nووجدنا أن ثلث المشاريع لم يكتمل رغم صرف مخصصاتها كاملة.',
    tags: ['تحقيقات', 'الأردن'],
    author: REEM,
    // A variant of the first byline, a name twice and stray spaces: one each, the first left out.
    coAuthors: [` ${SAMER} `, 'ريم  الخطيب', LAYLA, 'سامر الحدّاد'],
    status: 'published',
  });
  await editor('PATCH', `/api/admin${authorUrl(SAMER)}`, { jobTitle: 'محرر الاقتصاد', bio: 'يكتب سامر الحداد عن الموازنات والعقود العامة.' });
});
after(() => site.close());

test('the bylines are cleaned and kept in order: each name once, the first byline never again', async () => {
  const a = (await editor('GET', `/api/admin/articles/${story.id}`)).json();
  assert.equal(a.author, REEM);
  assert.deepEqual(a.coAuthors, [SAMER, LAYLA]);
  const tooMany = await editor('PATCH', `/api/admin/articles/${story.id}`, { coAuthors: ['أ', 'ب', 'ج', 'د', 'هـ'] });
  assert.equal(tooMany.statusCode, 400);
  assert.deepEqual((await editor('GET', `/api/admin/articles/${story.id}`)).json().coAuthors, [SAMER, LAYLA], 'nothing changed');
});

test('the page names every byline, introduces each with a profile, and tells search engines of them all', async () => {
  const html = (await get(articleUrl(story.slug))).body;
  assert.match(html, new RegExp(`<span class="authors"><a rel="author" href="${authorUrl(REEM)}">${REEM}</a>، <a rel="author" href="${authorUrl(SAMER)}">${SAMER}</a> و<a rel="author" href="${authorUrl(LAYLA)}">${LAYLA}</a></span>`));
  const boxes = [...html.matchAll(/<aside class="author-box" aria-labelledby="(author-box-heading-\d)">[\s\S]*?<\/aside>/g)];
  assert.equal(boxes.length, 1, 'only Samer has a profile');
  assert.match(boxes[0]![0], /محرر الاقتصاد/);
  const news = jsonLd(html).find((d) => d['@type'] === 'NewsArticle')!;
  assert.deepEqual(news.author.map((p: { name: string }) => p.name), [REEM, SAMER, LAYLA]);
  assert.equal(news.author[1].jobTitle, 'محرر الاقتصاد');
});

test("the story is on each co-author's page, feed, sitemap and list, in any spelling", async () => {
  for (const name of [REEM, SAMER, LAYLA]) {
    const page = await get(authorUrl(name));
    assert.equal(page.statusCode, 200, name);
    assert.deepEqual(listed(page.body), [decodeURIComponent(articleUrl(story.slug))], name);
    assert.match(page.body, /<p class="list-count">خبر واحد<\/p>/);
  }
  assert.equal((await get(authorUrl('سامر الحدّاد'))).statusCode, 301, 'another spelling goes to the page');
  const feed = (await get(`${authorUrl(LAYLA)}/feed.xml`)).body;
  assert.match(feed, /<dc:creator><!\[CDATA\[ريم الخطيب، سامر الحداد وليلى منصور\]\]><\/dc:creator>|<dc:creator>ريم الخطيب، سامر الحداد وليلى منصور<\/dc:creator>/);
  assert.match(feed, new RegExp(`<title><!\\[CDATA\\[صحيفة: ${LAYLA}\\]\\]></title>|<title>صحيفة: ${LAYLA}</title>`), 'named as its page is');
  const json = (await get(`${authorUrl(SAMER)}/feed.json`)).json();
  assert.deepEqual(json.items[0].authors, [{ name: REEM }, { name: SAMER }, { name: LAYLA }]);
  const sitemap = (await get('/sitemaps/authors.xml')).body;
  for (const name of [REEM, SAMER, LAYLA]) assert.ok(sitemap.includes(encodeURIComponent(name.replace(/ /g, '_'))), name);
  const authors = (await get('/api/content/authors')).json() as { name: string; count: number }[];
  assert.deepEqual(authors.map((a) => [a.name, a.count]).sort(), [[LAYLA, 1], [REEM, 1], [SAMER, 1]].sort());
  assert.equal((await get(`/api/articles?author=${encodeURIComponent(LAYLA)}`)).json().total, 1);
  const content = (await get(`/api/content/articles/${encodeURIComponent(story.slug)}`)).json();
  assert.deepEqual(content.coAuthors, [SAMER, LAYLA]);
  assert.deepEqual(content.authorProfiles.map((p: { name: string }) => p.name), [SAMER]);
});

test('a co-author taken off the story leaves its page at once; drafts and scheduled stories are on none', async () => {
  assert.equal((await get(authorUrl(LAYLA))).headers['x-cache'], 'hit', 'cached');
  const res = await editor('PATCH', `/api/admin/articles/${story.id}`, { coAuthors: [SAMER] });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((await get(authorUrl(LAYLA))).statusCode, 404, 'no story of hers is left');

  const draft = await postArticle(editor, { title: 'مسودة: متابعة التحقيق', body: 'نص المسودة الأولى للمتابعة.', tags: ['تحقيقات'], author: REEM, coAuthors: [LAYLA] });
  assert.equal((await get(authorUrl(LAYLA))).statusCode, 404, 'a draft is on no page');
  const soon = new Date(Date.now() + 1500).toISOString();
  assert.equal((await editor('POST', `/api/admin/articles/${draft.id}/schedule`, { publishAt: soon })).statusCode, 200);
  assert.equal((await get(authorUrl(LAYLA))).statusCode, 404, 'nor a scheduled one');
  await new Promise((r) => setTimeout(r, 1600));
  assert.deepEqual(await site.store.publishDue(new Date().toISOString()), [draft.id]);
  const page = await get(authorUrl(LAYLA));
  assert.equal(page.statusCode, 200, 'published at its time: on her page');
  assert.deepEqual(listed(page.body), [decodeURIComponent(articleUrl(draft.slug))]);
});

test('the editor shows and saves the co-authors; a revision brings them back', async () => {
  const { email, password } = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(email, password);
  const form = (await c.get(`/admin/articles/${story.id}`)).body;
  assert.match(form, /<input id="co_authors" name="co_authors" maxlength="1000" value="سامر الحداد"/);
  const a = (await editor('GET', `/api/admin/articles/${story.id}`)).json();
  const version = /name="version" value="([^"]+)"/.exec(form)![1]!;
  const saved = await c.post(`/admin/articles/${story.id}`, {
    title: a.title,
    description: a.description,
    tags: a.tags.join('، '),
    body: a.body,
    slug: a.slug,
    author: REEM,
    co_authors: `${LAYLA}، ${SAMER}`,
    version,
    action: 'save',
  });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
  assert.deepEqual((await editor('GET', `/api/admin/articles/${story.id}`)).json().coAuthors, [LAYLA, SAMER]);

  const revisions = (await editor('GET', `/api/admin/articles/${story.id}/revisions`)).json() as { id: number; snapshot: { coAuthors?: string[] } }[];
  const withSamerAlone = revisions.find((r) => r.snapshot.coAuthors?.join() === SAMER)!;
  assert.ok(withSamerAlone, JSON.stringify(revisions.map((r) => r.snapshot.coAuthors)));
  assert.equal((await editor('POST', `/api/admin/articles/${story.id}/revisions/${withSamerAlone.id}/restore`)).statusCode, 200);
  assert.deepEqual((await editor('GET', `/api/admin/articles/${story.id}`)).json().coAuthors, [SAMER]);
});

test("the newsroom's list finds a byline's stories, first or co-author, any status", async () => {
  const listed = (await editor('GET', `/api/admin/articles?byline=${encodeURIComponent('سامر الحدّاد')}`)).json() as { total: number; articles: { id: number }[] };
  assert.deepEqual(listed.articles.map((a) => a.id), [story.id]);
  const layla = (await editor('GET', `/api/admin/articles?byline=${encodeURIComponent(LAYLA)}`)).json() as { total: number };
  assert.equal(layla.total, 1, 'the story once scheduled; the shared one no longer names her since its revision was restored');
  const { email, password } = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(email, password);
  const page = (await c.get(`/admin?byline=${encodeURIComponent(SAMER)}`)).body;
  assert.match(page, new RegExp(`أخبار <strong>${SAMER}</strong>، كاتباً أو مشاركاً`));
  assert.match(page, new RegExp(`<a href="/admin/articles/${story.id}">`));
  assert.equal([...page.matchAll(/<a href="\/admin\/articles\/\d+">/g)].length, 1);
});

test('the JSON lines export carries them and reads them back', async () => {
  const article = (await site.store.getArticle(story.slug))!;
  const line = JSON.parse(JSON.stringify(exportedArticle({ ...article, coAuthors: [SAMER, LAYLA] })));
  assert.deepEqual(line.co_authors, [SAMER, LAYLA]);
  assert.deepEqual(parseJsonArticle(line).coAuthors, [SAMER, LAYLA]);
  assert.equal(exportedArticle({ ...article, coAuthors: [] }).co_authors, undefined, 'a story signed once says nothing of them');
});

test("a Ghost post's several authors all sign it here", async () => {
  const ghost = JSON.stringify({
    db: [
      {
        meta: { version: '5.130.6' },
        data: {
          posts: [{ id: 'g9', title: 'عمّان: حوار مع وزير المياه', slug: 'water', html: '<p>حاورنا وزير المياه عن خطط الصيف.</p>', status: 'published', type: 'post', visibility: 'public', published_at: '2026-10-05 09:00:00', updated_at: '2026-10-05 09:00:00' }],
          tags: [],
          posts_tags: [],
          users: [
            { id: 'u1', name: 'هدى سالم', slug: 'huda' },
            { id: 'u2', name: 'خالد يوسف', slug: 'khaled' },
          ],
          posts_authors: [
            { post_id: 'g9', author_id: 'u2', sort_order: 1 },
            { post_id: 'g9', author_id: 'u1', sort_order: 0 },
          ],
        },
      },
    ],
  });
  const report = await importUpload(site.store, 'ghost.json', ghost, {});
  assert.equal(report.imported, 1, JSON.stringify(report));
  const [row] = (await site.store.listArticles({ page: 1, limit: 1, author: 'خالد يوسف' })).articles;
  const imported = (await site.store.getArticle(row!.slug))!;
  assert.equal(imported.author, 'هدى سالم', 'the first by sort order');
  assert.deepEqual(imported.coAuthors, ['خالد يوسف']);
});
