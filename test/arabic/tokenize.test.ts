import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/arabic/tokenize.js';

test('splits on spaces and punctuation, keeping offsets', () => {
  const text = 'قال الرئيس، إن "المعارضة" (في سوريا).';
  const toks = tokenize(text);
  assert.deepEqual(
    toks.map((t) => t.text),
    ['قال', 'الرئيس', 'إن', 'المعارضة', 'في', 'سوريا'],
  );
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(toks[1], { text: 'الرئيس', start: 4, end: 10 });
});

test('harakat stay inside the token and offsets point at the vocalized word', () => {
  const text = 'قَالَ الرَّئِيسُ: شُكْراً لَكُمْ';
  const toks = tokenize(text);
  assert.deepEqual(
    toks.map((t) => t.text),
    ['قَالَ', 'الرَّئِيسُ', 'شُكْراً', 'لَكُمْ'],
  );
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(toks[1]?.start, 6);
  assert.equal(toks[1]?.end, 16);
});

test('tatweel is part of the token', () => {
  assert.deepEqual(tokenize('الـــرئيس'), [{ text: 'الـــرئيس', start: 0, end: 9 }]);
});

test('digits (ASCII and Arabic-Indic) and Latin form tokens; ASCII punctuation splits', () => {
  assert.deepEqual(
    tokenize('عام ٢٠٢٦ و2025 COVID-19').map((t) => t.text),
    ['عام', '٢٠٢٦', 'و2025', 'COVID', '19'],
  );
});

test('Arabic punctuation (، ؛ ؟) and the Arabic percent sign split tokens', () => {
  assert.deepEqual(
    tokenize('نعم،لا؛ربما؟ ٥٠٪').map((t) => t.text),
    ['نعم', 'لا', 'ربما', '٥٠'],
  );
});

test('offsets are UTF-16 indices even after astral characters', () => {
  const text = '😀 مرحبا 𝐀b';
  const toks = tokenize(text);
  assert.deepEqual(toks.map((t) => [t.text, t.start, t.end]), [
    ['مرحبا', 3, 8],
    ['𝐀b', 9, 12],
  ]);
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
});

test('empty and separator-only input give no tokens', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' ،.؟!\n\t'), []);
});

test('is reentrant: repeated calls give the same result', () => {
  const a = tokenize('في غزة');
  const b = tokenize('في غزة');
  assert.deepEqual(a, b);
  assert.equal(a.length, 2);
});
