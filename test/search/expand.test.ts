import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normToken } from '../../src/search/analysis.js';
import {
  EXPAND_WORDS,
  MAX_ALTS,
  expandQuery,
  isClitic,
  isTanween,
  spellingAlternatives,
  vocabularyAlternatives,
  vocabularyNeeds,
} from '../../src/search/expand.js';
import { analyseWord } from '../../src/search/analysis.js';
import { matchExpression, parseQuery, tieredExpressions } from '../../src/search/query.js';

/** A vocabulary from word → article count, keyed as the engines key it (norm tokens). */
const vocab = (counts: Record<string, number>) => new Map(Object.entries(counts).map(([w, n]) => [normToken(w), n]));
const alts = (q: string, df: Map<string, number>) => expandQuery(parseQuery(q), df).must[0]!.terms[0]!.alts;
const stemOf = (w: string) => analyseWord(w).stemToken;

test('a bare proclitic is stripped when the vocabulary says it is one', () => {
  const df = vocab({ قرار: 40, بقرار: 5, لقرار: 3, القرار: 30 });
  assert.equal(isClitic('بقرار', 'قرار', df), true);
  assert.deepEqual(vocabularyAlternatives('بقرار', 'بقرار', df), [stemOf('قرار'), stemOf('لقرار')]);
  // and the other way: قرار also finds its clitic forms
  assert.deepEqual(vocabularyAlternatives('قرار', 'قرار', df), [stemOf('بقرار'), stemOf('لقرار')]);
  // وبقرار: light10's و first, then the same
  assert.deepEqual(vocabularyAlternatives('وبقرار', 'وبقرار', df), [stemOf('قرار'), stemOf('لقرار')]);
});

test('the rule refuses when the whole word takes the article (البحث: the ب of بحث is a root letter)', () => {
  const df = vocab({ بحث: 10, البحث: 20, حث: 30 });
  assert.equal(isClitic('بحث', 'حث', df), false);
  assert.deepEqual(vocabularyAlternatives('بحث', 'بحث', df), []);
  assert.deepEqual(vocabularyAlternatives('حث', 'حث', df), []);
});

test('the rule refuses when the rest is rarer than the whole, or unknown', () => {
  assert.equal(isClitic('فقط', 'قط', vocab({ فقط: 50, قط: 2 })), false);
  assert.equal(isClitic('بقرار', 'قرار', vocab({ بقرار: 5 })), false);
  assert.equal(isClitic('بها', 'ها', vocab({ ها: 100 })), false); // too short, and stop words
});

test('the tanween alef: عاما and عام meet unless the form with ا takes the article', () => {
  const df = vocab({ عام: 50, العام: 80, عاما: 10 });
  assert.equal(isTanween('عاما', 'عام', df), true);
  assert.deepEqual(alts('عاما', df), [stemOf('عام')]);
  assert.deepEqual(alts('عام', df), [stemOf('عاما')]);
  assert.deepEqual(alts('عاماً', df), [stemOf('عاما')]); // normalize() made it عام
  const pope = vocab({ بابا: 10, البابا: 20, باب: 40 });
  assert.equal(isTanween('بابا', 'باب', pope), false);
  assert.deepEqual(alts('بابا', pope), []);
  assert.deepEqual(alts('باب', pope), []);
});

test('spelling alternatives of the hamzated أل need no vocabulary', () => {
  // typed without the hamza: also the ال-kept stem of إلهام
  assert.deepEqual(parseQuery('الهام').must[0]!.terms[0]!.alts, ['الهام']);
  // typed with it: also its own exact form, which is how the bare spelling is indexed
  assert.deepEqual(parseQuery('إلهام').must[0]!.terms[0]!.alts, [normToken('الهام')]);
  assert.deepEqual(spellingAlternatives('في', { norm: 'في', stemToken: 'في¤', normToken: '·في', stop: true }), []);
  assert.deepEqual(parseQuery('وزير').must[0]!.terms[0]!.alts, []);
  // العراقية with its ال kept would stem to العراق, the protected name's stem: no alternative
  assert.deepEqual(parseQuery('العراقية').must[0]!.terms[0]!.alts, []);
});

test('expansion is bounded: words, alternatives, lookups', () => {
  const words = Array.from({ length: 12 }, (_, i) => 'قرار' + 'ابتثجحخدذرزس'[i]);
  const q = parseQuery(words.join(' '));
  assert.equal(q.must.length, 12);
  const needs = vocabularyNeeds(q);
  assert.ok(needs.length <= EXPAND_WORDS * 30, String(needs.length));
  const df = new Map(needs.map((t) => [t, 1]));
  const expanded = expandQuery(q, df);
  for (const item of expanded.must) assert.ok(item.terms[0]!.alts.length <= MAX_ALTS);
  // only the first EXPAND_WORDS words get vocabulary alternatives
  assert.deepEqual(expanded.must.slice(EXPAND_WORDS), q.must.slice(EXPAND_WORDS));
  // phrases are not expanded
  assert.deepEqual(vocabularyNeeds(parseQuery('"بقرار الحكومة"')), []);
});

test('the MATCH expression ORs the alternatives, each a quoted analysed token', () => {
  const df = vocab({ قرار: 40, بقرار: 5, القرار: 30 });
  const q = expandQuery(parseQuery('بقرار -"هام"'), df);
  const expr = matchExpression(q, 'all', { exactBonus: false })!;
  assert.equal(expr, `(("بقرار" OR "قرار")) NOT ("هام")`);
  const hostile = expandQuery(parseQuery(`بNEAR(a "b") OR ف* ل:^x`), df);
  for (const item of hostile.must) for (const t of [item.terms[0]!.stem, ...item.terms[0]!.alts]) assert.doesNotMatch(t, /["*:^(){}]/);
  // the query itself is not changed
  assert.deepEqual(parseQuery('بقرار').must[0]!.terms[0]!.alts, []);
});

test('ranking tiers: the words\' own stems first, alternatives only for the rest', () => {
  const df = vocab({ قرار: 40, بقرار: 5, القرار: 30 });
  assert.equal(tieredExpressions(parseQuery('قرار'), 'all'), null); // no alternatives without the vocabulary
  const q = expandQuery(parseQuery('قرار -هام'), df);
  const tiers = tieredExpressions(q, 'all')!;
  assert.equal(tiers.first, `(("قرار" OR "·قرار")) NOT ("هام")`);
  assert.equal(tiers.rest, `((("قرار" OR "بقرار" OR "·قرار")) NOT (("قرار" OR "·قرار"))) NOT ("هام")`);
});
