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
 * Two additions, both lookups in small lists:
 * - protected proper nouns (see protected.ts) are returned as-is, also behind
 *   clitics: وإيران → ايران instead of light10's اير.
 * - ROOT_WAW: common news words whose initial و is a root letter. light10
 *   strips it only when the word is bare, so "وزير" → زير but "الوزير" → وزير
 *   and the two never match. The list holds suffix-stripped forms.
 */
import { protectedForm } from './protected.js';

const WAW = 0x0648;

const ARTICLES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل'] as const;
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;

// Written normalized (ئ/ؤ → ء, ة → ه) and suffix-stripped: وزارة → وزاره → وزار.
const ROOT_WAW: ReadonlySet<string> = new Set([
  'وزير', 'وزار', 'وزراء', 'وقت', 'وطن', 'وضع', 'ولا', 'وكال', 'وكيل', 'وفد', 'وفود',
  'وسط', 'وسيط', 'وساط', 'وثيق', 'وثاءق', 'وحد', 'وقف', 'وصول', 'وجود', 'واقع',
  'وساءل', 'وظيف', 'وظاءف', 'وقود', 'وفا', 'وزن', 'ورق', 'وعد', 'وصف', 'وجه', 'ولد',
  'واد', 'وقاءع',
  'وف', // وفيات (deaths): ات then ي leave وف; without this it stems to في
]);

function stripSuffixes(word: string): string {
  let s = word;
  for (const suf of SUFFIXES) {
    if (s.length >= suf.length + 2 && s.endsWith(suf)) s = s.slice(0, s.length - suf.length);
  }
  return s;
}

export function lightStem(normalized: string): string {
  const prot = protectedForm(normalized);
  if (prot !== undefined) return prot;

  let s = normalized;
  // light10 step 1: conjunction و, only if 3+ letters remain.
  if (s.length > 3 && s.charCodeAt(0) === WAW && !ROOT_WAW.has(stripSuffixes(s))) s = s.slice(1);
  // light10 step 2: at most one article, only if 2+ letters remain.
  for (const art of ARTICLES) {
    if (s.length >= art.length + 2 && s.startsWith(art)) {
      s = s.slice(art.length);
      break;
    }
  }
  s = stripSuffixes(s);
  return s === '' ? normalized : s;
}
