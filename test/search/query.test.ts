import { test } from 'node:test';
import assert from 'node:assert/strict';
import Sqlite from 'better-sqlite3';
import {
  MAX_ITEMS,
  MAX_QUERY_LENGTH,
  exclusionExpression,
  matchExpression,
  normalizedQuery,
  parseQuery,
  type ParsedQuery,
} from '../../src/search/query.js';
import { COLUMNS } from '../../src/search/fields.js';

const stems = (q: ParsedQuery, list: 'must' | 'not' = 'must') => q[list].map((i) => i.terms.map((t) => t.stem).join(' '));

test('words: every one is an item, analysed to its stem', () => {
  const q = parseQuery('الرَّئِيسُ والمعارضة إيران');
  assert.deepEqual(stems(q), ['رءيس', 'معارض', 'ايران']);
  assert.deepEqual(q.must.map((i) => i.kind), ['word', 'word', 'word']);
  assert.equal(q.truncated, false);
});

test('spelling variants parse to the same terms', () => {
  assert.deepEqual(stems(parseQuery('الازمه')), stems(parseQuery('الأزمة')));
  assert.deepEqual(stems(parseQuery('ايران')), stems(parseQuery('إيران')));
  assert.deepEqual(stems(parseQuery('بالمعارضة')), stems(parseQuery('المعارضة')));
});

test('stop words are dropped from unquoted queries and reported', () => {
  const q = parseQuery('في الرئيس من');
  assert.deepEqual(stems(q), ['رءيس']);
  assert.deepEqual(q.dropped, ['في', 'من']);
});

test('a query of only stop words searches for them rather than for nothing', () => {
  const q = parseQuery('أكد');
  assert.equal(q.must.length, 1);
  assert.equal(q.must[0]!.terms[0]!.norm, 'اكد');
  assert.deepEqual(q.dropped, []);
  assert.deepEqual(normalizedQuery(parseQuery('أكد')), normalizedQuery(parseQuery('اكد')));
  assert.equal(parseQuery('في من').must.length, 2);
});

test('quoted phrases keep their stop words, in order; « » work as quotes', () => {
  const q = parseQuery('"الرئيس في دمشق" «وفد المعارضة»');
  assert.deepEqual(q.must.map((i) => i.kind), ['phrase', 'phrase']);
  assert.deepEqual(q.must[0]!.terms.map((t) => t.norm), ['الرءيس', 'في', 'دمشق']);
  assert.equal(q.must[0]!.terms[1]!.stop, true);
  assert.deepEqual(q.dropped, []);
});

test('a quoted single word is a word', () => {
  const q = parseQuery('"النفط"');
  assert.deepEqual(q.must.map((i) => i.kind), ['word']);
});

test('an unbalanced quote runs to the end of the query', () => {
  const q = parseQuery('سوريا "الرئيس يلتقي');
  assert.deepEqual(q.must.map((i) => i.kind), ['word', 'phrase']);
  assert.deepEqual(parseQuery('"').must, []);
  assert.deepEqual(parseQuery('""""').must, []);
});

test('-word and -"phrase" exclude', () => {
  const q = parseQuery('الرئيس -دمشق -"وفد المعارضة"');
  assert.deepEqual(stems(q), ['رءيس']);
  assert.deepEqual(stems(q, 'not'), ['دمشق', 'وفد معارض']);
  assert.deepEqual(parseQuery('- -- -').must, []);
});

test('#tag filters; underscores are spaces; -#tag excludes a tag', () => {
  const q = parseQuery('النفط #الشرق_الأوسط -#رياضة #');
  assert.deepEqual(q.tags, ['الشرق الأوسط']);
  assert.deepEqual(q.notTags, ['رياضة']);
  assert.deepEqual(stems(q), ['نفط']);
});

test('duplicates collapse, and the number of items is capped', () => {
  assert.equal(parseQuery('النفط نفط والنفط').must.length, 1);
  const many = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ');
  const q = parseQuery(many);
  assert.equal(q.must.length, MAX_ITEMS);
  assert.equal(q.truncated, true);
});

test('a query longer than the limit is cut and flagged', () => {
  const q = parseQuery('النفط '.repeat(1000));
  assert.equal(q.truncated, true);
  assert.ok(q.must.length <= 2); // the cut may fall inside the last word
  assert.equal(parseQuery('ا'.repeat(MAX_QUERY_LENGTH)).truncated, false);
});

test('FTS5 and SQL syntax in a query are only words and punctuation', () => {
  const q = parseQuery(`NEAR(a b) AND "x" OR NOT y* ^z {title_stem}: '); DROP TABLE articles; --`);
  // 'table' and the rest go over MAX_ITEMS
  assert.deepEqual(stems(q), ['near', 'a', 'b', 'and', 'x', 'or', 'not', 'y', 'z', 'title', 'stem', 'drop']);
  assert.equal(q.truncated, true);
});

test('every match expression is accepted by FTS5, whatever the input', () => {
  const db = new Sqlite(':memory:');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(${COLUMNS.join(', ')}, tokenize = 'ascii', content = '', contentless_delete = 1)`);
  const inputs = [
    'الرئيس',
    '"unbalanced',
    'a"b"c',
    'NEAR(a b, 2)',
    'AND OR NOT',
    '* : ^ ( ) { } + - " \'',
    "'; DROP TABLE f; --",
    '⑴ ⒈ ½ ﷺ ﻻ',
    '\u0000\u0001 \uD800 \uDFFF',
    'col:value title_stem:x',
    '-"" -# -',
    'النفط -النفط',
    '"الرئيس في" -"في من" #سوريا',
    'x'.repeat(2000),
  ];
  for (const input of inputs) {
    const q = parseQuery(input);
    for (const mode of ['all', 'any'] as const) {
      const expr = matchExpression(q, mode);
      if (expr === null) continue;
      assert.doesNotThrow(() => db.prepare('SELECT rowid FROM f WHERE f MATCH ?').all(expr), `${input} → ${expr}`);
    }
    const ex = exclusionExpression(q);
    if (ex) assert.doesNotThrow(() => db.prepare('SELECT rowid FROM f WHERE f MATCH ?').all(ex), `${input} → ${ex}`);
  }
});

test('the expression ANDs (or ORs) the items and subtracts the exclusions', () => {
  const q = parseQuery('النفط ايران -العقوبات');
  const all = matchExpression(q, 'all')!;
  assert.match(all, /AND/);
  assert.match(all, /NOT/);
  assert.match(matchExpression(q, 'any')!, / OR .* NOT /);
  assert.equal(matchExpression(parseQuery('-النفط'), 'all'), null);
});
