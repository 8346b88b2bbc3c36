/**
 * The candidates' statement is the one piece of the related engine's SQL
 * that differs between the engines (sqlite-terms.ts postings()): on the same
 * articles, PostgreSQL's must find what SQLite's finds, with the same scores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUERY_TERMS, PER_TERM } from '../../src/related/engine.js';
import { saveArticles } from '../../src/services/articles.js';
import { memoryStore, postgresOnly, testDatabase } from '../helpers/store.js';
import { BRIDGE, BRIDGE_FOLLOW_UP, IRAQ_OTHERS, OTHERS } from './articles.js';

test('candidates: PostgreSQL and SQLite find the same articles with the same scores', { skip: postgresOnly }, async () => {
  const articles = [...OTHERS, ...IRAQ_OTHERS, BRIDGE, BRIDGE_FOLLOW_UP];
  const lite = await memoryStore();
  const place = testDatabase();
  const pg = await place.open();
  try {
    await saveArticles(lite, articles);
    await saveArticles(pg, articles);
    const ids = (await lite.related.allArticleIds()).sort((a, b) => a - b);
    assert.deepEqual((await pg.related.allArticleIds()).sort((a, b) => a - b), ids);
    let compared = 0;
    for (const id of ids) {
      const v = (await lite.related.vectors([id])).get(id)!.vector;
      const query = v.terms.slice(0, QUERY_TERMS).map((t, i): [string, number] => [t, v.weights[i]!]);
      const options = { exclude: id, limit: 100, perTerm: PER_TERM };
      const a = await lite.related.candidates(query, options);
      const b = await pg.related.candidates(query, options);
      // Fewer articles than the limit: every candidate is there, and ties may come in either order.
      const expected = new Map(a);
      assert.deepEqual([...new Map(b).keys()].sort(), [...expected.keys()].sort(), `article ${id}`);
      for (const [x, s] of b) assert.ok(Math.abs(s - expected.get(x)!) < 1e-6, `article ${id}, candidate ${x}: ${s} against ${expected.get(x)}`);
      b.forEach(([, s], i) => assert.ok(i === 0 || s <= b[i - 1]![1] + 1e-9, 'best first'));
      compared += a.length;
    }
    assert.ok(compared > ids.length, `${compared} candidates compared`);
  } finally {
    await lite.close();
    await pg.close();
    await place.drop();
  }
});
