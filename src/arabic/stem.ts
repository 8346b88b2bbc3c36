/**
 * Light stemming, Larkey's light10 (Larkey, Ballesteros & Connell, "Light
 * Stemming for Arabic Information Retrieval", 2007) as Lucene's ArabicStemmer
 * implements it, over normalize()d input.
 *
 * One deliberate difference from Lucene: Lucene removes a single prefix from
 * [ال وال بال كال فال لل و], so "وبالمعارضة" keeps its بال. We follow the
 * paper: first و (3+ letters must remain), then one article (2+ must remain).
 * The suffix step matches Lucene exactly: each suffix in list order, at most
 * once, while 2+ letters remain. Lucene's list is ها ان ات ون ين يه ية ه ة ي;
 * after normalization ة is ه, so ية and ة can never match and are omitted.
 *
 * Additions, each a small rule or a lookup in a small list:
 * - protected proper nouns (see protected.ts) are returned as-is, also behind
 *   clitics: وإيران → ايران instead of light10's اير.
 * - ROOT_WAW: common news words whose initial و is a root letter. light10
 *   strips it only when the word is bare, so "وزير" → زير but "الوزير" → وزير
 *   and the two never match; and واحد would meet احد, وليد ليد. The list
 *   holds suffix-stripped forms.
 * - ROOT_ENDING: words whose final ان/ين/ون is part of the word, not a dual or
 *   plural ending: بيان is not بي, عشرين is not عشرة, قانون is not قان. The
 *   ending is kept; their own plurals and suffixes still reach them
 *   (البيانات → بيان, قانونية → قانون).
 * - ة-nouns that are other words than their form without ة (خطة is not خط)
 *   keep their ة: see feminine-nouns.ts.
 * - Listed broken plurals are stemmed as their singulars (أسعار as سعر):
 *   see broken-plurals.ts.
 * - A hamzated alef before ل (أل إل آل) is never the article, whose alef is a
 *   hamzat wasl and is never written with a hamza: إلهام is not ال+هام,
 *   ألمان is not ال+مان. normalize() folds the hamza away, so the analyzer
 *   passes what it saw in the original word (hamzatedAlAt(), below); such a
 *   word keeps its ال. A reader who types الهام without the hamza is served
 *   at query time (see src/search/expand.ts).
 * - The bare tanween alef (عاما for عاماً) is NOT stripped here: normalize()
 *   drops a final اً only when the fathatan is written, and a bare final ا is
 *   as often the word's own (دنيا, بابا, سينما, كاميرا). Whether it is tanween
 *   is decided at query time from the site's vocabulary (src/search/expand.ts:
 *   a definite word never carries tanween, so البابا occurring means the ا of
 *   بابا is the word's). hasTanweenShape() gives the letter conditions. The
 *   root-و check alone looks through a bare tanween alef (وقتا keeps its و).
 * - Bare proclitics ب ل ك ف on indefinite words (بقرار) are likewise left to
 *   the query side, which checks them against the site's vocabulary (بحث is
 *   not ب+حث: البحث occurs). This function stays a pure function of the word.
 */
import { normalize } from './normalize.js';
import { protectedForm } from './protected.js';
import { brokenPluralSingular } from './broken-plurals.js';
import { feminineNounStem } from './feminine-nouns.js';

const WAW = 0x0648;
const ALEF = 0x0627;
const HEH = 0x0647;
const YEH = 0x064a;

const ARTICLES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل'] as const;
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;

// Written normalized (ئ/ؤ → ء, ة → ه) and suffix-stripped: وزارة → وزاره → وزار.
export const ROOT_WAW: ReadonlySet<string> = new Set([
  'وزير', 'وزار', 'وزراء', 'وقت', 'وطن', 'وضع', 'ولا', 'وكال', 'وكيل', 'وفد', 'وفود',
  'وسط', 'وسيط', 'وساط', 'وثيق', 'وثاءق', 'وحد', 'وقف', 'وصول', 'وجود', 'واقع',
  'وساءل', 'وظيف', 'وظاءف', 'وقود', 'وفا', 'وزن', 'ورق', 'وعد', 'وصف', 'وجه', 'ولد',
  'واد', 'وقاءع',
  'وف', // وفيات (deaths): ات then ي leave وف; without this it stems to في
  // From common news vocabulary: one, Walid, runner-up, medal, rose/mentioned, arrival,
  // link, duty, facade/faced, means, epidemic, province (ولاية), clarity, clear, promises,
  // "about to" (وشك), deposits, deposit, prevention, abundance, meal, heir, will (وصية),
  // illusion, loyalty, beast, handsome, vessel, found, inherit, workshop, firm, accord,
  // dignity, access, glow.
  'واحد', 'وليد', 'وصيف', 'وسام', 'ورد', 'ورود', 'وصل', 'واجب', 'واجه', 'وسيل', 'وباء',
  'ولاي', 'وضوح', 'واضح', 'وعود', 'وشك', 'وداءع', 'وديع', 'وقاي', 'وفر', 'وجب', 'وريث',
  'وص', 'وهم', 'وفاء', 'ولاء', 'وحش', 'وسيم', 'وعاء', 'وجد', 'ورث', 'ورش', 'وطيد', 'وفاق',
  'وقار', 'ولوج', 'وهج',
]);

/**
 * Words whose final ان/ين/ون is part of the word (ordinary spelling, normalized
 * at load), and the form they keep: the nominative tens (عشرون) keep the
 * oblique form (عشرين) so that the two cases still meet.
 */
const ROOT_ENDING_SOURCE = `
بيان كيان مكان زمان برلمان ميدان إنسان عنوان فنان ديوان بستان إعلان طوفان سلطان لسان حيوان
طيران بركان ضمان عدوان إيمان أمان ائتمان برهان إدمان حرمان امتحان شيطان طغيان فيضان نسيان
إتقان إحسان بنيان إمكان رهان دخان أذان ميزان ألمان
قانون مليون زيتون صابون تلفزيون كانون فرعون ليمون طاعون مضمون زبون تعاون معاون مكون
تعيين تأمين تحسين تمكين تكوين تدشين تخزين تمرين تموين تشرين يمين يقين سجين أمين حنين سكين
ثمين حزين رهين مسكين مدين
عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين
`;
const TENS = ['عشرين', 'ثلاثين', 'اربعين', 'خمسين', 'ستين', 'سبعين', 'ثمانين', 'تسعين'];
export const ROOT_ENDING: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const w of ROOT_ENDING_SOURCE.split(/\s+/u)) {
    if (w === '') continue;
    const n = normalize(w);
    m.set(n, n);
    // the tens: عشرون → عشرين
    if (TENS.includes(n)) m.set(n.slice(0, -2) + 'ون', n);
  }
  return m;
})();

function stripSuffixes(word: string): string {
  let s = word;
  for (const suf of SUFFIXES) {
    if (s.length >= suf.length + 2 && s.endsWith(suf)) {
      if (suf === 'ان' || suf === 'ون' || suf === 'ين') {
        const kept = ROOT_ENDING.get(s);
        if (kept !== undefined) {
          s = kept;
          continue;
        }
      }
      s = s.slice(0, s.length - suf.length);
    }
  }
  return s;
}

/**
 * Could the final ا of `s` be a bare tanween alef? 3+ letters before it, not
 * after ه (ها is the pronoun: حياتها) and not in ايا (the broken plurals
 * قضايا, ضحايا). Only the letters: whether it is, is for the vocabulary.
 */
export function hasTanweenShape(s: string): boolean {
  const n = s.length;
  if (n < 4 || s.charCodeAt(n - 1) !== ALEF) return false;
  const before = s.charCodeAt(n - 2);
  if (before === HEH) return false;
  return !(before === YEH && s.charCodeAt(n - 3) === ALEF);
}

/** The endings light10 removes, after a possible bare tanween alef (for the root-و check only). */
function stripEndings(s: string): string {
  return stripSuffixes(hasTanweenShape(s) ? s.slice(0, -1) : s);
}

const HAMZA_ALEFS = new Set([0x0622, 0x0623, 0x0625]); // آ أ إ
const ONE_LETTER_CLITICS = new Set([0x0648, 0x0641, 0x0628, 0x0643, 0x0644]); // و ف ب ك ل
/** Harakat, Quranic marks, superscript alef and tatweel: what normalize() drops between letters. */
const isMark = (c: number) => (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;

/**
 * Where the original (un-normalized) word has a hamzated alef followed by ل:
 * 0 for أل/إل/آل at the start (إلهام), 1 behind one clitic letter و ف ب ك ل
 * (وإلهام, بألف), -1 otherwise. Marks and tatweel are skipped. Index 1 is
 * also the index in the normalized word, where the alef has lost its hamza.
 */
export function hamzatedAlAt(original: string): number {
  const letters: number[] = [];
  for (let i = 0; i < original.length && letters.length < 3; i++) {
    const c = original.charCodeAt(i);
    if (!isMark(c)) letters.push(c);
  }
  const al = (at: number) => HAMZA_ALEFS.has(letters[at] ?? 0) && letters[at + 1] === 0x0644;
  if (al(0)) return 0;
  if (ONE_LETTER_CLITICS.has(letters[0] ?? 0) && al(1)) return 1;
  return -1;
}

export interface StemOptions {
  /**
   * The word begins (at 0) or, behind one clitic letter, continues (at 1)
   * with a hamzated alef before ل in its original spelling: hamzatedAlAt()
   * of the original. That ال is part of the word and is kept.
   */
  hamzatedAl?: number;
  /**
   * The original word ends in a written ه, not ة (endsWithHeh()). Without an
   * article such a word is read as a noun and the pronoun ه (عمله, his work;
   * دوره, his role), not as a listed ة-noun spelled with ه (عملة, currency;
   * دورة, session): in edited text the pronoun is far more common, and a
   * definite word cannot carry it (الخطه is الخطة). A reader's query is served
   * both ways (src/search/expand.ts).
   */
  hehWritten?: boolean;
}

/** Does the original word end in ه (after any marks), as opposed to ة or another letter? */
export function endsWithHeh(original: string): boolean {
  for (let i = original.length - 1; i >= 0; i--) {
    const c = original.charCodeAt(i);
    // Presentation forms (ﻪ) are what NFKC makes ه; anything else is itself.
    if (!isMark(c)) return (c >= 0xfb50 ? String.fromCharCode(c).normalize('NFKC').charCodeAt(0) : c) === HEH;
  }
  return false;
}

/** Is the initial و of `s` the word's own: a listed root-و word, or a listed broken plural (وكلاء, وجوه)? */
function rootWaw(s: string): boolean {
  return ROOT_WAW.has(stripEndings(s)) || brokenPluralSingular(s, { hehWritten: true }) !== undefined;
}

/** `normalized` without the conjunction و, when light10's first step removes it (وقرار → قرار, not وزير). */
export function withoutConjunction(normalized: string): string {
  const s = normalized;
  if (s.length > 3 && s.charCodeAt(0) === WAW && !rootWaw(s) && protectedForm(s) !== s) return s.slice(1);
  return s;
}

export function lightStem(normalized: string, options: StemOptions = {}): string {
  return stem(normalized, options, true);
}

/** lightStem(), which follows a listed broken plural to its singular only when `plurals` (the singular is stemmed without). */
function stem(normalized: string, { hamzatedAl = -1, hehWritten = false }: StemOptions, plurals: boolean): string {
  const prot = protectedForm(normalized);
  // A protected name reached through a root و (ورقية is not و+رقية) does not count.
  if (prot !== undefined && !(prot !== normalized && normalized.charCodeAt(0) === WAW && ROOT_WAW.has(stripEndings(normalized)))) {
    return prot;
  }

  let s = normalized;
  let definite = false;
  if (hamzatedAl === 0 || hamzatedAl === 1) {
    // The clitic letter, if any, goes; the ال stays (see the header).
    if (hamzatedAl === 1 && s.length > 3) s = s.slice(1);
  } else {
    // light10 step 1: conjunction و, only if 3+ letters remain.
    if (s.length > 3 && s.charCodeAt(0) === WAW && !rootWaw(s)) s = s.slice(1);
    // light10 step 2: at most one article, only if 2+ letters remain.
    for (const art of ARTICLES) {
      if (s.length >= art.length + 2 && s.startsWith(art)) {
        s = s.slice(art.length);
        definite = true;
        break;
      }
    }
  }
  // A listed broken plural is stemmed as its singular is (أسعار → سعر).
  const singular = plurals ? brokenPluralSingular(s, { hehWritten }) : undefined;
  if (singular !== undefined) return stem(singular, {}, false);
  // A listed ة-noun keeps its ة in all its forms (خطة, خطات, خطته → خطه: not خط, "line").
  const feminine = feminineNounStem(s);
  if (feminine !== undefined && !(hehWritten && !definite && s === feminine)) return feminine;
  s = stripSuffixes(s);
  return s === '' ? normalized : s;
}
