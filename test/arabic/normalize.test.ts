import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from '../../src/arabic/normalize.js';

test('harakat are removed', () => {
  // ئ is folded to ء (see normalize.ts); the vocalized and bare spellings agree.
  assert.equal(normalize('الرَّئِيسُ'), normalize('الرئيس'));
  assert.equal(normalize('الرَّئِيسُ'), 'الرءيس');
  assert.equal(normalize('مُحَمَّدٌ'), 'محمد');
  assert.equal(normalize('كِتَابٌ'), 'كتاب');
});

test('superscript alef and Quranic marks are removed', () => {
  assert.equal(normalize('هٰذا'), 'هذا');
  assert.equal(normalize('الرَّحْمٰنِ'), 'الرحمن');
  assert.equal(normalize('عليهۖ'), 'عليه'); // U+06D6
  assert.equal(normalize('محمدؐ'), 'محمد'); // U+0610
});

test('tatweel is removed', () => {
  assert.equal(normalize('الـــرئيس'), normalize('الرئيس'));
  assert.equal(normalize('جـمـيـل'), 'جميل');
});

test('hamza-alef forms fold to bare alef', () => {
  assert.equal(normalize('أكد'), 'اكد');
  assert.equal(normalize('إيران'), 'ايران');
  assert.equal(normalize('آمن'), 'امن');
  assert.equal(normalize('ٱلله'), 'الله');
});

test('ى folds to ي and ة to ه', () => {
  assert.equal(normalize('مستشفى'), 'مستشفي');
  assert.equal(normalize('مستشفى'), normalize('مستشفي'));
  assert.equal(normalize('مدرسة'), 'مدرسه');
  assert.equal(normalize('مدرسة'), normalize('مدرسه'));
});

test('Persian yeh and keheh fold to Arabic', () => {
  assert.equal(normalize('كرسی'), 'كرسي');
  assert.equal(normalize('کتاب'), 'كتاب');
});

test('hamza seats ؤ and ئ fold to ء so the regional spellings meet', () => {
  assert.equal(normalize('مسؤول'), normalize('مسئول'));
  assert.equal(normalize('شؤون'), normalize('شئون'));
  assert.equal(normalize('رؤوس'), normalize('رءوس'));
  assert.equal(normalize('مسؤول'), 'مسءول');
});

test('Arabic-Indic and Eastern Arabic-Indic digits become ASCII', () => {
  assert.equal(normalize('٢٠٢٦'), '2026');
  assert.equal(normalize('۲۰۲۶'), '2026');
  assert.equal(normalize('٠١٢٣٤٥٦٧٨٩'), '0123456789');
});

test('presentation forms and ligatures go through NFKC', () => {
  assert.equal(normalize('ﻻ'), 'لا'); // U+FEFB
  assert.equal(normalize('ﷲ'), 'الله'); // U+FDF2
  assert.equal(normalize('ﺍﻟﺴﻼﻡ'), 'السلام'); // isolated/initial/final forms
  assert.equal(normalize('ﬁne'), 'fine');
  assert.equal(normalize('Ｆｕｌｌ'), 'full');
});

test('a phrase ligature stays one word', () => {
  const n = normalize('ﷺ'); // U+FDFA expands to a four-word phrase
  assert.ok(n.length > 1);
  assert.ok(!/\s/u.test(n));
});

test('decomposed hamza composes before marks are dropped', () => {
  // ي + U+0654 (hamza above) is canonically ئ; it must not lose its hamza.
  assert.equal(normalize('ري\u0654يس'), normalize('رئيس'));
  // ا + U+0653 (maddah) is آ, which folds to ا
  assert.equal(normalize('ا\u0653من'), 'امن');
});

test('accusative tanween alef is removed, a root final alef is kept', () => {
  assert.equal(normalize('شكراً'), 'شكر'); // alef + fathatan
  assert.equal(normalize('شكرًا'), 'شكر'); // fathatan + alef
  assert.equal(normalize('جدّاً'), 'جد');
  assert.equal(normalize('دنيا'), 'دنيا');
  assert.equal(normalize('شكرا'), 'شكرا'); // unvocalized: cannot tell, left alone
  assert.equal(normalize('سوريا'), 'سوريا');
});

test('Latin is lower-cased, ASCII fast path returns the same string', () => {
  assert.equal(normalize('Reuters'), 'reuters');
  assert.equal(normalize('ÉLAN'), 'élan');
  const s = 'already-lower 123';
  assert.equal(normalize(s), s);
  assert.equal(normalize(''), '');
});

test('is idempotent', () => {
  for (const w of ['الرَّئِيسُ', 'شكراً', 'ﻻ', '٢٠٢٦', 'مسؤولية', 'إِلى', 'ABC', 'الـــرئيس', 'ﷺ']) {
    const once = normalize(w);
    assert.equal(normalize(once), once, w);
  }
});
