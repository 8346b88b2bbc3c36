import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_SLUG, seedSite } from '../helpers/site.js';

let site: Awaited<ReturnType<typeof seedSite>>;
before(async () => {
  site = await seedSite();
});
after(async () => {
  await site.app.close();
  await site.store.close();
});

const get = (url: string) => site.app.inject({ method: 'GET', url });
const seedUrl = `/articles/${encodeURIComponent(SEED_SLUG)}`;

test('the article page has the seed shape', async () => {
  const res = await get(seedUrl);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
  const page = res.body;
  assert.match(page, /<html lang="ar" dir="rtl">/);
  assert.equal(page.match(/<h1>/g)?.length, 1);
  const body = page.slice(page.indexOf('class="article-body"'), page.indexOf('class="related"'));
  assert.equal(body.match(/<h2>/g)?.length, 9);
  assert.equal(body.match(/<p>/g)?.length, 14);
  assert.equal(body.match(/class="see-also"/g)?.length, 3);
  assert.ok(!page.includes('شاهد ايضاً'), 'the source site boilerplate is gone');
  assert.ok(!page.includes('السعودية متأخرة'), 'the source site see-also headline is gone');
  assert.match(page, /<a rel="tag" href="\/tags\/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7">#سوريا<\/a>/);
  assert.match(page, /<span class="hijri">[^<]*هـ<\/span>/);
  assert.match(page, /<span class="gregorian">1 نوفمبر 2026<\/span>/);
  const related = page.slice(page.indexOf('class="related"'));
  assert.match(related, /أخبار ذات صلة/);
  assert.equal(related.match(/<li><a href="\/articles\//g)?.length, 3);
});

test('see-also and related links are disjoint and never point at drafts', async () => {
  const res = await get(`/api/articles/${encodeURIComponent(SEED_SLUG)}`);
  const a = res.json();
  assert.equal(a.seeAlso.length, 3);
  assert.equal(a.related.length, 3);
  const slugs = [...a.seeAlso, ...a.related].map((l: { slug: string }) => l.slug);
  assert.equal(new Set(slugs).size, 6);
  assert.ok(!slugs.includes(SEED_SLUG));
  assert.ok(![...a.seeAlso, ...a.related].some((l: { title: string }) => l.title.startsWith('مسودة')));
});

test('the article API returns the body, sections, and links', async () => {
  const a = (await get(`/api/articles/${encodeURIComponent(SEED_SLUG)}`)).json();
  assert.deepEqual(a.tags, ['سوريا', 'روسيا']);
  assert.equal(a.sections.length, 9);
  assert.equal(a.sections[0].heading, 'لقاء بوتين والأسد: خلفية وتفاصيل');
  assert.equal(a.sections.flatMap((s: { paragraphs: string[] }) => s.paragraphs).length, 14);
  assert.ok(a.body.startsWith('## لقاء بوتين والأسد'));
  assert.equal(typeof a.publishedAt, 'string');
});

test('home and tag pages list newest first with pagination', async () => {
  const home = await get('/');
  assert.equal(home.statusCode, 200);
  assert.equal(home.body.match(/class="card"/g)?.length, 9);
  assert.ok(home.body.includes('لقاء بوتين والأسد في الكرملين'));
  const tag = await get(`/tags/${encodeURIComponent('سوريا')}`);
  assert.equal(tag.statusCode, 200);
  assert.equal(tag.body.match(/class="card"/g)?.length, 5);
  assert.ok(!tag.body.includes('مسودة'));
  assert.ok(tag.body.includes('<p class="list-count">5 أخبار</p>'), 'a tag page says how many it holds');
  assert.ok(!home.body.includes('list-count'), 'the home page does not');
  const api = (await get(`/api/articles?limit=4&page=2&tag=${encodeURIComponent('سوريا')}`)).json();
  assert.equal(api.total, 5);
  assert.equal(api.page, 2);
  assert.equal(api.articles.length, 1);
  assert.deepEqual(Object.keys(api.articles[0]).sort(), ['author', 'description', 'featured', 'publishedAt', 'slug', 'tags', 'title']);
});

test('unknown things get Arabic 404s, bad input a clear 400', async () => {
  const missing = await get('/articles/لا-يوجد');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /<html lang="ar" dir="rtl">/);
  assert.match(missing.body, /غير موجودة/);
  assert.equal((await get('/tags/لا-يوجد')).statusCode, 404);
  assert.equal((await get('/no/such/page')).statusCode, 404);
  const api = await get('/api/articles/nothing-here');
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error, 'not_found');
  const badPage = await get('/?page=0');
  assert.equal(badPage.statusCode, 400);
  assert.match(badPage.body, /lang="ar"/);
  // The reader is told in Arabic what is wrong with the address, not the validator's English.
  assert.match(badPage.body, /في عنوان هذه الصفحة ما لا يصلح/);
  assert.doesNotMatch(badPage.body, /querystring|must be/);
  // A path that cannot be decoded gets the same page, not Fastify's JSON.
  const badPath = await get('/tags/%E0%A4%A');
  assert.equal(badPath.statusCode, 400);
  assert.match(badPath.headers['content-type'] as string, /text\/html/);
  assert.match(badPath.body, /في عنوان هذه الصفحة ما لا يصلح/);
  const badApiPath = await get('/api/articles/%E0%A4%A');
  assert.equal(badApiPath.statusCode, 400);
  assert.equal(badApiPath.json().error, 'bad_request');
  const badLimit = await get('/api/articles?limit=1000');
  assert.equal(badLimit.statusCode, 400);
  assert.equal(badLimit.json().error, 'bad_request');
  // Developers keep the validator's message.
  assert.match(badLimit.json().message, /limit/);
  assert.equal((await get('/api/articles?page=abc')).statusCode, 400);
});

test('drafts are not served', async () => {
  const list = (await get('/api/articles?limit=100')).json();
  assert.ok(!list.articles.some((a: { title: string }) => a.title.startsWith('مسودة')));
  assert.equal((await get(`/articles/${encodeURIComponent('مسودة-لم-تنشر-تفاصيل')}`)).statusCode, 404);
});

test('the Arabic font and stylesheet are served from the project', async () => {
  const css = await get('/assets/site.css');
  assert.equal(css.statusCode, 200);
  assert.match(css.body, /prefers-color-scheme: dark/);
  const font = await get('/assets/fonts/naskh/files/noto-naskh-arabic-arabic-400-normal.woff2');
  assert.equal(font.statusCode, 200);
  assert.ok(font.rawPayload.length > 10_000);
});

test('every page names the site icon, and it is served', async () => {
  for (const url of ['/', seedUrl, '/search?q=سوريا', '/no-such-page']) {
    assert.match((await get(url)).body, /<link rel="icon" href="\/assets\/favicon\.svg" type="image\/svg\+xml">/, url);
  }
  const icon = await get('/assets/favicon.svg');
  assert.equal(icon.statusCode, 200);
  assert.match(icon.headers['content-type'] as string, /image\/svg\+xml/);
});
