import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from '../../src/arabic/normalize.js';
import { hamzatedAlAt, hasTanweenShape, lightStem, withoutConjunction } from '../../src/arabic/stem.js';

const stem = (w: string): string => lightStem(normalize(w));

test('definite article and conjunction forms share a stem', () => {
  assert.equal(stem('المعارضة'), 'معارض');
  assert.equal(stem('والمعارضة'), 'معارض');
  assert.equal(stem('بالمعارضة'), 'معارض');
  assert.equal(stem('للمعارضة'), 'معارض');
  assert.equal(stem('فالمعارضة'), 'معارض');
  assert.equal(stem('كالمعارضة'), 'معارض');
});

test('agrees with the vectors of Lucene\'s TestArabicStemFilter', () => {
  const vectors: [string, string][] = [
    ['الحسن', 'حسن'], ['والحسن', 'حسن'], ['بالحسن', 'حسن'], ['كالحسن', 'حسن'], ['فالحسن', 'حسن'],
    ['للاخر', 'اخر'], ['وحسن', 'حسن'], ['زوجها', 'زوج'], ['ساهدان', 'ساهد'], ['ساهدات', 'ساهد'],
    ['ساهدون', 'ساهد'], ['ساهدين', 'ساهد'], ['ساهديه', 'ساهد'], ['ساهدية', 'ساهد'], ['ساهده', 'ساهد'],
    ['ساهدة', 'ساهد'], ['ساهدي', 'ساهد'], ['وساهدون', 'ساهد'], ['ساهدهات', 'ساهد'], ['الو', 'الو'],
  ];
  for (const [input, expected] of vectors) assert.equal(stem(input), expected, input);
  assert.equal(lightStem('English'), 'English'); // non-Arabic, un-normalized
});

test('light10 order: و first, then one article (unlike Lucene\'s single prefix)', () => {
  assert.equal(stem('وبالمعارضة'), 'معارض');
  assert.equal(stem('وللمعارضة'), 'معارض');
});

test('و is stripped only when 3+ letters remain', () => {
  assert.equal(stem('وقال'), 'قال');
  assert.equal(stem('ولد'), 'ولد');
  assert.equal(lightStem('وما'), 'وما');
});

test('articles are stripped only when 2+ letters remain', () => {
  assert.equal(lightStem('الم'), 'الم');
  assert.equal(lightStem('الما'), 'ما');
});

test('suffixes are applied in Lucene order, each once', () => {
  assert.equal(stem('معلماتها'), 'معلم'); // ها then ات
  assert.equal(stem('المعلمون'), 'معلم');
  assert.equal(stem('المعلمين'), 'معلم');
  assert.equal(stem('سياسية'), 'سياس'); // ية (normalized يه)
  assert.equal(stem('سياسي'), 'سياس');
  assert.equal(stem('قلمه'), 'قلم');
  assert.equal(stem('كتابان'), 'كتاب');
});

test('suffixes leave at least 2 letters', () => {
  assert.equal(lightStem('اخي'), 'اخ');
  assert.equal(lightStem('فيه'), 'في');
  assert.equal(lightStem('ها'), 'ها');
  assert.equal(lightStem('به'), 'به');
});

test('sound plurals and feminine conflate with the singular', () => {
  assert.equal(stem('مسؤولون'), stem('مسؤول'));
  assert.equal(stem('مسؤولين'), stem('مسؤول'));
  assert.equal(stem('مسؤولة'), stem('مسؤول'));
  // مسؤولية (responsibility) is a word of its own (feminine-nouns.ts), with its plural.
  assert.notEqual(stem('مسؤولية'), stem('مسؤول'));
  assert.equal(stem('المسؤوليات'), stem('مسؤولية'));
  assert.equal(stem('مسئولين'), stem('المسؤولون'));
});

test('protected nouns are not stemmed: إيران stays ايران (light10 alone gives اير)', () => {
  assert.equal(stem('إيران'), 'ايران');
  assert.equal(stem('ايران'), 'ايران');
  assert.equal(stem('إيران'), stem('ايران'));
  assert.equal(stem('فلسطين'), 'فلسطين');
  assert.equal(stem('البحرين'), 'البحرين');
  assert.equal(stem('غزة'), 'غزه');
  assert.equal(stem('بوتين'), 'بوتين');
  assert.equal(stem('عثمان'), 'عثمان');
});

test('protected nouns are recognised behind clitics', () => {
  assert.equal(stem('وإيران'), 'ايران');
  assert.equal(stem('بسوريا'), 'سوريا');
  assert.equal(stem('لتركيا'), 'تركيا');
  assert.equal(stem('والكرملين'), 'الكرملين');
  assert.equal(stem('بالقاهرة'), 'القاهره');
  assert.equal(stem('للقاهرة'), 'القاهره'); // ل + القاهرة with the alef elided
  assert.equal(stem('للبنان'), 'لبنان'); // ل + لبنان
  assert.equal(stem('وبمصر'), 'مصر');
  assert.equal(stem('فلسطين'), 'فلسطين'); // its own ف is not a clitic
});

test('gentilics of a protected country reach the country form', () => {
  assert.equal(stem('الإيرانية'), 'ايران');
  assert.equal(stem('إيرانيون'), 'ايران');
});

test('a root-initial و is kept in common news words', () => {
  assert.equal(stem('وزير'), 'وزير');
  assert.equal(stem('الوزير'), 'وزير');
  assert.equal(stem('والوزير'), 'وزير');
  assert.equal(stem('وزيرها'), 'وزير');
  assert.equal(stem('وزارة'), stem('الوزارات'));
  assert.equal(stem('ووزارة'), stem('وزارة'));
  assert.equal(stem('وقتها'), 'وقت');
});

test('non-Arabic words pass through', () => {
  assert.equal(lightStem('reuters'), 'reuters');
  assert.equal(lightStem('2026'), '2026');
});

test('never returns an empty string', () => {
  for (const w of ['', 'و', 'ال', 'ها', 'ي', 'وال', 'لل']) {
    const s = lightStem(w);
    assert.equal(s === '', w === '', JSON.stringify(w));
  }
});

test('a bare final ا is left to the query side; hasTanweenShape gives its letter conditions', () => {
  assert.equal(stem('عاما'), 'عاما'); // tanween or a root ا: the vocabulary decides (src/search/expand.ts)
  assert.equal(stem('عاماً'), 'عام'); // written tanween: normalize() drops it
  assert.equal(stem('الدنيا'), stem('دنيا'));
  assert.equal(stem('وقتا'), 'وقتا'); // the root-و check looks through the alef: و kept
  assert.equal(hasTanweenShape('عاما'), true);
  assert.equal(hasTanweenShape('سياسيا'), true);
  assert.equal(hasTanweenShape('حياتها'), false); // ها is the pronoun
  assert.equal(hasTanweenShape('قضايا'), false); // broken plural
  assert.equal(hasTanweenShape('عصا'), false); // too short
  assert.equal(hasTanweenShape('عام'), false);
});

test('a hamzated أل is not the article', () => {
  assert.equal(lightStem(normalize('إلهام'), { hamzatedAl: 0 }), 'الهام');
  assert.equal(lightStem(normalize('إلهام')), 'هام'); // without the fact, light10 as before
  assert.equal(lightStem(normalize('وإلهام'), { hamzatedAl: 1 }), 'الهام');
  assert.equal(lightStem(normalize('بإلغاء'), { hamzatedAl: 1 }), 'الغاء');
  assert.equal(lightStem(normalize('آلام'), { hamzatedAl: 0 }), 'الم'); // pains: the plural of ألم (broken-plurals.ts)
  assert.equal(stem('الآلام'), 'الم'); // the article before it still goes
});

test('hamzatedAlAt reads the original spelling', () => {
  assert.equal(hamzatedAlAt('إلهام'), 0);
  assert.equal(hamzatedAlAt('إِلْهام'), 0);
  assert.equal(hamzatedAlAt('ألمانيا'), 0);
  assert.equal(hamzatedAlAt('آلية'), 0);
  assert.equal(hamzatedAlAt('وإلهام'), 1);
  assert.equal(hamzatedAlAt('بألف'), 1);
  assert.equal(hamzatedAlAt('الهام'), -1); // bare alef: the article
  assert.equal(hamzatedAlAt('الإلهام'), -1);
  assert.equal(hamzatedAlAt('أكد'), -1);
  assert.equal(hamzatedAlAt('سأل'), -1);
  assert.equal(hamzatedAlAt(''), -1);
});

test('root endings ان ين ون of listed words are kept', () => {
  assert.equal(stem('بيان'), 'بيان');
  assert.equal(stem('البيانات'), 'بيان');
  assert.notEqual(stem('بيان'), stem('بي'));
  assert.equal(stem('عشرين'), 'عشرين');
  assert.equal(stem('عشرون'), stem('العشرين')); // the two cases of the tens still meet
  assert.notEqual(stem('عشرين'), stem('عشرة'));
  assert.notEqual(stem('أربعين'), stem('أربع'));
  assert.equal(stem('قانون'), stem('قانونية'));
  assert.equal(stem('برلمان'), stem('البرلماني'));
  assert.equal(stem('فنان'), stem('الفنانون'));
  assert.notEqual(stem('فنان'), stem('فني'));
  assert.equal(stem('المعلمين'), 'معلم'); // unlisted words: light10 as before
});

test('more root-initial و words', () => {
  assert.equal(stem('واحد'), stem('الواحد'));
  assert.notEqual(stem('واحد'), stem('أحد'));
  assert.notEqual(stem('وليد'), stem('ليد'));
  assert.equal(stem('وردة'), stem('الورد'));
  assert.notEqual(stem('وردة'), stem('ردة'));
  assert.notEqual(stem('وسام'), stem('سام'));
  assert.equal(stem('ورقية'), 'ورق'); // not the protected name رقية behind a و
});

test('withoutConjunction mirrors light10\'s first step', () => {
  assert.equal(withoutConjunction('وبقرار'), 'بقرار');
  assert.equal(withoutConjunction('وزير'), 'وزير');
  assert.equal(withoutConjunction('واحد'), 'واحد');
  assert.equal(withoutConjunction('وقت'), 'وقت');
});
