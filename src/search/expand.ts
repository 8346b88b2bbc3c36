/**
 * Query-time alternatives for a word: other index tokens that also count as
 * a match for it. Three kinds, both pure functions of the query (and, for the
 * others, of document frequencies the engine looks up in one batched query):
 *
 * 1. Spellings the index reads one way and a reader may mean another.
 *    A bare word written with a final ه (خطه) is indexed as a noun and the
 *    pronoun ه (خط, his line); it also matches the listed ة-noun it may be
 *    spelled for (خطة, plan: src/arabic/feminine-nouns.ts).
 *    The hamzated أل (see src/arabic/stem.ts). A word written إلهام keeps its
 *    ال in the index, so the reader who types الهام without the hamza would
 *    miss it: a query word that starts with a bare ال (or و ف ب ك + ال) also
 *    matches the stem it would have with the ال kept. A query word written
 *    with the hamza also matches its own exact (normalized) form, which is
 *    how the same word is indexed where a writer left the hamza out.
 *    parseQuery() adds these; expandQuery() keeps those the index holds.
 *
 * 2. Bare proclitics ب ل ك ف. light10 strips only و and the article forms,
 *    so بقرار, لقرار and قرار are three terms. A letter is stripped (or added)
 *    only where the site's own index says it is a clitic: for a whole word W
 *    = p + X (p one of ب ل ك ف),
 *      - X is a known word, in more articles than W (min(df, VOCAB_CAP) each),
 *      - W never takes the article: no article has ال+W (البحث occurs, so the
 *        ب of بحث is a root letter and بحث does not meet حث),
 *      - X has 3+ letters and is not a stop word.
 *    A query word that is such a W also matches X's stem and X's other
 *    accepted clitic forms; a bare query word X also matches each accepted
 *    pX (not a definite one: القرار does not seek بقرار, whose few articles
 *    would only crowd the ranking).
 *    (و is light10's own first step, with its root-و list, and is taken off
 *    before this is applied: وبقرار is treated as بقرار.)
 *
 * 3. The bare tanween alef (src/arabic/stem.ts leaves a bare final ا alone).
 *    عاما and عام (or عاماً) find each other when the vocabulary says the ا
 *    is tanween: the word without it is known and the form with it never
 *    takes the article (isTanween). بابا is not باب: البابا occurs.
 *
 * Bounds: alternatives only for single words (not phrase words), for the
 * first EXPAND_WORDS words of a query, at most MAX_ALTS per word; the
 * vocabulary lookup is one statement for all of them, and a second for the
 * rare comparison of two common words (lookupVocabulary). Every token is an
 * analysed index token (stemToken/normToken), so none can carry query syntax.
 */
import { endsWithHeh, hamzatedAlAt, hasTanweenShape, isProtected, isStopWord, lightStem, protectedForm, withoutConjunction } from '../arabic/index.js';
import { analyseWord, indexToken, normToken } from './analysis.js';
import type { ParsedQuery, QueryItem, QueryTerm } from './query.js';

/** The proclitics that light10 leaves on an indefinite word. */
export const CLITICS = ['ب', 'ل', 'ك', 'ف'] as const;
/** Document frequencies are counted up to this many articles (both engines alike). */
export const VOCAB_CAP = 2000;
/**
 * The first count stops here (lookupVocabulary): it decides every test but
 * a comparison of two words both this common, which alone are counted on.
 */
export const FIRST_CAP = 64;
/** Words of a query (must and not) given vocabulary alternatives. */
export const EXPAND_WORDS = 6;
/** Alternative tokens per word, at most. */
export const MAX_ALTS = 6;

/** Index token → number of articles holding it, at most VOCAB_CAP. Tokens not in the map count 0. */
export type DocFreqs = ReadonlyMap<string, number>;

const ARTICLE = 'ال';
const BARE_AL = /^[وفبك]?ال/u;

/**
 * Alternatives of kind 1 for a query word, from its original spelling and its
 * analysis. Empty for stop words.
 */
export function spellingAlternatives(surface: string, a: { norm: string; stemToken: string; normToken: string; stop: boolean }): string[] {
  if (a.stop) return [];
  const out: string[] = [];
  // A bare word written with a final ه (خطه) is indexed as a noun and the pronoun (his line);
  // a reader may mean the listed ة-noun (خطة, plan) spelled with ه.
  if (endsWithHeh(surface)) {
    const ta = indexToken(lightStem(a.norm, { hamzatedAl: hamzatedAlAt(surface) }));
    if (ta && ta !== a.stemToken) out.push(ta);
  }
  if (hamzatedAlAt(surface) >= 0) {
    if (a.normToken && a.normToken !== a.stemToken) out.push(a.normToken);
    return out;
  }
  const m = BARE_AL.exec(a.norm);
  if (!m || a.norm.length < 4) return out;
  const kept = indexToken(lightStem(a.norm, { hamzatedAl: m[0].length - 2 }));
  // Protected names keep their article in their stem (العراق): العراقية must not reach them this way.
  if (kept && kept !== a.stemToken && !isProtected(kept)) out.push(kept);
  return out;
}

interface Candidates {
  /** The word without a conjunction و and without an article (القرار → قرار: the forms بقرار, لقرار… are sought). */
  whole: string;
  /** The word less one clitic letter, when it has one to lose and no article (بقرار → قرار). */
  stripped: string | null;
  /** The word's ال is its own (a hamzated أل, see stem.ts): its forms are stemmed with the ال kept, and no clitic forms are sought. */
  hamzated: boolean;
  /** The word had an article form (ال بال لل…): its indefinite clitic forms (بقرار for القرار) are not sought. */
  article: boolean;
}

const ARTICLE_FORMS = /^(?:ال|بال|كال|فال|لل)/u;
const ARABIC_LETTERS = /^[\u0621-\u064A]+$/u;

function candidates(norm: string, surface: string): Candidates | null {
  if (isStopWord(norm) || !ARABIC_LETTERS.test(norm)) return null;
  const h = hamzatedAlAt(surface);
  if (h >= 0) {
    const whole = norm.slice(h);
    return whole.length >= 3 ? { whole, stripped: null, hamzated: true, article: false } : null;
  }
  let whole = withoutConjunction(norm);
  const article = ARTICLE_FORMS.exec(whole);
  if (article) whole = whole.slice(article[0].length);
  if (whole.length < 3 || whole.startsWith(ARTICLE)) return null;
  let stripped: string | null = null;
  const p = whole[0]!;
  if (!article && (CLITICS as readonly string[]).includes(p) && whole.length >= 4 && !whole.startsWith('لل')) {
    const x = whole.slice(1);
    if (!x.startsWith(ARTICLE) && !isStopWord(x)) stripped = x;
  }
  return { whole, stripped, hamzated: false, article: article !== null };
}

const termWords = (q: ParsedQuery): QueryTerm[] =>
  [...q.must, ...q.not]
    .filter((item: QueryItem) => item.kind === 'word' && !item.terms[0]!.stop)
    .slice(0, EXPAND_WORDS)
    .map((item) => item.terms[0]!);

/** The other spelling of `b` with or without a bare tanween alef, if its letters allow one. */
function tanweenPartner(b: string): { withAlef: string; without: string } | null {
  if (hasTanweenShape(b)) return { withAlef: b, without: b.slice(0, -1) };
  if (hasTanweenShape(b + 'ا')) return { withAlef: b + 'ا', without: b };
  return null;
}

/** The tokens whose document frequencies expandQuery() needs (norm tokens, and kind 1's stem tokens), without duplicates. */
export function vocabularyNeeds(q: ParsedQuery): string[] {
  const out = new Set<string>();
  const add = (w: string) => {
    const t = normToken(w);
    if (t) out.add(t);
  };
  const forms = (x: string) => {
    add(x);
    for (const p of CLITICS) {
      add(p + x);
      add(ARTICLE + p + x);
    }
  };
  for (const t of termWords(q)) {
    // Kind 1 is kept only where the index holds it (expandQuery): most bare-ال words have no
    // hamzated twin, and every alternative is one more term for BM25 to weigh on every match.
    for (const alt of t.alts) out.add(alt);
    const c = candidates(t.norm, t.surface);
    if (!c) continue;
    if (!c.hamzated && !c.article) forms(c.whole);
    else {
      add(c.whole);
      add(ARTICLE + c.whole);
    }
    if (c.stripped) forms(c.stripped);
    const tw = tanweenPartner(c.whole);
    if (tw) {
      for (const w of [tw.withAlef, tw.without]) {
        add(w);
        add(ARTICLE + w);
      }
    }
  }
  return [...out];
}

/**
 * The pairs of tokens expandQuery compares by frequency (isClitic): a word
 * without and with a clitic letter, as [rest, whole] norm tokens.
 */
export function vocabularyComparisons(q: ParsedQuery): [string, string][] {
  const out: [string, string][] = [];
  for (const t of termWords(q)) {
    const c = candidates(t.norm, t.surface);
    if (!c || c.hamzated) continue;
    if (c.stripped) out.push([normToken(c.stripped), normToken(c.whole)]);
    if (c.article) continue;
    for (const base of c.stripped ? [c.whole, c.stripped] : [c.whole]) {
      for (const p of CLITICS) out.push([normToken(base), normToken(p + base)]);
    }
  }
  return out.filter(([a, b]) => a && b);
}

/**
 * The document frequencies expandQuery needs for `q`, in two steps. Counting
 * a common word's articles up to VOCAB_CAP walks that many postings, and
 * most of the needed words are common (the query's own, with and without
 * the article): 1–2 ms a query at 100,000 articles. Every test but one only
 * asks whether a word occurs, or compares a common word with a rare one, so
 * the first count stops at FIRST_CAP; only the words of a comparison where
 * both reach it are counted again, up to VOCAB_CAP. The decisions are those
 * of one count up to VOCAB_CAP.
 */
export async function lookupVocabulary(
  q: ParsedQuery,
  count: (tokens: string[], cap: number) => Promise<Map<string, number>>,
): Promise<DocFreqs | null> {
  const needs = vocabularyNeeds(q);
  if (needs.length === 0) return null;
  const df = await count(needs, FIRST_CAP);
  const common = (t: string) => (df.get(t) ?? 0) >= FIRST_CAP;
  const close = new Set(vocabularyComparisons(q).filter(([a, b]) => common(a) && common(b)).flat());
  if (close.size > 0) for (const [t, n] of await count([...close], VOCAB_CAP)) df.set(t, n);
  return df;
}

const freq = (df: DocFreqs, w: string) => Math.min(df.get(normToken(w)) ?? 0, VOCAB_CAP);

/** Is the first letter of `whole` a clitic on `rest`, by the site's vocabulary? */
export function isClitic(whole: string, rest: string, df: DocFreqs): boolean {
  if (rest.length < 3 || isStopWord(rest) || isStopWord(whole)) return false;
  return freq(df, rest) > freq(df, whole) && freq(df, ARTICLE + whole) === 0;
}

/**
 * Is the final ا of `withAlef` a bare tanween alef on `without`, by the site's
 * vocabulary? The word without it is known (bare or with the article), and
 * the form with it never takes the article: a definite word has no tanween,
 * so البابا occurring means the ا of بابا is the word's own.
 */
export function isTanween(withAlef: string, without: string, df: DocFreqs): boolean {
  if (isStopWord(withAlef) || isStopWord(without) || protectedForm(withAlef) !== undefined) return false;
  return freq(df, without) + freq(df, ARTICLE + without) > 0 && freq(df, ARTICLE + withAlef) === 0;
}

/** The stem tokens a word's clitic forms and tanween spelling add (kinds 2 and 3), given the vocabulary. */
export function vocabularyAlternatives(norm: string, surface: string, df: DocFreqs): string[] {
  const c = candidates(norm, surface);
  if (!c) return [];
  const words: string[] = [];
  let base = c.whole;
  if (!c.hamzated) {
    if (c.stripped && isClitic(c.whole, c.stripped, df)) {
      base = c.stripped;
      words.push(base);
    }
    for (const p of c.article ? [] : CLITICS) {
      const w = p + base;
      if (w !== c.whole && freq(df, w) > 0 && isClitic(w, base, df)) words.push(w);
    }
  }
  const tw = tanweenPartner(c.whole);
  // عاما also finds عام (and عاماً, which normalize() makes عام); عام and عاماً find عاما
  // where an article has it.
  if (tw && isTanween(tw.withAlef, tw.without, df)) {
    const other = c.whole === tw.withAlef ? tw.without : tw.withAlef;
    if (freq(df, other) > 0 || other === tw.without) words.push(other);
  }
  const out: string[] = [];
  // The forms are normalized (ة is ه): give back the ة the reader wrote, which the stemmer reads (see stem.ts).
  const ta = !endsWithHeh(surface);
  for (const form of words) {
    const w = ta && form.endsWith('ه') ? form.slice(0, -1) + 'ة' : form;
    const a = analyseWord(w);
    if (a.stop) continue;
    const stem = c.hamzated ? indexToken(lightStem(form, { hamzatedAl: 0, hehWritten: !ta })) : a.stemToken;
    if (stem && !out.includes(stem)) out.push(stem);
  }
  return out;
}

/** The query with each word's vocabulary alternatives added (a new object; `q` is not changed). */
export function expandQuery(q: ParsedQuery, df: DocFreqs): ParsedQuery {
  const chosen = new Set(termWords(q));
  const expandItem = (item: QueryItem): QueryItem => {
    const t = item.terms[0]!;
    if (!chosen.has(t)) return item;
    const alts = t.alts.filter((a) => (df.get(a) ?? 0) > 0);
    for (const s of vocabularyAlternatives(t.norm, t.surface, df)) if (s !== t.stem && !alts.includes(s)) alts.push(s);
    return { ...item, terms: [{ ...t, alts: alts.slice(0, MAX_ALTS) }] };
  };
  return { ...q, must: q.must.map(expandItem), not: q.not.map(expandItem) };
}
