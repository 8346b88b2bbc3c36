/**
 * The home page's section blocks: under the latest, each section of the
 * site's navigation with its newest headlines that the page does not show
 * already, and a link to the section's page.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/content/article.js';
import { saveArticles } from '../../src/services/articles.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { tagUrl } from '../../src/web/urls.js';
import { article, memoryStore } from '../helpers/store.js';

const hour = 3600_000;
const at = (h: number) => new Date(Date.now() - 500 * hour + h * hour).toISOString();
let store: SqliteStore;
let app: Awaited<ReturnType<typeof buildServer>>;
let sport: Article[];
let economy: Article[];

before(async () => {
  store = await memoryStore();
  // Economy's eight are the oldest; sport's ten follow; politics' six are the newest (page 1 holds 12).
  economy = (await saveArticles(store, Array.from({ length: 8 }, (_, i) => article({ title: `اقتصاد ${i + 1}: أسعار الصرف اليوم`, tags: ['اقتصاد'], publishedAt: at(i) })))).map((o) => o.article);
  sport = (await saveArticles(store, Array.from({ length: 10 }, (_, i) => article({ title: `رياضة ${i + 1}: نتائج الدوري`, tags: ['رياضة'], publishedAt: at(20 + i) })))).map((o) => o.article);
  await saveArticles(store, Array.from({ length: 6 }, (_, i) => article({ title: `سياسة ${i + 1}: جلسة البرلمان`, tags: ['سياسة'], publishedAt: at(40 + i) })));
  await saveArticles(store, [
    article({ title: 'مسودة اقتصادية لم تنشر', tags: ['اقتصاد'], status: 'draft' }),
    article({ title: 'خبر اقتصادي مجدول', tags: ['اقتصاد'], status: 'scheduled', publishedAt: new Date(Date.now() + 24 * hour).toISOString() }),
  ]);
  app = await buildServer({ store, site: siteConfig({}, {}) });
});
after(async () => {
  await app.close();
  await store.close();
});

const blocks = (body: string) =>
  [...body.matchAll(/<section class="section-block" aria-labelledby="section-\d+">\s*<h2 id="section-\d+"><a href="([^"]+)">([^<]+)<\/a><\/h2>\s*<ul>([\s\S]*?)<\/ul>/g)].map((m) => ({
    href: m[1],
    name: m[2],
    titles: [...m[3]!.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map((t) => t[1]),
  }));

test("the store lists each section's newest public headlines, in the order asked, leaving out a section with none", async () => {
  const sections = await store.listSections(['رياضة', 'صحة', 'اقتصاد'], 3);
  assert.deepEqual(sections.map((s) => s.tag), ['رياضة', 'اقتصاد']);
  assert.deepEqual(sections[0]!.articles.map((a) => a.title), [10, 9, 8].map((i) => `رياضة ${i}: نتائج الدوري`));
  assert.deepEqual(sections[1]!.articles.map((a) => a.id), [economy[7]!.id, economy[6]!.id, economy[5]!.id], 'no draft, nothing scheduled');
});

test('under the latest, each section with headlines the page does not show yet, newest first, and a link to it', async () => {
  const body = (await app.inject({ method: 'GET', url: '/' })).body;
  const shown = [...body.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
  assert.equal(shown.length, 12, 'the latest: six politics, six sport');
  const found = blocks(body);
  // Politics is all above; sport's four oldest are not; economy's four newest; no health, culture or technology.
  assert.deepEqual(found.map((b) => b.name), ['اقتصاد', 'رياضة']);
  assert.deepEqual(found[0]!.titles, [8, 7, 6, 5].map((i) => `اقتصاد ${i}: أسعار الصرف اليوم`));
  assert.deepEqual(found[1]!.titles, [4, 3, 2, 1].map((i) => `رياضة ${i}: نتائج الدوري`));
  assert.equal(found[0]!.href, tagUrl('اقتصاد'));
  assert.ok(body.includes(`<a class="more" href="${tagUrl('اقتصاد')}">المزيد من اقتصاد</a>`));
  assert.ok(body.indexOf('class="section-blocks"') > body.indexOf('<ol class="cards">'), 'under the latest');
  assert.equal(blocks((await app.inject({ method: 'GET', url: '/?page=2' })).body).length, 0, 'the first page only');
});

test('a cached home page follows a section story edited or unpublished', async () => {
  await app.inject({ method: 'GET', url: '/' });
  assert.equal((await app.inject({ method: 'GET', url: '/' })).headers['x-cache'], 'hit');
  const oldest = sport[0]!;
  const before = (await app.inject({ method: 'GET', url: '/' })).headers['last-modified'] as string;
  await new Promise((r) => setTimeout(r, 1100));
  await saveArticles(store, [{ ...article(), id: oldest.id, title: 'رياضة 1: نتائج الدوري بعد التصحيح', tags: ['رياضة'], publishedAt: oldest.publishedAt! }]);
  const edited = await app.inject({ method: 'GET', url: '/', headers: { 'if-modified-since': before } });
  assert.equal(edited.statusCode, 200, 'a headline in a block dates the page too');
  assert.ok(blocks(edited.body)[1]!.titles.includes('رياضة 1: نتائج الدوري بعد التصحيح'));
  await saveArticles(store, [{ ...article(), id: oldest.id, title: 'رياضة 1: نتائج الدوري بعد التصحيح', tags: ['رياضة'], publishedAt: oldest.publishedAt!, status: 'unpublished' }]);
  assert.ok(!blocks((await app.inject({ method: 'GET', url: '/' })).body)[1]!.titles.some((t) => t!.startsWith('رياضة 1:')));
});

test("the newest columns have a block of their own before the sections', each with its writer, none repeated from above", async () => {
  await saveArticles(store, [
    article({ title: 'رأي: الأسواق تحتاج إلى الثقة قبل الفائدة', tags: ['اقتصاد'], genre: 'opinion', author: 'عادل الشريف', publishedAt: at(-10) }),
    article({ title: 'رأي: البرلمان وأسئلة الموازنة', tags: ['سياسة'], genre: 'opinion', author: 'ريم الخطيب', publishedAt: at(50) }),
  ]);
  const body = (await app.inject({ method: 'GET', url: '/' })).body;
  const block = /<section class="section-block columns-block"[\s\S]*?<\/section>/.exec(body)?.[0];
  assert.ok(block, 'a columns block');
  assert.match(block, /<h2 id="section-columns"><a href="\/opinion">مقالات الرأي<\/a><\/h2>/);
  assert.match(block, /الأسواق تحتاج إلى الثقة قبل الفائدة<\/a> <span class="byline">عادل الشريف<\/span>/);
  assert.doesNotMatch(block, /البرلمان وأسئلة الموازنة/, 'the newest column is in the latest above: not repeated');
  assert.match(body, /<span class="genre-mark genre-opinion">رأي<\/span> <a href="[^"]+">رأي: البرلمان وأسئلة الموازنة<\/a>/);
  assert.ok(body.indexOf('columns-block') < body.indexOf('aria-labelledby="section-0"'), "before the sections' blocks");
  assert.ok(!blocks(body).some((b) => b.titles.includes('رأي: الأسواق تحتاج إلى الثقة قبل الفائدة')), 'nor repeated under its section');
});
