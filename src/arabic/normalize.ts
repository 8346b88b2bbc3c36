/**
 * Orthographic normalization of one token, a superset of Lucene's
 * ArabicNormalizer (hamza-alef folding, ة→ه, ى→ي, harakat and tatweel removal).
 *
 * Added on top of Lucene:
 * - NFKC, for presentation forms and ligatures (ﻻ → لا, ﷲ → الله). It runs only
 *   when the word holds a character that can change under NFKC, because most
 *   Arabic text is already in the basic block.
 * - lower-cased Latin; Quranic annotation marks, superscript alef and ٱ (wasla);
 *   Persian ی/ک; Arabic-Indic and Eastern Arabic-Indic digits → ASCII.
 * - the accusative tanween alef: "شكراً" → "شكر". Only the vocalized form is
 *   recognised (alef+fathatan or fathatan+alef at the end), because a bare
 *   final alef is often a root letter ("دنيا", "سوريا"); whether a bare one
 *   is tanween is decided at query time from the site's vocabulary
 *   (src/search/expand.ts).
 *
 * Hamza seats: ؤ (U+0624) and ئ (U+0626) are folded to a bare ء (U+0621).
 * Folding them to و/ي, as some normalizers do, does not help matching: the
 * common variant pairs differ in the seat, not in the presence of the hamza —
 * Egyptian usage writes مسئول/شئون/رءوس where Levantine/Gulf usage writes
 * مسؤول/شؤون/رؤوس. With both seats folded to ء these all meet (مسءول, شءون,
 * رءوس), and minimal pairs that differ only in the seat are very rare because
 * the seat follows from the surrounding vowels. The cost is that norms look
 * odd ("رءيس"); they are index keys, never displayed.
 */

const ALEF = 0x0627;
const HAMZA = 0x0621;
const YEH = 0x064a;
const HEH = 0x0647;
const KAF = 0x0643;
const FATHATAN = 0x064b;

/** True for code units that normalize() can change. Used by the fast path. */
function needsWork(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a; // only A-Z changes in ASCII
  if (c >= 0x0621 && c <= 0x063a) {
    // آ أ ؤ إ ئ ة
    return c === 0x0622 || c === 0x0623 || c === 0x0624 || c === 0x0625 || c === 0x0626 || c === 0x0629;
  }
  if (c >= 0x0641 && c <= 0x064a) return c === 0x0649; // ى
  return true; // anything else: tatweel, marks, digits, other scripts...
}

/** Characters that NFKC may change: everything outside ASCII and the Arabic block,
 *  plus combining maddah/hamza (which compose with alef, waw, yeh) and the few
 *  Arabic-block letters with compatibility or canonical decompositions. */
function needsNfkc(c: number): boolean {
  if (c < 0x80) return false;
  if (c < 0x0600 || c > 0x06ff) return true;
  return (c >= 0x0653 && c <= 0x0655) || (c >= 0x0675 && c <= 0x0678) || c === 0x06c0 || c === 0x06c2 || c === 0x06d3;
}

/** Replacement for one code unit: -1 drops it, 0 keeps it, anything else replaces it. */
function mapChar(c: number): number {
  switch (c) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
      return ALEF;
    case 0x0649: // ى
    case 0x06cc: // Persian ی
      return YEH;
    case 0x0629: // ة
      return HEH;
    case 0x06a9: // Persian ک
      return KAF;
    case 0x0624: // ؤ — see the note on hamza seats above
    case 0x0626: // ئ
      return HAMZA;
    case 0x0640: // tatweel
    case 0x0670: // superscript alef
      return -1;
  }
  if ((c >= 0x064b && c <= 0x065f) || (c >= 0x0610 && c <= 0x061a) || (c >= 0x06d6 && c <= 0x06ed)) return -1;
  if (c >= 0x0660 && c <= 0x0669) return 0x30 + (c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return 0x30 + (c - 0x06f0);
  return 0;
}

export function normalize(word: string): string {
  const n = word.length;
  let i = 0;
  while (i < n && !needsWork(word.charCodeAt(i))) i++;
  if (i === n) return word; // fast path: plain lower-case ASCII or already-normal Arabic

  let s = word;
  let nfkc = false;
  let lower = false;
  for (let j = i; j < n; j++) {
    const c = word.charCodeAt(j);
    if (needsNfkc(c)) nfkc = true;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x80 && (c < 0x0600 || c > 0x06ff))) lower = true;
  }
  if (nfkc) {
    s = s.normalize('NFKC');
    // A few ligatures expand to phrases (U+FDFA → "صلى الله عليه وسلم");
    // a token must stay one word.
    if (/\s/u.test(s)) s = s.replace(/\s+/gu, '');
  }
  if (lower) s = s.toLowerCase();

  // Tanween alef, before the harakat are dropped (otherwise "شكراً" and "دنيا"
  // become indistinguishable).
  const len = s.length;
  if (len >= 3) {
    const a = s.charCodeAt(len - 2);
    const b = s.charCodeAt(len - 1);
    if ((a === ALEF && b === FATHATAN) || (a === FATHATAN && b === ALEF)) s = s.slice(0, len - 2);
  }

  // Copy unchanged stretches in slices; most words change at one or two places.
  let out = '';
  let last = 0;
  for (let j = 0; j < s.length; j++) {
    const r = mapChar(s.charCodeAt(j));
    if (r === 0) continue;
    out += s.slice(last, j);
    if (r > 0) out += String.fromCharCode(r);
    last = j + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}
