/**
 * Past COUNT_CAP matches the count stops and says so (totalExact false),
 * on both engines; under it the count is exact. The rows are written
 * directly and indexed by rebuild(): 10,001 articles through the save path
 * would take minutes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNT_CAP } from '../../src/search/sqlite-fts.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { memoryStore } from '../helpers/store.js';

let store: SqliteStore;
const MANY = COUNT_CAP + 25;
const FEW = 40;

before(async () => {
  store = await memoryStore();
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const rows = Array.from({ length: MANY }, (_, i) => {
    const text = i < FEW ? 'ارتفعت أسعار القمح في الأسواق.' : 'ارتفعت أسعار النفط في الأسواق.';
    const sections = JSON.stringify([{ heading: null, blocks: [{ kind: 'paragraph', text, html: text }] }]);
    return {
      slug: `cap-${i}`, title: `خبر ${i}: الأسواق`, description: 'وصف قصير.', body: text, sections,
      author: '', source: '', external_id: `cap:${i}`, status: 'published', published_at: at, updated_at: at, created_at: at, import_meta: '{}',
    };
  });
  for (let i = 0; i < rows.length; i += 500) await store.db.insertInto('articles').values(rows.slice(i, i + 500)).execute();
  await store.searchIndex.rebuild();
});
after(() => store.close());

test('more matches than the cap: the total is the cap, marked as a lower bound', async () => {
  const r = await store.search({ q: 'اسعار', limit: 10 });
  assert.equal(r.total, COUNT_CAP);
  assert.equal(r.totalExact, false);
  assert.equal(r.hits.length, 10);
  const byDate = await store.search({ q: 'الاسواق', sort: 'date', limit: 10, page: 3 });
  assert.equal(byDate.totalExact, false);
  assert.equal(byDate.hits.length, 10, 'pages still come');
});

test('fewer matches than the cap: the exact count', async () => {
  const r = await store.search({ q: 'القمح', limit: 10 });
  assert.equal(r.total, FEW);
  assert.equal(r.totalExact, true);
});
