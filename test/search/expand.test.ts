import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normToken } from '../../src/search/analysis.js';
import {
  EXPAND_WORDS,
  MAX_ALTS,
  expandQuery,
  FIRST_CAP,
  isClitic,
  lookupVocabulary,
  isTanween,
  spellingAlternatives,
  vocabularyAlternatives,
  VOCAB_CAP,
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

test('the two-step vocabulary lookup decides as one full count, and recounts only two common words compared', async () => {
  // What an index would answer: each token's article count, stopped at the cap asked for.
  const index = (counts: Record<string, number>) => {
    const full = vocab(counts);
    const calls: { tokens: string[]; cap: number }[] = [];
    const count = async (tokens: string[], cap: number) => {
      calls.push({ tokens, cap });
      return new Map(tokens.filter((t) => full.has(t)).map((t) => [t, Math.min(full.get(t)!, cap)]));
    };
    const fullCount = new Map([...full].map(([t, n]) => [t, Math.min(n, VOCAB_CAP)]));
    return { count, calls, fullCount };
  };
  const cases: [string, Record<string, number>][] = [
    ['بقرار', { قرار: 900, بقرار: 5, لقرار: 3, القرار: 3000 }], // common rest, rare whole: decided at once
    ['قرار', { قرار: 900, بقرار: 5, لقرار: 70, القرار: 3000 }],
    ['بلاد', { بلاد: 500, لاد: 80, البلاد: 2500 }], // both common: recounted
    ['كتاب', { كتاب: 1500, تاب: 100, الكتاب: 2200 }],
    ['بحث', { بحث: 300, البحث: 400, حث: 900 }],
    ['عاما', { عام: 5000, العام: 9000, عاما: 600 }],
    ['اسعار النفط', { اسعار: 800, الاسعار: 900, نفط: 100, النفط: 4000, باسعار: 20 }],
  ];
  for (const [q, counts] of cases) {
    const parsed = parseQuery(q);
    const { count, calls, fullCount } = index(counts);
    const df = await lookupVocabulary(parsed, count);
    assert.ok(df, q);
    assert.deepEqual(expandQuery(parsed, df), expandQuery(parsed, fullCount), q);
    assert.equal(calls[0]!.cap, FIRST_CAP, q);
    assert.ok(calls.length <= 2, q);
    for (const extra of calls.slice(1)) {
      assert.equal(extra.cap, VOCAB_CAP);
      for (const t of extra.tokens) assert.ok((fullCount.get(t) ?? 0) >= FIRST_CAP, `${q}: ${t} was rare`);
    }
  }
  const { count, calls } = index({ بلاد: 500, لاد: 80 });
  await lookupVocabulary(parseQuery('بلاد'), count);
  assert.deepEqual(calls.map((c) => c.cap), [FIRST_CAP, VOCAB_CAP], 'بلاد and لاد are both common: counted again');
  assert.deepEqual(calls[1]!.tokens.sort(), [normToken('بلاد'), normToken('لاد')].sort());
  const rare = index({ بقرار: 5, قرار: 900 });
  await lookupVocabulary(parseQuery('بقرار'), rare.count);
  assert.equal(rare.calls.length, 1, 'a common word against a rare one needs no second count');
  assert.equal(await lookupVocabulary(parseQuery('"بقرار الحكومة"'), rare.count), null, 'nothing to look up');
});
