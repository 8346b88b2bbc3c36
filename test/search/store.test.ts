import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { memoryStore, sqliteOnly } from '../helpers/store.js';
import { saveArticles } from '../../src/services/articles.js';
import { ARTICLES } from './fixtures.js';

let store: SqliteStore;

before(async () => {
  store = await memoryStore();
  await saveArticles(store, ARTICLES);
});
after(async () => {
  await store.close();
});

const slugs = async (q: string, extra: Record<string, unknown> = {}) =>
  (await store.search({ q, limit: 50, ...extra })).hits.map((h) => h.slug).sort();

test('الرَّئِيسُ (vocalized) and الرئيس find each other', async () => {
  assert.deepEqual(await slugs('الرئيس'), ['president-opposition']);
  assert.deepEqual(await slugs('الرَّئِيسُ'), ['president-opposition']);
  assert.deepEqual(await slugs('رئيس'), ['president-opposition']);
});

test('والمعارضة, بالمعارضة and المعارضة conflate', async () => {
  const expected = ['opposition-funding', 'opposition-talks', 'president-opposition'];
  for (const q of ['المعارضة', 'والمعارضة', 'بالمعارضة', 'معارضه']) assert.deepEqual(await slugs(q), expected, q);
});

test('إيران and ايران match each other (and are not stemmed to اير)', async () => {
  const expected = ['iran-oil', 'opposition-talks'];
  assert.deepEqual(await slugs('إيران'), expected);
  assert.deepEqual(await slugs('ايران'), expected);
  assert.deepEqual(await slugs('اير'), []);
});

test('أكد = اكد', async () => {
  // أكد is a stop word: alone in a query it is still searched for, in its normalized form.
  assert.deepEqual(await slugs('أكد'), ['iran-oil']);
  assert.deepEqual(await slugs('اكد'), ['iran-oil']);
});

test('the original, vocalized word is what gets highlighted', async () => {
  const [hit] = (await store.search({ q: 'الرئيس' })).hits;
  assert.ok(hit);
  assert.match(hit.snippet, /<mark>الرَّئِيسُ<\/mark>/);
  assert.equal(hit.titleHtml, '<mark>الرَّئِيسُ</mark> يلتقي وفد المعارضة في دمشق');
  const [other] = (await store.search({ q: 'معارضه' })).hits.filter((h) => h.slug === 'opposition-funding');
  assert.match(other!.snippet, /<mark>بالمعارضة<\/mark>/);
});

test('snippets escape everything but the marks', async () => {
  const [hit] = (await store.search({ q: 'المهاجم' })).hits;
  assert.ok(hit);
  assert.match(hit.snippet, /<mark>المهاجم<\/mark>/);
  assert.match(hit.snippet, /&lt;script&gt;/);
  assert.doesNotMatch(hit.snippet.replace(/<\/?mark>/g, ''), /<|>/);
});

test('drafts and articles not yet public are never found', async () => {
  for (const q of ['مسودة', 'مجدول', 'الرئيس والمعارضة', '"لم تنشر"']) {
    const found = await slugs(q);
    assert.ok(!found.includes('draft-president') && !found.includes('future-president'), `${q}: ${found}`);
  }
  assert.equal((await store.search({ q: 'مسودة' })).total, 0);
});

test('all words must match', async () => {
  assert.deepEqual(await slugs('المعارضة جنيف'), ['opposition-talks']);
  assert.equal((await store.search({ q: 'المعارضة جنيف' })).fallback, false);
});

test('-word excludes', async () => {
  assert.deepEqual(await slugs('المعارضة -جنيف'), ['opposition-funding', 'president-opposition']);
  assert.deepEqual(await slugs('المعارضة -"وفد المعارضة"'), ['opposition-funding', 'opposition-talks']);
});

test('"phrases" match the words in order, in any spelling of each', async () => {
  assert.deepEqual(await slugs('"الحكومة والمعارضة"'), ['opposition-talks']);
  assert.deepEqual(await slugs('"الحكومه المعارضه"'), ['opposition-talks']);
  assert.deepEqual(await slugs('"المعارضة والحكومة"'), []);
  const [hit] = (await store.search({ q: '"وفد المعارضة"' })).hits;
  assert.match(hit!.titleHtml, /<mark>وفد<\/mark> <mark>المعارضة<\/mark>/);
});

test('a phrase does not run from one field into the next, and three words must be in order', async () => {
  const own = await memoryStore();
  await saveArticles(own, [
    {
      title: 'اجتماع طارئ في العاصمة: مجلس الأمن',
      description: 'الدولي يناقش الأزمة #سياسة',
      tags: ['سياسة'],
      body: 'انعقد الاجتماع صباح اليوم بحضور الوفود.\n\nوقالت الوفود إن الأزمة الإنسانية تتفاقم في المدينة.',
      slug: 'fields',
    },
    {
      title: 'وزراء الخارجية يبحثون الملف',
      description: 'لقاء في جنيف',
      tags: ['سياسة'],
      body: 'قال وزير الخارجية إن الأمن الدولي مسؤولية مجلس الوزراء.\n\nوأضاف أن الأزمة الإنسانية في المدينة تتفاقم.',
      slug: 'scattered',
    },
  ]);
  const found = async (q: string) => (await own.search({ q, limit: 10 })).hits.map((h) => h.slug).sort();
  try {
    assert.deepEqual(await found('"مجلس الأمن"'), ['fields']);
    assert.deepEqual(await found('"الأمن الدولي"'), ['scattered'], 'the title ends at الأمن and the description starts with الدولي');
    assert.deepEqual(await found('"مجلس الأمن الدولي"'), [], 'each pair occurs, but never the three in a row');
    assert.deepEqual(await found('"الأزمة الإنسانية تتفاقم"'), ['fields']);
    assert.deepEqual(await found('"الإنسانية في المدينة"'), ['scattered']);
    assert.deepEqual(await found('الأزمة -"الأزمة الإنسانية تتفاقم"'), ['scattered']);
  } finally {
    await own.close();
  }
});

test('#tag and ?tag= filter by tag, in any spelling of the tag', async () => {
  assert.deepEqual(await slugs('المعارضة #تقارير'), ['opposition-funding']);
  assert.deepEqual(await slugs('المعارضة', { tag: 'تقارير' }), ['opposition-funding']);
  assert.deepEqual(await slugs('النفط #ايران'), ['iran-oil']);
  assert.deepEqual(await slugs('#سوريا'), ['president-opposition']);
  assert.deepEqual(await slugs('المعارضة -#تقارير'), ['opposition-talks', 'president-opposition']);
  assert.equal((await store.search({ q: 'المعارضة #لا_وجود_له' })).total, 0);
});

test('when no article has every word, any word will do, and the results say so', async () => {
  const r = await store.search({ q: 'المنتخب جنيف' });
  assert.equal(r.fallback, true);
  assert.deepEqual(r.hits.map((h) => h.slug).sort(), ['football-final', 'opposition-talks']);
  const none = await store.search({ q: 'كلمةغيرموجودة أخرىغيرموجودة' });
  assert.equal(none.total, 0);
  assert.equal(none.fallback, false);
  assert.ok(none.suggestions && none.suggestions.tags.length > 0);
});

test('sort=date puts the newest first, with scores', async () => {
  const byDate = await store.search({ q: 'المعارضة', sort: 'date' });
  assert.deepEqual(byDate.hits.map((h) => h.slug), ['opposition-talks', 'president-opposition', 'opposition-funding']);
  assert.ok(byDate.hits.every((h) => h.score > 0));
  const byRelevance = await store.search({ q: 'المعارضة' });
  assert.ok(byRelevance.hits.every((h, i, a) => i === 0 || a[i - 1]!.score >= h.score));
});

test('relevance: title over description over body; the reader\'s exact form over another form', async () => {
  const s = await memoryStore();
  const filler = Array.from({ length: 12 }, (_, i) => ({
    externalId: `filler:${i}`,
    title: `خبر عادي رقم ${i}`,
    description: 'وصف عادي لخبر عادي.',
    tags: ['منوعات'],
    body: 'نص عادي عن الطقس والمرور في المدينة.\n\nفقرة ثانية عن الأسواق.',
    publishedAt: '2026-01-01T00:00:00Z',
  }));
  const doc = (id: string, title: string, description: string, body: string) => ({
    externalId: id,
    title,
    description,
    tags: ['منوعات'],
    body,
    publishedAt: '2026-01-02T00:00:00Z',
  });
  await saveArticles(s, [
    ...filler,
    doc('body', 'خبر عن المدينة', 'وصف الخبر.', 'نص عن الطقس. وذكر التقرير الأزمة مرة واحدة.'),
    doc('title', 'الأزمة في المدينة', 'وصف الخبر.', 'نص عن الطقس والمرور في المدينة.'),
    doc('description', 'خبر عن المدينة', 'وصف الأزمة.', 'نص عن الطقس والمرور في المدينة.'),
    doc('other-form', 'خبر آخر عن المدينة', 'وصف الخبر.', 'نص عن الطقس. وذكر التقرير بالأزمة مرة واحدة.'),
  ]);
  const r = await s.search({ q: 'الأزمة' });
  assert.deepEqual(
    r.hits.map((h) => h.title + ' | ' + h.snippet.replace(/<\/?mark>/g, '*')),
    [
      'الأزمة في المدينة | وصف الخبر.',
      'خبر عن المدينة | وصف *الأزمة*.',
      'خبر عن المدينة | نص عن الطقس. وذكر التقرير *الأزمة* مرة واحدة.',
      'خبر آخر عن المدينة | نص عن الطقس. وذكر التقرير *بالأزمة* مرة واحدة.',
    ],
  );
  await s.close();
});

test('pagination', async () => {
  const p1 = await store.search({ q: 'المعارضة', limit: 2, page: 1 });
  const p2 = await store.search({ q: 'المعارضة', limit: 2, page: 2 });
  const p3 = await store.search({ q: 'المعارضة', limit: 2, page: 3 });
  assert.equal(p1.total, 3);
  assert.equal(p1.hits.length, 2);
  assert.equal(p2.hits.length, 1);
  assert.equal(p3.hits.length, 0);
  assert.equal(p3.total, 3);
  assert.equal(new Set([...p1.hits, ...p2.hits].map((h) => h.slug)).size, 3);
});

test('an edit re-indexes in the same save; unpublishing removes from the index', async () => {
  const input = ARTICLES.find((a) => a.externalId === 'search:football')!;
  await saveArticles(store, [{ ...input, body: `${input.body}\n\nوأهدى اللاعبون الكأس إلى الجماهير في الملعب.` }]);
  assert.deepEqual(await slugs('الملعب'), ['football-final']);
  await saveArticles(store, [{ ...input, status: 'draft' }]);
  assert.deepEqual(await slugs('المنتخب'), []);
  await saveArticles(store, [input]);
  assert.deepEqual(await slugs('المنتخب'), ['football-final']);
  assert.deepEqual(await slugs('الملعب'), []);
});

test('rebuild gives the same answers', async () => {
  const ids = async (q: string) => (await store.search({ q, sort: 'date' })).hits.map((h) => [h.slug, h.snippet]);
  const queries = ['المعارضة', 'ايران', '"وفد المعارضة"', 'المنتخب -النهائي', '#سياسة'];
  const before = await Promise.all(queries.map(ids));
  const n = await store.searchIndex.rebuild();
  assert.equal(n, ARTICLES.filter((a) => a.status !== 'draft').length);
  assert.deepEqual(await Promise.all(queries.map(ids)), before);
});

test('hostile queries answer without error', async () => {
  for (const q of ['"', '"الرئيس', 'NEAR(a b)', 'AND OR NOT', "'; DROP TABLE articles; --", '*', '-', '#', 'ا'.repeat(3000), 'في من على', '\u0000']) {
    const r = await store.search({ q });
    assert.ok(r.total >= 0, q.slice(0, 20));
  }
  assert.equal(await store.countArticles(), ARTICLES.length);
});

test('an article published this minute is found at once; one due in 30 seconds is not', async () => {
  const s = await memoryStore();
  await saveArticles(s, [
    { title: 'خبر عاجل عن الفيضانات', description: 'الآن.', tags: ['عاجل'], body: 'فيضانات في المدينة الساحلية.' },
    {
      title: 'خبر مجدول عن الفيضانات',
      description: 'بعد قليل.',
      tags: ['عاجل'],
      body: 'فيضانات مجدولة.',
      publishedAt: new Date(Date.now() + 30_000).toISOString(),
    },
  ]);
  assert.deepEqual((await s.search({ q: 'الفيضانات' })).hits.map((h) => h.title), ['خبر عاجل عن الفيضانات']);
  assert.equal((await s.search({ q: '#عاجل' })).total, 1);
  await s.close();
});

test('document keys order by publication minute, then id', async () => {
  const { docKey, publicBound, ID_SPACE } = await import('../../src/search/doc-key.js');
  const a = docKey(7, '2026-03-01T09:00:00Z');
  assert.equal(a % ID_SPACE, 7);
  assert.ok(docKey(1, '2026-03-01T09:01:00Z') > docKey(999, '2026-03-01T09:00:59Z'));
  assert.ok(a < publicBound(Date.parse('2026-03-01T09:01:00Z')));
  assert.ok(a >= publicBound(Date.parse('2026-03-01T09:00:30Z')));
  assert.ok(Number.isSafeInteger(docKey(ID_SPACE - 1, '2999-01-01T00:00:00Z')));
  assert.throws(() => docKey(ID_SPACE, '2026-01-01T00:00:00Z'), RangeError);
});

test('a rebuild that analyses on a worker thread indexes the same', { skip: sqliteOnly }, async () => {
  const { fillIndex } = await import('../../src/search/sqlite-fts.js');
  const queries = ['المعارضة', 'ايران', '"وفد المعارضة"', 'الرئيس'];
  const answers = async () => Promise.all(queries.map(async (q) => (await store.search({ q, sort: 'date' })).hits.map((h) => h.slug)));
  const before = await answers();
  const n = await store.db.transaction().execute((trx) => fillIndex(trx, undefined, { parallelFrom: 0 }));
  assert.equal(n, ARTICLES.filter((a) => a.status !== 'draft').length);
  assert.deepEqual(await answers(), before);
});
