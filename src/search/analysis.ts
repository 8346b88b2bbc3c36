/**
 * The analyser as search runs it, made cheap enough to index 2,000+ articles
 * a second and to cut ten snippets per query:
 *
 * - scanWords() finds exactly the tokens src/arabic's tokenize() finds (runs
 *   of \p{L}\p{N}\p{M}), but classifies ASCII and the Arabic block by code
 *   point instead of running a Unicode-property regex over every character;
 *   other characters are classified once by that same regex and remembered.
 *   test/search/analysis.test.ts checks the two agree.
 * - analyseWord() memoizes analyzeWord(): news vocabulary repeats (1.4 M
 *   tokens, 100 k distinct words in the corpus), so most words are analysed
 *   once. The memo is bounded: it is emptied when it reaches MEMO_SIZE.
 */
import { analyzeWord } from '../arabic/index.js';

const TOKEN_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const classified = new Map<number, boolean>();

function isTokenCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  // Arabic letters, tatweel, harakat (U+0620–U+065F), Arabic-Indic digits, superscript alef and the extended letters.
  if ((cp >= 0x0620 && cp <= 0x065f) || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x0670 && cp <= 0x06d3)) return true;
  let yes = classified.get(cp);
  if (yes === undefined) {
    yes = TOKEN_CHAR.test(String.fromCodePoint(cp));
    if (classified.size < 65536) classified.set(cp, yes);
  }
  return yes;
}

/** Calls `onToken(start, end)` for each token of `text`, as tokenize() would find it (UTF-16 offsets). */
export function scanWords(text: string, onToken: (start: number, end: number) => void): void {
  const n = text.length;
  let start = -1;
  let i = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        width = 2;
      }
    }
    if (isTokenCodePoint(cp)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      onToken(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) onToken(start, n);
}

// eslint-disable-next-line no-control-regex
const ASCII_SEPARATORS = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]/g;
// eslint-disable-next-line no-control-regex
const HAS_ASCII_SEPARATOR = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]/;

/** A norm or stem made safe as one FTS token ('' when nothing is left): see fields.ts. */
export function indexToken(s: string): string {
  return HAS_ASCII_SEPARATOR.test(s) ? s.replace(ASCII_SEPARATORS, '') : s;
}

/** Suffixed to a stop word's token in the stem columns; no word holds it (it is not a letter, digit or mark). */
export const STOP_MARK = '\u00A4';
/**
 * Prefixed to every token of the norm columns, so that no norm token equals
 * a stem token: a query names the stem and norm columns by their tokens, not
 * by FTS5 column filters, which are much slower to evaluate.
 */
export const NORM_MARK = '\u00B7';

/** The norm column's token for a normalized word. */
export function normToken(norm: string): string {
  const t = indexToken(norm);
  return t ? NORM_MARK + t : '';
}

/**
 * The stem column's token for an analysed word. A stop word is indexed under
 * its normalized form, not its stem, and marked: function words collide with
 * content words (قبل "before" is also what قبلي "tribal" stems to), and a
 * query for the content word must not match every "before". Quoted phrases
 * and stop-word-only queries analyse their stop words the same way, so they
 * still match them.
 */
export function stemToken(a: { norm: string; stem: string; stop: boolean }): string {
  if (!a.stop) return indexToken(a.stem);
  const t = indexToken(a.norm);
  return t ? t + STOP_MARK : '';
}

export interface WordAnalysis {
  norm: string;
  stem: string;
  stop: boolean;
  /** The word's token in the stem columns ('' when nothing indexable is left). */
  stemToken: string;
  /** The word's token in the norm columns ('' when nothing indexable is left). */
  normToken: string;
}

const MEMO_SIZE = 200_000;
const memo = new Map<string, WordAnalysis>();

export function analyseWord(word: string): WordAnalysis {
  let a = memo.get(word);
  if (a === undefined) {
    const w = analyzeWord(word);
    a = { norm: w.norm, stem: w.stem, stop: w.stop, stemToken: stemToken(w), normToken: normToken(w.norm) };
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(word, a);
  }
  return a;
}

export interface SearchToken {
  surface: string;
  start: number;
  end: number;
  word: WordAnalysis;
}

/** Every token of `text` (or of text[from, to)) with its analysis: analyze() of src/arabic, memoized. Offsets are into `text`. */
export function analyseText(text: string, from = 0, to = text.length, out: SearchToken[] = []): SearchToken[] {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  scanWords(part, (start, end) => {
    const surface = part.slice(start, end);
    out.push({ surface, start: start + from, end: end + from, word: analyseWord(surface) });
  });
  return out;
}
