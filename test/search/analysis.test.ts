import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, tokenize } from '../../src/arabic/index.js';
import { analyseText, scanWords } from '../../src/search/analysis.js';

const scan = (text: string) => {
  const out: { text: string; start: number; end: number }[] = [];
  scanWords(text, (start, end) => out.push({ text: text.slice(start, end), start, end }));
  return out;
};

test('scanWords finds the tokens tokenize() finds: ASCII and the whole Arabic block', () => {
  for (const [from, to] of [
    [0, 0x80],
    [0x0600, 0x0700],
    [0x0750, 0x0780],
    [0x08a0, 0x0900],
    [0xfb50, 0xfe00],
    [0xfe70, 0xff00],
  ] as const) {
    let text = '';
    for (let cp = from; cp < to; cp++) text += String.fromCodePoint(cp) + (cp % 3 === 0 ? ' ' : '');
    assert.deepEqual(scan(text), tokenize(text), `U+${from.toString(16)}–U+${to.toString(16)}`);
  }
});

test('scanWords agrees with tokenize() on random text, astral characters and lone surrogates included', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const alphabet = [
    ...'الرَّئِيسُ إيران ١٢٣ abc XYZ 09 ـ ، ؛ ؟ « » - _ . "\n\t',
    '\u200c', '\u200f', '\u00a0', '\u0301', 'é', 'ß', 'ğ', 'ж', '中', '😀', '𝐀', '\ud800', '\udc00', 'ﻻ', 'ﷺ', '⑴', '٫', '۳', 'ی', 'ک',
  ];
  for (let i = 0; i < 3000; i++) {
    let text = '';
    const len = Math.floor(rand() * 40);
    for (let j = 0; j < len; j++) text += alphabet[Math.floor(rand() * alphabet.length)]!;
    assert.deepEqual(scan(text), tokenize(text), JSON.stringify(text));
  }
});

test('analyseText gives what analyze() gives', () => {
  const text = 'قَالَ الرَّئِيسُ فِي دِمَشْقَ إِنَّ المُعَارَضَةَ وإيران… ﻻ ⑴ covid-19';
  assert.deepEqual(
    analyseText(text).map((t) => ({ surface: t.surface, start: t.start, end: t.end, norm: t.word.norm, stem: t.word.stem, stop: t.word.stop })),
    analyze(text),
  );
  // Memoized: the same object for the same word.
  assert.equal(analyseText('النفط')[0]!.word, analyseText('النفط النفط')[1]!.word);
});
