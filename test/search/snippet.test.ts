import { test } from 'node:test';
import assert from 'node:assert/strict';
import Sqlite from 'better-sqlite3';
import { highlight, highlighterFor, snippet } from '../../src/search/snippet.js';
import { parseQuery } from '../../src/search/query.js';
import { analyseField, COLUMNS, STOP_MARK } from '../../src/search/fields.js';

const hl = (q: string) => highlighterFor(parseQuery(q));

test('the vocalized original is marked, not its analysed form', () => {
  assert.equal(highlight('قال الرَّئِيسُ إنّ', hl('الرئيس')), 'قال <mark>الرَّئِيسُ</mark> إنّ');
  assert.equal(highlight('والمعارضة وبالمعارضة', hl('المعارضه')), '<mark>والمعارضة</mark> <mark>وبالمعارضة</mark>');
});

test('everything outside the marks is escaped', () => {
  const out = snippet('<b>"النفط"</b> & <script>x</script>', hl('النفط'))!;
  assert.equal(out, '&lt;b&gt;&quot;<mark>النفط</mark>&quot;&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;');
});

test('the window is about 30 words around the densest cluster of matches', () => {
  const words = Array.from({ length: 200 }, (_, i) => `كلمة${i}`);
  words[20] = 'النفط';
  words[150] = 'النفط';
  words[155] = 'ايران';
  const out = snippet(words.join(' '), hl('النفط إيران'))!;
  assert.match(out, /^… /);
  assert.match(out, / …$/);
  assert.match(out, /<mark>النفط<\/mark>/);
  assert.match(out, /<mark>ايران<\/mark>/);
  assert.doesNotMatch(out, /كلمة20 /);
  assert.equal(out.replace(/^… | …$/g, '').split(' ').length, 30);
});

test('no match: null (the caller falls back to another field)', () => {
  assert.equal(snippet('نص بلا كلمات البحث', hl('النفط')), null);
});

test('phrases mark every word of an occurrence, stop words included, and nothing else', () => {
  assert.equal(
    highlight('الرئيس في دمشق، ثم الرئيس وحده في القاهرة', hl('"الرئيس في دمشق"')),
    '<mark>الرئيس</mark> <mark>في</mark> <mark>دمشق</mark>، ثم الرئيس وحده في القاهرة',
  );
});

test('a content word does not mark a stop word of the same letters', () => {
  // قبلي (tribal) stems to قبل, which is also the stop word "before".
  assert.equal(highlight('قبل النزاع القبلي', hl('قبلي')), 'قبل النزاع <mark>القبلي</mark>');
});

test('analysed columns have one token per word, and FTS5 sees exactly those tokens', () => {
  const text = 'الرَّئِيسُ ⑴ في ١٢ ﷺ covid-19 ـــ إيران والمعارضة';
  const f = analyseField(text);
  const stems = f.stems.split(' ');
  const norms = f.norms.split(' ');
  assert.equal(stems.length, f.words);
  assert.equal(norms.length, f.words);
  assert.ok(stems.includes('في' + STOP_MARK));
  const db = new Sqlite(':memory:');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(${COLUMNS.join(', ')}, tokenize = 'ascii', content = '', contentless_delete = 1)`);
  db.exec(`CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')`);
  db.prepare(`INSERT INTO f(rowid, title_stem, title_norm, desc_stem, desc_norm, body_stem, body_norm) VALUES (1, ?, ?, '', '', '', '')`).run(f.stems, f.norms);
  const seen = db.prepare(`SELECT term, col, offset FROM v ORDER BY col, offset`).all() as { term: string; col: string; offset: number }[];
  assert.deepEqual(seen.filter((r) => r.col === 'title_stem').map((r) => r.term), stems);
  assert.deepEqual(seen.filter((r) => r.col === 'title_norm').map((r) => r.term), norms);
});
