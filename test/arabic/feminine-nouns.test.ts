import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWord } from '../../src/arabic/analyzer.js';
import { endsWithHeh } from '../../src/arabic/stem.js';
import { FEMININE_NOUNS, feminineNounStem } from '../../src/arabic/feminine-nouns.js';

const stem = (w: string) => analyzeWord(w).stem;
const same = (a: string, b: string) => assert.equal(stem(a), stem(b), `${a} and ${b} should conflate`);
const apart = (a: string, b: string) => assert.notEqual(stem(a), stem(b), `${a} and ${b} should not conflate`);

test('a listed ة-noun no longer meets the different word without ة', () => {
  apart('الخطة', 'الخط'); // plan / line
  apart('الشركة', 'الشرك'); // company / polytheism
  apart('الجامعة', 'الجامع'); // university / mosque
  apart('المكتبة', 'المكتب'); // library / office
  apart('الشرطة', 'الشرط'); // police / condition
  apart('السنة', 'السن'); // year / age
  apart('المسؤولية', 'المسؤول'); // responsibility / official
});

test('its own forms still meet: spellings, clitics, plural, dual, construct state', () => {
  for (const form of ['خطة', 'الخطة', 'والخطة', 'بالخطة', 'للخطة', 'الخطه', 'والخطه', 'الخطَّة', 'خطته', 'خطتها', 'خطتهم', 'خطتان', 'خطتين']) same(form, 'الخطة');
  for (const form of ['الشركات', 'شركاتها', 'وللشركات', 'شركتنا', 'الشركتين']) same(form, 'الشركة');
  same('عمليات', 'العملية');
  same('سنتين', 'السنة');
});

test('a bare word written with ه is a noun and the pronoun, not a listed noun spelled with ه', () => {
  same('عمله', 'العمل'); // his work, not currency
  same('دوره', 'الدور'); // his role, not session
  same('خطه', 'الخط'); // his line
  same('الخطه', 'الخطة'); // a definite word has no pronoun: the plan
  same('كتابه', 'الكتاب'); // his book
  same('خطـه', 'الخط'); // tatweel and marks before the ه do not hide it
  assert.equal(endsWithHeh('خطهُ'), true);
  assert.equal(endsWithHeh('خطة'), false);
  assert.equal(endsWithHeh('\uFEEA'), true, 'the presentation form of ه');
});

test('a noun marked +ي keeps its nisba adjective; others leave it with the word without ة', () => {
  for (const form of ['الرياضي', 'الرياضية', 'الرياضيون', 'الرياضيين']) same(form, 'الرياضة');
  apart('الرياضة', 'رياض'); // sport / gardens
  for (const form of ['التجاري', 'التجارية']) same(form, 'التجارة');
  apart('التجارة', 'التجار'); // trade / merchants
  // عملي (practical) is عمل's (work), not عملة's (currency).
  same('العملي', 'العمل');
  apart('العملة', 'العمل');
});

test('the two genders of one word, not listed, still conflate', () => {
  same('الكبير', 'الكبيرة');
  same('المعلم', 'المعلمة');
  same('السياسي', 'السياسية');
  same('الفني', 'الفنية'); // ف + نية spells it: clitic forms are not listed
  same('لجنة', 'اللجنة');
});

test('the list is normalized and only its forms are caught', () => {
  assert.ok(FEMININE_NOUNS.has('خطه'));
  assert.ok(FEMININE_NOUNS.has('اله'), 'آلة, normalized');
  assert.ok(FEMININE_NOUNS.size > 250, `${FEMININE_NOUNS.size} nouns`);
  for (const noun of FEMININE_NOUNS) assert.ok(noun.endsWith('ه') && noun.length >= 3, noun);
  assert.equal(feminineNounStem('خطط'), undefined, "broken plurals are light10's");
  assert.equal(feminineNounStem('خط'), undefined);
  assert.equal(feminineNounStem('بخطه'), undefined);
  assert.equal(feminineNounStem('شركاتهم'), 'شركه');
});
