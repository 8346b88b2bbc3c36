import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWord } from '../../src/arabic/analyzer.js';
import { BROKEN_PLURALS, brokenPluralSingular } from '../../src/arabic/broken-plurals.js';

const stem = (w: string) => analyzeWord(w).stem;
const same = (a: string, b: string) => assert.equal(stem(a), stem(b), `${a} and ${b} should conflate`);
const apart = (a: string, b: string) => assert.notEqual(stem(a), stem(b), `${a} and ${b} should not conflate`);

test('a listed broken plural meets its singular, with clitics, article and pronouns', () => {
  for (const form of ['أسعار', 'الأسعار', 'والأسعار', 'بالأسعار', 'للأسعار', 'اسعار', 'أسعارها', 'أسعارهم']) same(form, 'السعر');
  same('الوزراء', 'الوزير');
  // A plural's own initial و is not the conjunction; a conjunction before it still goes.
  for (const form of ['وكلاء', 'الوكلاء', 'ووكلاء']) same(form, 'الوكيل');
  for (const form of ['وجوه', 'ووجوههم']) same(form, 'الوجه');
  same('المدن', 'المدينة');
  same('الدول', 'الدولة');
});

test('the singular is stemmed as the stemmer stems it: a listed ة-noun keeps its ة', () => {
  same('الخطط', 'الخطة'); // plans / plan
  apart('الخطط', 'الخط'); // not line
  same('المدارس', 'المدرسة');
  same('العمال', 'العامل'); // workers: no longer العمالة's (labour) stem
  apart('العمال', 'العمالة');
});

test('a final ه written ة is not a pronoun on a plural', () => {
  // دولة is the singular, not دول + ه; دوله (his countries) is.
  assert.equal(brokenPluralSingular('دوله', { hehWritten: false }), undefined);
  assert.equal(brokenPluralSingular('دوله', { hehWritten: true }), 'دوله');
  same('دولة', 'الدول');
});

test('unlisted plurals and other words are left to light10', () => {
  assert.equal(brokenPluralSingular('كتب'), undefined, 'كتب is also "he wrote"');
  assert.equal(brokenPluralSingular('سعر'), undefined);
  assert.equal(stem('كتب'), 'كتب');
});

test('the list is normalized, and no singular is itself a listed plural', () => {
  assert.ok(BROKEN_PLURALS.size > 400, `${BROKEN_PLURALS.size} plurals`);
  for (const [plural, singular] of BROKEN_PLURALS) {
    assert.ok(!/[أإآةى]/u.test(plural + singular), `${plural} ${singular} normalized`);
    assert.ok(!BROKEN_PLURALS.has(singular), `${singular} is a singular and a plural`);
  }
});
