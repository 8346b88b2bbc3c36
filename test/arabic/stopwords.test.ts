import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from '../../src/arabic/normalize.js';
import { STOP_WORDS, isStopWord } from '../../src/arabic/stopwords.js';
import { PROTECTED_WORDS, isProtected } from '../../src/arabic/protected.js';

test('common prepositions and particles are stop words (normalized)', () => {
  for (const w of ['في', 'من', 'على', 'إلى', 'عن', 'أن', 'إن', 'كان', 'التي', 'الذي', 'هذا', 'هذه', 'ذلك', 'و']) {
    assert.ok(isStopWord(normalize(w)), w);
  }
});

test('news function words are stop words', () => {
  for (const w of ['قال', 'وقال', 'أكد', 'لكن', 'حيث', 'بعد', 'قبل', 'خلال', 'عند', 'مع', 'بين', 'كما', 'أيضا', 'أيضاً']) {
    assert.ok(isStopWord(normalize(w)), w);
  }
});

test('the set holds normalized forms only', () => {
  for (const w of STOP_WORDS) assert.equal(normalize(w), w, w);
  assert.ok(STOP_WORDS.has('الي'));
  assert.ok(!STOP_WORDS.has('إلى'));
  for (const w of PROTECTED_WORDS) assert.equal(normalize(w), w, w);
});

test('content words are not stop words', () => {
  for (const w of ['الرئيس', 'المعارضة', 'سوريا', 'حكومة', 'والي', 'قبلي', 'وفيات']) {
    assert.ok(!isStopWord(normalize(w)), w);
  }
});

test('protected words and stop words do not overlap', () => {
  for (const w of PROTECTED_WORDS) assert.ok(!STOP_WORDS.has(w), w);
  assert.ok(isProtected('ايران'));
  assert.ok(isProtected(normalize('القاهرة')));
  assert.ok(!isProtected('وايران')); // exact membership; prefixes are the stemmer's job
});
