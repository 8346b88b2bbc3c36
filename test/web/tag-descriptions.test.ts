/**
 * Tag descriptions: a line or two the editors write about a tag, under its
 * page's heading and in its meta description, CollectionPage, feed and the
 * Content API; brought over from WordPress and Ghost, never over an
 * editor's own.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import { importUpload } from '../../src/services/import.js';
import { tagUrl } from '../../src/web/urls.js';
import { article } from '../helpers/store.js';
import { Client, makeKey, makeUser, newsroomSite, type Site } from '../newsroom/helpers.js';

let site: Site;
let editor: Record<string, string>;
const ABOUT = 'تغطية الحرب في السودان منذ نيسان 2023: المعارك، والنزوح، ومساعي الهدنة.';

before(async () => {
  site = await newsroomSite();
  await saveArticles(site.store, [
    article({ title: 'الخرطوم: اشتباكات في محيط القيادة العامة', tags: ['السودان'] }),
    article({ title: 'دارفور: آلاف النازحين إلى تشاد', tags: ['السودان', 'اللاجئون'] }),
  ]);
  editor = (await makeKey(site.store, 'editor')).auth;
});
after(() => site.close());

const get = (url: string) => site.app.inject({ method: 'GET', url });
const patchTag = async (id: number, payload: unknown) =>
  site.app.inject({ method: 'PATCH', url: `/api/admin/tags/${id}`, headers: { ...editor, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
const tagId = async (name: string) => (await site.store.getTag(name))!.id;

test("an editor's description is under the tag page's heading, in its meta description, CollectionPage, feed and the Content API", async () => {
  const url = tagUrl('السودان');
  assert.doesNotMatch((await get(url)).body, /class="tag-description"/);
  assert.equal((await get(url)).headers['x-cache'], 'hit');
  const res = await patchTag(await tagId('السودان'), { description: `  ${ABOUT.replace(' ', '   ')}\n` });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().description, ABOUT, 'one line, spaces folded');

  const page = (await get(url)).body;
  assert.match(page, new RegExp(`<h1 class="list-heading">#السودان</h1>\\s*<p class="tag-description">${ABOUT}</p>`));
  assert.match(page, new RegExp(`<meta name="description" content="${ABOUT}">`));
  const ld = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
  assert.equal(ld.find((d) => d['@type'] === 'CollectionPage').description, ABOUT);
  assert.match((await get(`${url}/feed.xml`)).body, new RegExp(`<description>${ABOUT}</description>`));
  const tags = (await get('/api/content/tags')).json() as { name: string; description: string }[];
  assert.equal(tags.find((t) => t.name === 'السودان')!.description, ABOUT);
  assert.equal(tags.find((t) => t.name === 'اللاجئون')!.description, '');
});

test('a description too long is refused, and a rename sent with it is not made either', async () => {
  const id = await tagId('اللاجئون');
  const res = await patchTag(id, { name: 'النازحون', description: 'ك'.repeat(301) });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().field, 'description');
  assert.equal((await site.store.getTag('اللاجئون'))!.description, '');
  assert.ok(await site.store.getTag('اللاجئون'), 'still its name');
  assert.equal((await patchTag(id, {})).statusCode, 400, 'nothing to change');
});

test("the tags page's box saves a description; clearing it goes back to the line made of the name", async () => {
  const { email, password } = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(email, password);
  const id = await tagId('اللاجئون');
  assert.match((await c.get('/admin/tags')).body, new RegExp(`<textarea id="describe-${id}" name="description" rows="2" maxlength="300"></textarea>`));
  const saved = await c.post(`/admin/tags/${id}/description`, { description: 'أخبار اللاجئين والنازحين في المنطقة.' });
  assert.equal(saved.statusCode, 303);
  assert.match((await c.get(saved.headers.location as string)).body, /حُفظ وصف الوسم/);
  assert.match((await get(tagUrl('اللاجئون'))).body, /<p class="tag-description">أخبار اللاجئين والنازحين في المنطقة.<\/p>/);
  await c.post(`/admin/tags/${id}/description`, { description: '' });
  const page = (await get(tagUrl('اللاجئون'))).body;
  assert.doesNotMatch(page, /class="tag-description"/);
  assert.match(page, /<meta name="description" content="آخر الأخبار عن اللاجئون في صحيفة">/);
  const author = await makeUser(site.store, 'author');
  const a = new Client(site.app);
  await a.login(author.email, author.password);
  assert.equal((await a.post(`/admin/tags/${id}/description`, { description: 'ليس لي.' })).statusCode, 403);
});

test("WordPress's and Ghost's tag descriptions come over, never over an editor's own", async () => {
  const wxr = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>أخبار</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[sudan]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[السودان]]></wp:cat_name><wp:category_description><![CDATA[وصف من ووردبريس.]]></wp:category_description></wp:category>
<wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[darfur]]></wp:tag_slug><wp:tag_name><![CDATA[دارفور]]></wp:tag_name><wp:tag_description><![CDATA[الإقليم الغربي من السودان وأزماته.]]></wp:tag_description></wp:tag>
<item><title><![CDATA[دارفور: قافلة مساعدات تصل إلى الفاشر]]></title><link>https://old.example/?p=9</link><dc:creator><![CDATA[huda]]></dc:creator><guid isPermaLink="false">https://old.example/?p=9</guid>
<content:encoded><![CDATA[<p>وصلت قافلة مساعدات إلى الفاشر صباح اليوم.</p><p>وقالت الأمم المتحدة إنها تحمل غذاءً ودواءً.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>9</wp:post_id><wp:post_date_gmt><![CDATA[2026-10-02 07:30:00]]></wp:post_date_gmt><wp:post_name><![CDATA[aid-fasher]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="sudan"><![CDATA[السودان]]></category><category domain="post_tag" nicename="darfur"><![CDATA[دارفور]]></category></item>
</channel></rss>`;
  const report = await importUpload(site.store, 'wp.xml', wxr, {});
  assert.equal(report.imported, 1, JSON.stringify(report));
  assert.equal((await site.store.getTag('السودان'))!.description, ABOUT, "the editor's stays");
  assert.equal((await site.store.getTag('دارفور'))!.description, 'الإقليم الغربي من السودان وأزماته.');

  const ghost = JSON.stringify({
    db: [
      {
        meta: { version: '5.130.6' },
        data: {
          posts: [{ id: 'g1', title: 'الفاشر: حصار يدخل شهره الثالث', slug: 'fasher', html: '<p>يدخل حصار الفاشر شهره الثالث.</p>', status: 'published', type: 'post', visibility: 'public', published_at: '2026-10-05 09:00:00', updated_at: '2026-10-05 09:00:00', feature_image: null }],
          tags: [{ id: 't1', name: 'الفاشر', slug: 'fasher-city', visibility: 'public', description: 'عاصمة ولاية شمال دارفور.' }],
          posts_tags: [{ post_id: 'g1', tag_id: 't1', sort_order: 0 }],
          users: [],
          posts_authors: [],
        },
      },
    ],
  });
  assert.equal((await importUpload(site.store, 'ghost.json', ghost, {})).imported, 1);
  assert.equal((await site.store.getTag('الفاشر'))!.description, 'عاصمة ولاية شمال دارفور.');
});

test('a tag merged into one without a description brings its own', async () => {
  const into = await tagId('الفاشر');
  await patchTag(into, { description: '' });
  const from = await tagId('دارفور');
  const merged = await site.app.inject({
    method: 'POST',
    url: `/api/admin/tags/${from}/merge`,
    headers: { ...editor, 'content-type': 'application/json' },
    payload: JSON.stringify({ into }),
  });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.equal(merged.json().description, 'الإقليم الغربي من السودان وأزماته.');
});
