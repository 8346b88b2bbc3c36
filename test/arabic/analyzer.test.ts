import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeWord, terms } from '../../src/arabic/index.js';

test('analyze keeps every token with offsets into the original text', () => {
  const text = 'قَالَ الرَّئِيسُ فِي دِمَشْقَ إِنَّ المُعَارَضَةَ…';
  const toks = analyze(text);
  assert.deepEqual(
    toks.map((t) => t.surface),
    ['قَالَ', 'الرَّئِيسُ', 'فِي', 'دِمَشْقَ', 'إِنَّ', 'المُعَارَضَةَ'],
  );
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.surface);
  assert.equal(toks[1]?.norm, 'الرءيس');
  assert.equal(toks[1]?.stem, 'رءيس');
  assert.equal(toks[5]?.stem, 'معارض');
});

test('stop words are flagged, not removed', () => {
  const toks = analyze('اجتمع الوزير في القاهرة من أجل الحوار على الحدود');
  const stops = toks.filter((t) => t.stop).map((t) => t.surface);
  assert.deepEqual(stops, ['في', 'من', 'على']);
  assert.equal(toks.length, 9);
});

test('terms are the stems of non-stop tokens', () => {
  assert.deepEqual(terms('وقال الرئيس إن المعارضة في سوريا والكرملين'), ['رءيس', 'معارض', 'سوريا', 'الكرملين']);
});

test('spelling variants give the same terms', () => {
  assert.deepEqual(terms('إيران'), terms('ايران'));
  assert.deepEqual(terms('المسؤولون'), terms('المسئولين'));
  assert.deepEqual(terms('الـــرئيس'), terms('الرئيس'));
  assert.deepEqual(terms('المستشفى'), terms('المستشفي'));
  assert.deepEqual(terms('عام ٢٠٢٦'), terms('عام 2026'));
});

test('analyzeWord', () => {
  assert.deepEqual(analyzeWord('وإيران'), { norm: 'وايران', stem: 'ايران', stop: false });
  assert.deepEqual(analyzeWord('على'), { norm: 'علي', stem: 'عل', stop: true });
  assert.deepEqual(analyzeWord('ﻻ'), { norm: 'لا', stem: 'لا', stop: true });
  assert.deepEqual(analyzeWord('أكد'), { norm: 'اكد', stem: 'اكد', stop: true });
});

test('the stop flag is checked on the norm, not the stem', () => {
  // قبلي ("tribal") stems to قبل ("before"), a stop word; it is still a term.
  const a = analyzeWord('قبلي');
  assert.equal(a.stem, 'قبل');
  assert.equal(a.stop, false);
  assert.deepEqual(terms('قبلي'), ['قبل']);
});

test('norms and stems are never empty', () => {
  const text = 'ـــــ ً و ال ها لل a ١';
  const toks = analyze(text);
  assert.equal(toks.length, 8);
  for (const t of toks) {
    assert.notEqual(t.norm, '', t.surface);
    assert.notEqual(t.stem, '', t.surface);
  }
  // A token of only tatweel/marks is kept (positions) but never a term.
  assert.equal(toks[0]?.stop, true);
  assert.equal(toks[1]?.stop, true);
});

test('empty text', () => {
  assert.deepEqual(analyze(''), []);
  assert.deepEqual(terms(''), []);
});

test('analyzeWord passes the hamzated أل of the original word to the stemmer', () => {
  assert.equal(analyzeWord('إلهام').stem, 'الهام');
  assert.equal(analyzeWord('الإلهام').stem, 'الهام');
  assert.equal(analyzeWord('الهام').stem, 'هام'); // typed without the hamza: the article (see query.ts)
  assert.notEqual(analyzeWord('إلهام').stem, analyzeWord('هام').stem);
  assert.equal(analyzeWord('إلهام').norm, analyzeWord('الهام').norm); // the norms still meet
});
