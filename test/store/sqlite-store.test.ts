import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { article, memoryStore } from '../helpers/store.js';
import { scratchDir } from '../helpers/paths.js';

test('saving creates, and the same external id updates in place', async () => {
  const store = await memoryStore();
  const [first] = await store.saveArticles([article({ externalId: 'ext-1', title: 'عنوان أول: نص' })]);
  assert.equal(first!.created, true);
  const [again] = await store.saveArticles([article({ externalId: 'ext-1', title: 'عنوان معدل: نص' })]);
  assert.equal(again!.created, false);
  assert.equal(again!.article.id, first!.article.id);
  assert.equal(again!.article.slug, first!.article.slug, 'an update keeps the URL');
  assert.equal(await store.countArticles(), 1);
  assert.equal((await store.getArticle(first!.article.slug))?.title, 'عنوان معدل: نص');
  await store.close();
});

test('slugs: Arabic from the headline, unique, and a given valid free slug is kept', async () => {
  const store = await memoryStore();
  const [a, b, c, d] = await store.saveArticles([
    article({ title: 'قمة عمّان: اتفاق جديد' }),
    article({ title: 'قمة عمّان: اتفاق جديد' }),
    article({ slug: 'my-slug' }),
    article({ slug: 'not a slug!', title: 'عنوان بديل' }),
  ]);
  assert.equal(a!.article.slug, 'قمة-عمان-اتفاق-جديد');
  assert.equal(b!.article.slug, 'قمة-عمان-اتفاق-جديد-2');
  assert.equal(c!.article.slug, 'my-slug');
  assert.equal(d!.article.slug, 'عنوان-بديل');
  await store.close();
});

test('drafts and future articles are not public', async () => {
  const store = await memoryStore();
  const [draft, future, live] = await store.saveArticles([
    article({ status: 'draft' }),
    article({ publishedAt: new Date(Date.now() + 86400_000).toISOString() }),
    article(),
  ]);
  assert.equal(await store.getArticle(draft!.article.slug), null);
  assert.equal(await store.getArticle(future!.article.slug), null);
  assert.ok(await store.getArticle(draft!.article.slug, { includeUnpublished: true }));
  const { total, articles } = await store.listArticles({ page: 1, limit: 10 });
  assert.equal(total, 1);
  assert.equal(articles[0]!.slug, live!.article.slug);
  await store.close();
});

test('tags keep their order and spelling variants are one tag', async () => {
  const store = await memoryStore();
  await store.saveArticles([
    article({ tags: ['سياسة', 'الأردن', 'الشرق الأوسط'] }),
    article({ tags: ['الاردن', 'اقتصاد'] }),
  ]);
  const tag = await store.getTag('الأردن');
  assert.equal(tag?.name, 'الأردن');
  assert.equal(tag?.count, 2);
  assert.equal((await store.getTag('الشرق_الأوسط'))?.slug, 'الشرق_الأوسط');
  const { total, articles } = await store.listArticles({ page: 1, limit: 10, tag: 'الاردن' });
  assert.equal(total, 2);
  assert.deepEqual(articles[1]!.tags, ['سياسة', 'الأردن', 'الشرق الأوسط']);
  assert.deepEqual(articles[0]!.tags, ['الأردن', 'اقتصاد'], 'the first spelling names the tag');
  assert.equal((await store.listArticles({ page: 1, limit: 10, tag: 'لا-يوجد' })).total, 0);
  await store.close();
});

test('pagination: newest first, totals, pages past the end are empty', async () => {
  const store = await memoryStore();
  await store.saveArticles(Array.from({ length: 7 }, () => article()));
  const p1 = await store.listArticles({ page: 1, limit: 3 });
  const p3 = await store.listArticles({ page: 3, limit: 3 });
  assert.equal(p1.total, 7);
  assert.equal(p1.articles.length, 3);
  assert.equal(p3.articles.length, 1);
  assert.ok(p1.articles[0]!.publishedAt! > p1.articles[2]!.publishedAt!);
  assert.equal((await store.listArticles({ page: 4, limit: 3 })).articles.length, 0);
  await store.close();
});

test('a batch with one invalid article saves nothing', async () => {
  const store = await memoryStore();
  await assert.rejects(store.saveArticles([article(), article({ title: '  ' })]), /title/);
  assert.equal(await store.countArticles(), 0);
  await store.close();
});

test('a database file is created with WAL and foreign keys, and reopens with its data', async () => {
  const file = path.join(scratchDir('site'), 'nested', 'site.db');
  const store = await openSqliteStore(file);
  const [saved] = await store.saveArticles([article()]);
  await store.close();
  const reopened = await openSqliteStore(file);
  assert.equal((await reopened.getArticle(saved!.article.slug))?.id, saved!.article.id);
  await reopened.close();
});

test("a page's view is the article without its source: same fields, links and tags, public only", async () => {
  const store = await memoryStore();
  const [main, other, draft] = await store.saveArticles([
    article({ tags: ['سياسة', 'الأردن'] }),
    article(),
    article({ status: 'draft' }),
  ]);
  await store.setLinks(main!.article.id, {
    seeAlso: [{ targetId: other!.article.id, score: 1 }],
    related: [{ targetId: draft!.article.id, score: 1 }],
  });
  const full = await store.getArticle(main!.article.slug);
  const view = await store.getArticleView(main!.article.slug);
  assert.ok(full && view);
  assert.ok(full.body.includes('خلفية الحدث'));
  assert.equal('body' in view, false, 'the page read leaves the source text out');
  assert.equal('importMeta' in view, false);
  const { body: _body, importMeta: _meta, ...rest } = full;
  assert.deepEqual(view, rest, 'everything else is the same');
  assert.deepEqual(view.tags, ['سياسة', 'الأردن']);
  assert.deepEqual(view.seeAlso.map((l) => l.id), [other!.article.id]);
  assert.deepEqual(view.related, [], 'a link to a draft is not shown');
  assert.equal(await store.getArticleView(draft!.article.slug), null, 'a draft has no public view');
  await store.close();
});
