/**
 * The query-time alternatives (src/search/expand.ts) through a store, on
 * whichever engine the tests run on: the vocabulary is the index's own.
 * The articles are written for this test.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { memoryStore } from '../helpers/store.js';
import { saveArticles } from '../../src/services/articles.js';
import type { ArticleInput } from '../../src/content/article.js';

const day = (d: number) => `2026-02-${String(d).padStart(2, '0')}T08:00:00Z`;
const doc = (slug: string, title: string, body: string, d: number): ArticleInput => ({
  externalId: `expand:${slug}`,
  slug,
  title,
  description: '',
  tags: ['اختبار'],
  body,
  publishedAt: day(d),
});

const ARTICLES: ArticleInput[] = [
  doc('decision-1', 'الحكومة تصدر قرار الضرائب', 'صدر قرار جديد يخص الضرائب.', 1),
  doc('decision-2', 'قرار المحكمة في قضية الأرض', 'قرار نهائي لا رجعة فيه.', 2),
  doc('decision-3', 'مجلس المدينة يناقش قرار المياه', 'النقاش حول قرار المياه مستمر.', 3),
  doc('welcome', 'البرلمان يرحب بقرار الحكومة', 'رحب النواب بقرار خفض الضرائب.', 4),
  doc('research', 'بحث علمي عن المياه الجوفية', 'نشر فريق الجامعة البحث في مجلة محكمة.', 5),
  doc('urge-1', 'الوزير حث النواب على التصويت', 'حث الوزير المجلس على الإسراع.', 6),
  doc('urge-2', 'المعلم حث الطلاب على القراءة', 'حث المدرسون الطلاب على المطالعة.', 7),
  doc('urge-3', 'الطبيب حث المرضى على الراحة', 'وحث الأطباء على النوم المبكر.', 8),
  doc('year-bare', 'مضى عاما على الحادث', 'ولم يتغير شيء منذ ذلك الحين.', 9),
  doc('year-def', 'العام الماضي في الأسواق', 'شهد العام ارتفاع الأسعار.', 10),
  doc('pope', 'البابا يزور المدينة القديمة', 'واستقبل السكان بابا الفاتيكان بالترحيب.', 11),
  doc('door', 'فتح باب الحوار بين الأطراف', 'الباب مفتوح أمام الجميع.', 12),
  doc('inspiration', 'إلهام الشعراء في المدن', 'يبحث الكتاب عن إلهام جديد.', 13),
  doc('important', 'اجتماع هام للمجلس', 'ناقش المجلس ملفا هاما.', 14),
];

let store: SqliteStore;
before(async () => {
  store = await memoryStore();
  await saveArticles(store, ARTICLES);
});
after(async () => {
  await store.close();
});

const slugs = async (q: string) => (await store.search({ q, limit: 50 })).hits.map((h) => h.slug).sort();

test('a bare ب that the vocabulary confirms: بقرار, قرار and لقرار find one another', async () => {
  const all = ['decision-1', 'decision-2', 'decision-3', 'welcome'];
  assert.deepEqual(await slugs('قرار'), all);
  assert.deepEqual(await slugs('بقرار'), all);
  assert.deepEqual(await slugs('وبقرار'), all);
});

test('the rule refuses a root ب: البحث occurs, so بحث and حث stay apart', async () => {
  assert.deepEqual(await slugs('بحث'), ['research']);
  assert.deepEqual(await slugs('حث'), ['urge-1', 'urge-2', 'urge-3']);
});

test('a bare tanween alef: عاما and عام find each other; بابا is not باب', async () => {
  assert.deepEqual(await slugs('عاما'), ['year-bare', 'year-def']);
  assert.deepEqual(await slugs('عام'), ['year-bare', 'year-def']);
  assert.deepEqual(await slugs('عاماً'), ['year-bare', 'year-def']);
  assert.deepEqual(await slugs('بابا'), ['pope']);
  assert.deepEqual(await slugs('باب'), ['door']);
});

test('a hamzated أل is not the article: إلهام is not هام; الهام typed bare still finds إلهام', async () => {
  assert.deepEqual(await slugs('إلهام'), ['inspiration']);
  assert.deepEqual(await slugs('هام'), ['important']);
  assert.ok((await slugs('الهام')).includes('inspiration'));
});

test('the clitic form a query matched through is highlighted', async () => {
  const r = await store.search({ q: 'قرار', limit: 50 });
  const hit = r.hits.find((h) => h.slug === 'welcome')!;
  assert.match(hit.titleHtml, /<mark>بقرار<\/mark>/);
  assert.match(hit.snippet, /<mark>بقرار<\/mark>/);
});

test('an exclusion covers the same forms as a match', async () => {
  assert.deepEqual(await slugs('الضرائب -بقرار'), []);
  assert.deepEqual(await slugs('المياه -قرار'), ['research']);
});

test('articles with the word itself rank above those found only through a clitic form', async () => {
  const r = await store.search({ q: 'قرار', limit: 50 });
  assert.equal(r.total, 4);
  assert.equal(r.hits.at(-1)!.slug, 'welcome');
  const page2 = await store.search({ q: 'قرار', limit: 3, page: 2 });
  assert.deepEqual(page2.hits.map((h) => h.slug), ['welcome']);
});
