/**
 * Search on PostgreSQL gives what search on SQLite gives: the same articles
 * for the same query (totals, membership, the any-word fallback, snippets
 * and highlights), the same order by date, and an order by relevance that
 * differs only where the two engines' scores are close. Both stores hold
 * the same articles: the search fixtures and the demo newsroom.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { saveArticles } from '../../src/services/articles.js';
import { loadDemo } from '../../src/services/demo.js';
import type { SearchQuery, SearchResults } from '../../src/search/types.js';
import { memoryStore, postgresOnly } from '../helpers/store.js';
import { ARTICLES } from '../search/fixtures.js';

let sqlite: SqliteStore;
let pg: SqliteStore;
const queries: SearchQuery[] = [];

before(async () => {
  if (postgresOnly) return;
  const now = Date.now();
  sqlite = await openSqliteStore(':memory:');
  pg = await memoryStore();
  for (const store of [sqlite, pg]) {
    await saveArticles(store, ARTICLES);
    await loadDemo(store, undefined, now);
  }
  // Words of every headline, alone, in pairs, as phrases; with exclusions and tags.
  const { articles } = await sqlite.listArticles({ page: 1, limit: 100 });
  const words = articles.flatMap((a) => a.title.split(/[\s:،.]+/).filter((w) => w.length > 2)).slice(0, 120);
  for (let i = 0; i < words.length; i++) {
    queries.push({ q: words[i]!, limit: 50 });
    if (i % 3 === 0 && words[i + 1]) queries.push({ q: `${words[i]} ${words[i + 1]}`, limit: 50 });
    if (i % 5 === 0 && words[i + 1]) queries.push({ q: `"${words[i]} ${words[i + 1]}"`, limit: 50 });
    if (i % 7 === 0 && words[i + 2]) queries.push({ q: `${words[i]} -${words[i + 2]}`, limit: 50 });
  }
  for (const tag of ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'تكنولوجيا', 'صحة']) {
    queries.push({ q: `#${tag}`, limit: 50 }, { q: 'في', tag, limit: 50 }, { q: `الحكومة -#${tag}`, limit: 50 });
  }
  queries.push(
    { q: 'المعارضة', sort: 'date' },
    { q: 'المعارضة', limit: 2, page: 2 },
    { q: 'المنتخب جنيف' },
    { q: 'كلمةغيرموجودة أخرىغيرموجودة' },
    { q: '"وفد المعارضة"' },
    { q: 'الرَّئِيسُ' },
    { q: 'أكد' },
    { q: "'; DROP TABLE articles; --" },
    { q: 'NEAR(a b) AND OR NOT * ( ) : ^ \\ \' " <-> & | !' },
  );
});

after(async () => {
  await sqlite?.close();
  await pg?.close();
});

const members = (r: SearchResults) => r.hits.map((h) => h.slug).sort();
const describe = (q: SearchQuery) => JSON.stringify(q);

test('the same articles, totals, fallbacks, snippets and highlights on both engines', { skip: postgresOnly }, async () => {
  assert.ok(queries.length > 100, `${queries.length} queries`);
  let found = 0;
  for (const q of queries) {
    const [a, b] = await Promise.all([sqlite.search(q), pg.search(q)]);
    assert.equal(b.total, a.total, `total of ${describe(q)}`);
    assert.equal(b.fallback, a.fallback, `fallback of ${describe(q)}`);
    assert.deepEqual(b.query, a.query, `query summary of ${describe(q)}`);
    if (a.total <= (q.limit ?? 10)) assert.deepEqual(members(b), members(a), `articles of ${describe(q)}`);
    const bySlug = new Map(a.hits.map((h) => [h.slug, h]));
    for (const hit of b.hits) {
      const other = bySlug.get(hit.slug);
      if (!other) continue;
      assert.equal(hit.titleHtml, other.titleHtml, `title of ${hit.slug} for ${describe(q)}`);
      assert.equal(hit.snippet, other.snippet, `snippet of ${hit.slug} for ${describe(q)}`);
      assert.deepEqual(hit.tags, other.tags);
    }
    if (a.total) found++;
    if (!a.total) assert.deepEqual(b.suggestions, a.suggestions, `suggestions for ${describe(q)}`);
  }
  assert.ok(found > queries.length / 2, `${found} of ${queries.length} queries found something`);
});

test('the same order by date; by relevance, the same best article for most queries', { skip: postgresOnly }, async () => {
  let compared = 0;
  let sameBest = 0;
  for (const q of queries) {
    const [a, b] = await Promise.all([sqlite.search({ ...q, sort: 'date' }), pg.search({ ...q, sort: 'date' })]);
    assert.deepEqual(b.hits.map((h) => h.slug), a.hits.map((h) => h.slug), `newest first for ${describe(q)}`);
    const [ra, rb] = await Promise.all([sqlite.search({ ...q, sort: 'relevance' }), pg.search({ ...q, sort: 'relevance' })]);
    if (ra.hits.length < 2) continue;
    compared++;
    if (ra.hits[0]!.slug === rb.hits[0]!.slug) sameBest++;
    assert.ok(rb.hits.every((h, i, all) => i === 0 || all[i - 1]!.score >= h.score), `scores descend for ${describe(q)}`);
  }
  console.log(`# the same best article on both engines for ${sameBest} of ${compared} queries`);
  assert.ok(compared > 20, `${compared} queries with several results`);
  assert.ok(sameBest / compared >= 0.85, `the same best article for ${sameBest} of ${compared} queries`);
});
