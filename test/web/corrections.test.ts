/**
 * Corrections ("تصحيح"): whoever may edit a published story publishes a
 * correction under it, dated; readers, search engines and the APIs see them;
 * none is edited away.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { articleUrl } from '../../src/web/urls.js';
import { apiCaller, Client, makeKey, makeUser, siteWithStory, type Site } from '../newsroom/helpers.js';

let site: Site;
let author: Awaited<ReturnType<typeof makeKey>>;
let id: number;
let slug: string;

before(async () => {
  ({ site, author, id, slug } = await siteWithStory({
    title: 'حريق في سوق الحميدية: الدفاع المدني يسيطر على النيران',
    description: 'سيطرت فرق الدفاع المدني على حريق اندلع في سوق الحميدية بدمشق.',
    tags: ['سوريا'],
    body: 'اندلع حريق في سوق الحميدية صباح اليوم وأتى على اثني عشر محلاً.\n\n## الأضرار\n\nقال الدفاع المدني إن النيران لم تصل إلى الجامع الأموي.',
  }));
});
after(() => site.close());

const call = (auth: Record<string, string>, method: string, url: string, payload?: unknown) => apiCaller(site.app, auth)(method, url, payload);
const page = async () => (await site.app.inject({ method: 'GET', url: articleUrl(slug) })).body;
/** Another published story on the same site, by the same author. */
async function siteStory(s: Site, auth: Record<string, string>, article: Record<string, unknown>): Promise<{ id: number; slug: string }> {
  const res = await apiCaller(s.app, auth)('POST', '/api/admin/articles', { ...article, status: 'published' });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}
const ldOf = (body: string) => [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!)).find((d) => d['@type'] === 'NewsArticle');

test('a correction is published under the story, dated, for readers, search engines and the APIs', async () => {
  assert.doesNotMatch(await page(), /class="corrections"/);
  await site.app.inject({ method: 'GET', url: articleUrl(slug) });
  assert.equal((await site.app.inject({ method: 'GET', url: articleUrl(slug) })).headers['x-cache'], 'hit');
  const before = Date.now();
  const res = await call(author.auth, 'POST', `/api/admin/articles/${id}/corrections`, { text: '  ذكرت نسخة سابقة أن الحريق أتى على عشرين محلاً،   والصواب اثنا عشر.  ' });
  assert.equal(res.statusCode, 201, res.body);
  const [c] = res.json().corrections;
  assert.equal(c.text, 'ذكرت نسخة سابقة أن الحريق أتى على عشرين محلاً، والصواب اثنا عشر.', 'spaces folded');
  assert.ok(Date.parse(c.at) >= before && Date.parse(c.at) <= Date.now());

  const body = await page();
  assert.match(body, /<aside class="corrections" aria-labelledby="corrections-title">\s*<h2 id="corrections-title">تصحيح<\/h2>/);
  assert.match(body, new RegExp(`<li><time datetime="${c.at}">[^<]+</time>: ذكرت نسخة سابقة`));
  assert.deepEqual(ldOf(body).correction, [{ '@type': 'CorrectionComment', text: c.text, datePublished: c.at }]);
  assert.ok(body.indexOf('class="corrections"') > body.indexOf('class="article-body"'), 'after the text');
  for (const url of [`/api/articles/${encodeURIComponent(slug)}`, `/api/content/articles/${encodeURIComponent(slug)}`]) {
    assert.deepEqual((await site.app.inject({ method: 'GET', url })).json().corrections, [c], url);
  }

  const second = await call(author.auth, 'POST', `/api/admin/articles/${id}/corrections`, { text: 'نُسب التصريح خطأً إلى المحافظ، والصواب أنه لقائد الدفاع المدني.' });
  assert.deepEqual(second.json().corrections.map((x: { text: string }) => x.text.slice(0, 10)), [c.text.slice(0, 10), 'نُسب التصر'], 'oldest first');
  assert.match(await page(), /<h2 id="corrections-title">تصحيحات<\/h2>/);
});

test('corrections are only added: a PATCH cannot send them, and a later edit keeps them', async () => {
  const rewrite = await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { corrections: [] });
  assert.equal(rewrite.statusCode, 400);
  assert.equal(rewrite.json().field, 'corrections');
  assert.match(rewrite.json().message_ar, /حقل لا يقبله هذا الطلب: corrections/);
  // The same for any field a request does not take, rather than a silent 200 that changed nothing.
  const typo = await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { titel: 'عنوان' });
  assert.equal(typo.statusCode, 400);
  assert.equal(typo.json().field, 'titel');
  const edited = await call(author.auth, 'PATCH', `/api/admin/articles/${id}`, { title: 'حريق في سوق الحميدية: السيطرة على النيران بعد ساعتين' });
  assert.equal(edited.statusCode, 200);
  assert.equal(edited.json().corrections.length, 2);
});

test('a correction needs a published story, words, a right to edit it, and no more than 1,000 letters', async () => {
  const draft = await call(author.auth, 'POST', '/api/admin/articles', { title: 'مسودة: أسعار الخبز', body: 'نص قصير.' });
  const onDraft = await call(author.auth, 'POST', `/api/admin/articles/${draft.json().id}/corrections`, { text: 'تصحيح.' });
  assert.equal(onDraft.statusCode, 409);
  assert.match(onDraft.json().message_ar, /خبر منشور/);
  const blank = await call(author.auth, 'POST', `/api/admin/articles/${id}/corrections`, { text: '   ' });
  assert.equal(blank.statusCode, 400);
  assert.equal(blank.json().field, 'correction');
  const long = await call(author.auth, 'POST', `/api/admin/articles/${id}/corrections`, { text: 'ب'.repeat(1001) });
  assert.equal(long.statusCode, 400);
  const other = await makeKey(site.store, 'author');
  assert.equal((await call(other.auth, 'POST', `/api/admin/articles/${id}/corrections`, { text: 'ليس خبري.' })).statusCode, 403, "another author's story");
  const contributor = await makeKey(site.store, 'contributor');
  assert.equal((await call(contributor.auth, 'POST', `/api/admin/articles/${id}/corrections`, { text: 'مساهم.' })).statusCode, 403);
  assert.equal((await call({}, 'POST', `/api/admin/articles/${id}/corrections`, { text: 'بلا مفتاح.' })).statusCode, 401);
  assert.equal((await site.store.getArticleById(id))!.corrections.length, 2, 'none of these added one');
});

test("the editor's box publishes a correction with the save; a draft's form has none", async () => {
  const editor = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(editor.email, editor.password);
  const form = (await c.get(`/admin/articles/${id}`)).body;
  assert.match(form, /<legend>تصحيح<\/legend>/);
  assert.match(form, /<ol class="corrections-list"><li>/, 'the published ones listed');
  const a = (await site.store.getArticleById(id))!;
  const fields = { title: a.title, description: a.description, tags: a.tags.join('، '), body: a.body, action: 'save' };
  assert.equal((await c.post(`/admin/articles/${id}`, { ...fields, correction: 'كان عدد فرق الإطفاء أربعاً لا ستاً.' })).statusCode, 303);
  assert.match(await page(), /كان عدد فرق الإطفاء أربعاً لا ستاً\./);
  assert.equal((await site.store.getArticleById(id))!.corrections.length, 3);
  // Saved again with the box empty: nothing added.
  assert.equal((await c.post(`/admin/articles/${id}`, { ...fields, correction: '' })).statusCode, 303);
  assert.equal((await site.store.getArticleById(id))!.corrections.length, 3);
  assert.doesNotMatch((await c.get('/admin/articles/new')).body, /name="correction"/);
});

test('the corrections page lists every correction of the site, newest first, each with its story; it follows edits and unpublishing', async () => {
  const corrections = async () => (await site.app.inject({ method: 'GET', url: '/corrections' })).body;
  const other = await siteStory(site, author.auth, {
    title: 'افتتاح جسر المشاة في حلب: ربط الأحياء الشرقية',
    description: 'افتتح جسر جديد للمشاة في حلب يربط الأحياء الشرقية بوسط المدينة.',
    tags: ['سوريا'],
    body: 'افتتح صباح اليوم جسر جديد للمشاة في حلب.\n\n## التكلفة\n\nبلغت تكلفة الجسر مليوني دولار.',
  });
  // Cached as any page is, it changes when a correction is published.
  const before = await corrections();
  assert.match(before, /<h1 class="list-heading">التصحيحات<\/h1>/);
  assert.match(before, /<a href="\/corrections">التصحيحات<\/a>/, 'linked from every page');
  assert.equal((await call(author.auth, 'POST', `/api/admin/articles/${other.id}/corrections`, { text: 'بلغت التكلفة مليون دولار لا مليونين.' })).statusCode, 201);
  const after = await corrections();
  const items = [...after.matchAll(/<li>\s*<p class="when"><time datetime="([^"]+)">[\s\S]*?<a href="([^"]+)">([^<]+)<\/a><\/h2>\s*<p>([^<]+)<\/p>/g)].map((m) => ({ at: m[1]!, href: m[2]!, title: m[3]!, text: m[4]! }));
  assert.ok(items.length >= 2, after);
  assert.deepEqual(items[0], { at: items[0]!.at, href: articleUrl(other.slug), title: 'افتتاح جسر المشاة في حلب: ربط الأحياء الشرقية', text: 'بلغت التكلفة مليون دولار لا مليونين.' });
  assert.ok(items.every((it, i) => i === 0 || items[i - 1]!.at >= it.at), 'newest first');
  assert.ok(items.some((it) => it.href === articleUrl(slug)), 'the older story corrected earlier is there too');

  // The same for other front ends (the Content API), and for search engines (the tags' sitemap).
  const api = (await site.app.inject({ method: 'GET', url: '/api/content/corrections?limit=1' })).json();
  assert.deepEqual(api.corrections.map((c: { text: string; article: { url: string } }) => [c.text, c.article.url]), [['بلغت التكلفة مليون دولار لا مليونين.', articleUrl(other.slug)]]);
  assert.equal((await site.app.inject({ method: 'GET', url: '/api/content/corrections?limit=0' })).statusCode, 400);
  assert.match((await site.app.inject({ method: 'GET', url: '/sitemaps/tags.xml' })).body, /<loc>[^<]*\/corrections<\/loc>/);

  // A new headline shows at once; an unpublished story leaves the page.
  await call(author.auth, 'PATCH', `/api/admin/articles/${other.id}`, { title: 'جسر المشاة في حلب يفتتح: ربط الأحياء الشرقية' });
  assert.match(await corrections(), /جسر المشاة في حلب يفتتح/);
  await call(author.auth, 'POST', `/api/admin/articles/${other.id}/unpublish`);
  const gone = await corrections();
  assert.doesNotMatch(gone, /جسر المشاة/);
  assert.doesNotMatch(gone, /مليون دولار/);
});
