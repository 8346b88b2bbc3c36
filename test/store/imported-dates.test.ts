/**
 * A migrated article keeps the old site's last change as its update time
 * (NewsArticle's dateModified, sitemaps' lastmod), held between its
 * publication and now; a later save takes its own time, as any save does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, memoryStore } from '../helpers/store.js';

test("an imported article's update time is the old site's, within publication and now; a later save moves it", async () => {
  const store = await memoryStore();
  try {
    const published = '2018-02-04T07:13:06.000Z';
    const before = new Date().toISOString();
    const [kept, early, future, none, scheduled] = await store.saveArticles([
      article({ externalId: 'wp:1', publishedAt: published, modifiedAt: '2018-03-01T10:00:00.000Z' }),
      article({ externalId: 'wp:2', publishedAt: published, modifiedAt: '2017-12-31T00:00:00.000Z' }),
      article({ externalId: 'wp:3', publishedAt: published, modifiedAt: '2999-01-01T00:00:00.000Z' }),
      article({ externalId: 'wp:4', publishedAt: published }),
      article({ externalId: 'wp:5', status: 'scheduled', publishedAt: '2999-03-01T08:00:00.000Z', modifiedAt: '2018-03-01T10:00:00.000Z' }),
    ]);
    assert.equal(kept!.article.updatedAt, '2018-03-01T10:00:00.000Z', 'the old site said so');
    assert.equal(early!.article.updatedAt, published, 'never before its publication');
    assert.ok(future!.article.updatedAt >= before && future!.article.updatedAt <= new Date().toISOString(), 'never after now');
    assert.ok(none!.article.updatedAt >= before, 'without one, the import instant');
    assert.ok(scheduled!.article.updatedAt <= new Date().toISOString(), 'a scheduled post is not updated in the future');

    // Imported again (an update), or edited: the save's own time, which caches and feeds go by.
    const [again] = await store.saveArticles([article({ externalId: 'wp:1', publishedAt: published, modifiedAt: '2018-03-01T10:00:00.000Z' })]);
    assert.equal(again!.created, false);
    assert.ok(again!.article.updatedAt >= before);
  } finally {
    await store.close();
  }
});
