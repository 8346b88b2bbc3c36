/**
 * Tag pages read a tag's public articles and their count from article_tags
 * alone, by (tag_id, published_at) (migration 0005): the copy of each
 * article's publication time there must follow every write that changes it,
 * on both engines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleInput } from '../../src/content/article.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { article, memoryStore } from '../helpers/store.js';

const hour = 3600_000;
const at = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * hour).toISOString();

/** What a tag page shows: slugs in order, and the count, both ways the store gives them. */
async function tagPage(store: KyselyStore, tag: string, page = 1, limit = 10) {
  const list = await store.listArticles({ page, limit, tag });
  const found = await store.getTag(tag);
  assert.equal(list.tag?.count ?? 0, found?.count ?? 0, 'the list and getTag agree on the count');
  assert.equal(list.total, found?.count ?? 0, 'the total is the tag count');
  return { slugs: list.articles.map((a) => a.slug), total: list.total, lastModified: list.lastModified ?? null };
}

/** The stored copies: article_tags.published_at beside the article's own state. */
async function assertInStep(store: KyselyStore): Promise<void> {
  const rows = await store.db
    .selectFrom('article_tags')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .select(['article_tags.article_id', 'article_tags.published_at as copy', 'articles.status', 'articles.published_at'])
    .execute();
  for (const r of rows) {
    assert.equal(r.copy, r.status === 'published' ? r.published_at : null, `article ${r.article_id} (${r.status})`);
  }
}

test('a tag page lists its public articles newest first, counted, and follows publish, unpublish, schedule and delete', async () => {
  const store = await memoryStore();
  try {
    const edit = async (id: number, input: ArticleInput) => (await store.saveArticles([{ ...input, id }]))[0]!.article;
    const inputs = [0, 1, 2, 3].map((h) => article({ tags: ['اقتصاد', 'طاقة'], publishedAt: at(h) }));
    const saved = (await store.saveArticles(inputs)).map((o) => o.article);
    const [a, b, c, d] = saved as [typeof saved[0], typeof saved[0], typeof saved[0], typeof saved[0]];
    await store.saveArticles([article({ tags: ['رياضة'], publishedAt: at(10) })]);
    await assertInStep(store);

    let page = await tagPage(store, 'اقتصاد');
    assert.deepEqual(page.slugs, [d.slug, c.slug, b.slug, a.slug]);
    assert.equal(page.total, 4);
    assert.deepEqual((await tagPage(store, 'اقتصاد', 2, 3)).slugs, [a.slug], 'the second page of three');

    // Unpublish: gone from the page and the count.
    await edit(b.id, { ...inputs[1]!, status: 'unpublished' });
    await assertInStep(store);
    page = await tagPage(store, 'اقتصاد');
    assert.deepEqual(page.slugs, [d.slug, c.slug, a.slug]);
    assert.equal(page.total, 3);

    // Published again, with a new slug and an earlier date: back, in its new place.
    const moved = await edit(b.id, { ...inputs[1]!, status: 'published', slug: 'new-slug-b', publishedAt: at(-5) });
    assert.equal(moved.slug, 'new-slug-b');
    await assertInStep(store);
    page = await tagPage(store, 'اقتصاد');
    assert.deepEqual(page.slugs, [d.slug, c.slug, a.slug, 'new-slug-b']);
    assert.equal(page.total, 4);

    // A later date moves it to the top.
    await edit(b.id, { ...inputs[1]!, status: 'published', slug: 'new-slug-b', publishedAt: at(20) });
    await assertInStep(store);
    assert.deepEqual((await tagPage(store, 'اقتصاد')).slugs, ['new-slug-b', d.slug, c.slug, a.slug]);

    // A draft, and a tag removed: gone from that tag only.
    await edit(c.id, { ...inputs[2]!, status: 'draft' });
    await edit(a.id, { ...inputs[0]!, tags: ['طاقة'] });
    await assertInStep(store);
    assert.deepEqual((await tagPage(store, 'اقتصاد')).slugs, ['new-slug-b', d.slug]);
    assert.deepEqual((await tagPage(store, 'طاقة')).slugs, ['new-slug-b', d.slug, a.slug]);

    // Scheduled for later: not listed until publishDue publishes it.
    const soon = new Date(Date.now() + 2000).toISOString();
    await edit(c.id, { ...inputs[2]!, status: 'scheduled', publishedAt: soon });
    await assertInStep(store);
    assert.equal((await tagPage(store, 'اقتصاد')).total, 2);
    const due = await store.publishDue(new Date(Date.now() + 5000).toISOString());
    assert.deepEqual(due, [c.id]);
    await assertInStep(store);
    // Published, but its time has not come yet: still not listed.
    assert.equal((await tagPage(store, 'اقتصاد')).total, 2);
    await new Promise((r) => setTimeout(r, Date.parse(soon) - Date.now() + 50));
    page = await tagPage(store, 'اقتصاد');
    assert.deepEqual(page.slugs, [c.slug, 'new-slug-b', d.slug]);
    assert.equal(page.total, 3);

    // Delete: gone, and its tag rows with it.
    assert.ok(await store.deleteArticle(d.id));
    await assertInStep(store);
    page = await tagPage(store, 'اقتصاد');
    assert.deepEqual(page.slugs, [c.slug, 'new-slug-b']);
    assert.equal(page.total, 2);

    // Last-Modified of a page is its newest publication or update.
    const listed = await Promise.all(page.slugs.map((s) => store.getArticle(s)));
    const newest = listed.flatMap((v) => [v!.publishedAt!, v!.updatedAt]).sort().at(-1);
    assert.equal(page.lastModified, newest);

    // A tag with no public article, and one that does not exist.
    await edit(c.id, { ...inputs[2]!, status: 'draft', publishedAt: soon });
    await edit(b.id, { ...inputs[1]!, status: 'draft', slug: 'new-slug-b' });
    assert.deepEqual(await tagPage(store, 'اقتصاد'), { slugs: [], total: 0, lastModified: null });
    const missing = await store.listArticles({ page: 1, limit: 10, tag: 'لا-وجود-له' });
    assert.equal(missing.tag, null);
    assert.equal(missing.total, 0);
  } finally {
    await store.close();
  }
});

test('the home list, in one read, gives its count, tags in order and Last-Modified', async () => {
  const store = await memoryStore();
  try {
    const saved = (
      await store.saveArticles([
        article({ tags: ['ب', 'أ', 'ج'], publishedAt: at(1) }),
        article({ tags: [], publishedAt: at(2) }),
        article({ status: 'draft' }),
      ])
    ).map((o) => o.article);
    const home = await store.listArticles({ page: 1, limit: 10 });
    assert.equal(home.total, 2);
    assert.deepEqual(
      home.articles.map((a) => [a.slug, a.tags]),
      [
        [saved[1]!.slug, []],
        [saved[0]!.slug, ['ب', 'أ', 'ج']],
      ],
    );
    assert.equal(home.lastModified, [saved[0]!.updatedAt, saved[1]!.updatedAt, at(2)].sort().at(-1));
    const beyond = await store.listArticles({ page: 5, limit: 10 });
    assert.deepEqual([beyond.total, beyond.articles.length, beyond.lastModified], [2, 0, null]);
  } finally {
    await store.close();
  }
});

test("a tag's stream (feeds, sitemaps) is the site's stream narrowed to the tag: same rows, order, batches, count and dates", async () => {
  const store = await memoryStore();
  try {
    const inputs: ArticleInput[] = [];
    for (let i = 0; i < 23; i++) {
      // Every third article is tagged اقتصاد; two share one instant, so the id breaks the tie.
      const tags = i % 3 === 0 ? ['اقتصاد', 'سياسة'] : ['سياسة'];
      inputs.push(article({ tags, publishedAt: at(i === 7 ? 6 : i) }));
    }
    inputs.push(article({ tags: ['اقتصاد'], status: 'draft' }), article({ tags: ['اقتصاد'], publishedAt: new Date(Date.now() + 86_400_000).toISOString() }));
    await store.saveArticles(inputs);
    const stream = async (options: Parameters<KyselyStore['streamPublic']>[0]) => {
      const out = [];
      for await (const row of store.streamPublic(options)) out.push(row);
      return out;
    };
    for (const order of ['asc', 'desc'] as const) {
      const all = await stream({ order });
      const expected = all.filter((r) => r.tags.includes('اقتصاد'));
      assert.equal(expected.length, 8, 'the draft and the scheduled article are not public');
      for (const batchSize of [1, 3, 1000]) {
        assert.deepEqual(await stream({ order, tag: batchSize === 3 ? 'إقتصاد' : 'اقتصاد', batchSize }), expected, `${order}, batches of ${batchSize}`);
      }
      assert.deepEqual(await stream({ order, tag: 'اقتصاد', offset: 2, limit: 3 }), expected.slice(2, 5));
      const since = at(9);
      assert.deepEqual(await stream({ order, tag: 'اقتصاد', since }), expected.filter((r) => r.publishedAt >= since));
    }
    assert.equal(await store.countPublic({ tag: 'اقتصاد' }), 8);
    assert.equal(await store.countPublic({ tag: 'اقتصاد', since: at(9) }), 5);
    assert.equal(await store.countPublic({ tag: 'لا وسم بهذا' }), 0);
    assert.deepEqual(await stream({ tag: 'لا وسم بهذا' }), []);
    const newest = (await stream({ order: 'desc', tag: 'اقتصاد' }))[0]!;
    const modified = await store.lastModifiedPublic({ tag: 'اقتصاد', order: 'desc', limit: 20 });
    assert.equal(modified, [newest.publishedAt, ...(await stream({ tag: 'اقتصاد' })).map((r) => r.updatedAt)].sort().at(-1));
  } finally {
    await store.close();
  }
});
