/**
 * The reader's query language, parsed without any engine in mind, and the
 * FTS5 MATCH expression built from the parse.
 *
 *   word word        every word must match (in any spelling the analyzer conflates)
 *   "a phrase"       the words in this order (« » “ ” work too); stop words count inside quotes
 *   -word -"phrase"  articles with it are left out
 *   #tag  -#tag      only articles with (without) the tag; _ stands for a space
 *
 * Stop words outside quotes are dropped and reported, unless the query has
 * nothing else, in which case they are searched for. Any input parses: an
 * unbalanced quote runs to the end, a lone - or # is ignored, and the FTS5
 * syntax characters ("*:^(){}+ and the words AND OR NOT NEAR) are ordinary
 * punctuation or words here. The MATCH expression is built only from
 * analysed tokens, each inside double quotes, and the tokens can hold no
 * ASCII punctuation (see indexToken), so nothing the reader types reaches
 * FTS5 as syntax; no column filter is used (stem and norm tokens differ by
 * construction, see analysis.ts).
 */
import { tokenize } from '../arabic/index.js';
import { tagKey, tagName } from '../content/tags.js';
import { analyseWord } from './analysis.js';
import { spellingAlternatives } from './expand.js';
import type { QuerySummary, SearchQuery } from './types.js';

/** Longer queries are refused (HTTP 400) by the routes; the parser cuts at this length. */
export const MAX_QUERY_LENGTH = 500;
/** At most this many words/phrases to match, and as many to exclude. */
export const MAX_ITEMS = 12;
export const MAX_PHRASE_WORDS = 12;
export const MAX_TAGS = 5;

export interface QueryTerm {
  surface: string;
  /** The normalized word (what normalizedQuery shows). */
  norm: string;
  /** The word's token in the stem columns (see stemToken). */
  stem: string;
  /** The word's token in the norm columns (see normToken). */
  normToken: string;
  stop: boolean;
  /**
   * Other index tokens that also count as this word (see expand.ts): the
   * ال-kept stem of a word typed without its hamza, the exact form of one
   * typed with it; and, once expandQuery() has seen the vocabulary, the stems
   * of its clitic forms. Used for single words only, not inside phrases.
   */
  alts: string[];
}

export interface QueryItem {
  kind: 'word' | 'phrase';
  terms: QueryTerm[];
}

export interface ParsedQuery {
  must: QueryItem[];
  not: QueryItem[];
  /** Tag names, as tagName() gives them. */
  tags: string[];
  notTags: string[];
  /** Stop words left out (outside quotes, or quoted phrases of nothing else). */
  dropped: string[];
  truncated: boolean;
}

const QUOTES = new Set(['"', '«', '»', '“', '”', '„', '‟', '″', '＂']);
const MINUS = new Set(['-', '−', '﹣', '－']);
const HASH = new Set(['#', '＃', '﹟']);
const isSpace = (c: string) => /\s/u.test(c);

function analyseTerms(text: string): QueryTerm[] {
  const out: QueryTerm[] = [];
  for (const t of tokenize(text)) {
    const a = analyseWord(t.text);
    if (!a.normToken || !a.stemToken) continue;
    out.push({ surface: t.text, norm: a.norm, stem: a.stemToken, normToken: a.normToken, stop: a.stop, alts: spellingAlternatives(t.text, a) });
  }
  return out;
}

const itemKey = (item: QueryItem) => item.terms.map((t) => t.stem).join(' ');

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { must: [], not: [], tags: [], notTags: [], dropped: [], truncated: false };
  let s = input;
  if (s.length > MAX_QUERY_LENGTH) {
    s = s.slice(0, MAX_QUERY_LENGTH);
    q.truncated = true;
  }
  const dropped = new Set<string>();
  const seen = { must: new Set<string>(), not: new Set<string>() };
  // Stop words outside quotes, kept aside in case they are all the query has.
  const onlyStops: QueryItem[] = [];

  const add = (negated: boolean, item: QueryItem) => {
    const list = negated ? q.not : q.must;
    const keys = negated ? seen.not : seen.must;
    const key = itemKey(item);
    if (keys.has(key)) return;
    if (list.length >= MAX_ITEMS) {
      q.truncated = true;
      return;
    }
    keys.add(key);
    list.push(item);
  };

  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    let negated = false;
    if (MINUS.has(c)) {
      negated = true;
      i++;
      if (i >= n) break;
      c = s[i]!;
      if (isSpace(c)) continue;
    }
    if (QUOTES.has(c)) {
      let end = i + 1;
      while (end < n && !QUOTES.has(s[end]!)) end++;
      let terms = analyseTerms(s.slice(i + 1, end));
      i = end + 1;
      if (terms.length === 0) continue;
      if (terms.length > MAX_PHRASE_WORDS) {
        terms = terms.slice(0, MAX_PHRASE_WORDS);
        q.truncated = true;
      }
      const item: QueryItem = { kind: terms.length === 1 ? 'word' : 'phrase', terms };
      if (terms.every((t) => t.stop)) {
        for (const t of terms) dropped.add(t.surface);
        if (!negated) onlyStops.push(item);
        continue;
      }
      add(negated, item);
      continue;
    }
    if (HASH.has(c)) {
      let end = i + 1;
      while (end < n && !isSpace(s[end]!)) end++;
      const name = tagName(s.slice(i + 1, end));
      i = end;
      if (!name) continue;
      const list = negated ? q.notTags : q.tags;
      if (list.includes(name)) continue;
      if (list.length >= MAX_TAGS) q.truncated = true;
      else list.push(name);
      continue;
    }
    let end = i;
    while (end < n && !isSpace(s[end]!) && !QUOTES.has(s[end]!)) end++;
    const chunk = s.slice(i, end);
    i = end;
    for (const t of analyseTerms(chunk)) {
      if (!t.stop) add(negated, { kind: 'word', terms: [t] });
      else {
        dropped.add(t.surface);
        if (!negated) onlyStops.push({ kind: 'word', terms: [t] });
      }
    }
  }
  if (q.must.length === 0 && q.tags.length === 0 && onlyStops.length > 0) {
    // Nothing but common words: search for them after all (a reader who
    // types only أكد or "لا" means it), rather than answer with nothing.
    for (const item of onlyStops) add(false, item);
    return q;
  }
  q.dropped = [...dropped];
  return q;
}

/** True when the query names something to match or filter by. */
export function hasCriteria(q: ParsedQuery): boolean {
  return q.must.length > 0 || q.tags.length > 0;
}

/** The searched words in their normalized spelling, phrases in quotes. */
export function normalizedQuery(q: ParsedQuery): string {
  const show = (item: QueryItem) => {
    const words = item.terms.map((t) => t.norm).join(' ');
    return item.kind === 'phrase' ? `"${words}"` : words;
  };
  return [...q.must.map(show), ...q.not.map((item) => `-${show(item)}`)].join(' ');
}

/** Tokens are stem or norm tokens: no ASCII punctuation, so no quote to escape. */
const phrase = (tokens: string[]) => `"${tokens.join(' ')}"`;

/**
 * A word matches its stem token or any of its alternatives (see expand.ts);
 * a phrase matches its stem tokens in order. Only the stem columns hold stem
 * tokens. The same words' norm tokens (only in the norm columns) are OR'd
 * in: that matches no more articles (equal norms have equal stems; a word's
 * exact form is among its alternatives where it is needed) but adds to the
 * BM25 score of the articles that use the reader's own form.
 */
function positive(item: QueryItem): string {
  if (item.kind === 'word') {
    const t = item.terms[0]!;
    return `(${[t.stem, ...t.alts.filter((a) => a !== t.normToken), t.normToken].map((x) => phrase([x])).join(' OR ')})`;
  }
  return `(${phrase(item.terms.map((t) => t.stem))} OR ${phrase(item.terms.map((t) => t.normToken))})`;
}

function negative(item: QueryItem): string {
  if (item.kind === 'word' && item.terms[0]!.alts.length > 0) {
    const t = item.terms[0]!;
    return `(${[t.stem, ...t.alts].map((x) => phrase([x])).join(' OR ')})`;
  }
  return phrase(item.terms.map((t) => t.stem));
}

/**
 * The MATCH expression: every item ('all') or any of them ('any', the
 * fallback), minus the exclusions. Null when there is nothing to match.
 * Without `exactBonus` it names only the stem tokens: the same articles,
 * half the doclists to read (for counting, and for scores nobody sorts by).
 */
export function matchExpression(q: ParsedQuery, mode: 'all' | 'any', { exactBonus = true } = {}): string | null {
  if (q.must.length === 0) return null;
  const joined = q.must.map(exactBonus ? positive : negative).join(mode === 'all' ? ' AND ' : ' OR ');
  const excluded = exclusionExpression(q);
  return excluded ? `(${joined}) NOT (${excluded})` : `(${joined})`;
}

/** True when some word to match has alternatives (see expand.ts). */
export function hasAlternatives(q: ParsedQuery): boolean {
  return q.must.some((item) => item.kind === 'word' && item.terms[0]!.alts.length > 0);
}

/** The query without the alternatives of its words to match: what they match by their own stems and forms. */
export function withoutAlternatives(q: ParsedQuery): ParsedQuery {
  const strip = (item: QueryItem): QueryItem => (item.kind === 'word' && item.terms[0]!.alts.length ? { ...item, terms: [{ ...item.terms[0]!, alts: [] }] } : item);
  return { ...q, must: q.must.map(strip) };
}

/**
 * The matches in two tiers, for ranking by BM25 (null when no word has
 * alternatives). BM25 weighs each alternative as a term of its own, so a
 * rare clitic form (لصلاح in two articles) would score far above the word
 * itself and lift the few articles that use it. So the articles that match
 * every word by its own stem or form come first, scored without the
 * alternatives ('first'); those found only through an alternative follow
 * ('rest'). Exclusions apply with their alternatives to both.
 */
export function tieredExpressions(q: ParsedQuery, mode: 'all' | 'any'): { first: string; rest: string } | null {
  if (q.must.length === 0 || !hasAlternatives(q)) return null;
  const join = mode === 'all' ? ' AND ' : ' OR ';
  const own = withoutAlternatives(q).must.map(positive).join(join);
  const all = q.must.map(positive).join(join);
  const excluded = exclusionExpression(q);
  const less = (e: string) => (excluded ? `(${e}) NOT (${excluded})` : `(${e})`);
  return { first: less(own), rest: less(`(${all}) NOT (${own})`) };
}

/** The exclusions alone, OR'd (for filtering a tag listing). Null when there are none. */
export function exclusionExpression(q: ParsedQuery): string | null {
  return q.not.length ? q.not.map(negative).join(' OR ') : null;
}


/** What both engines do before they touch an index: bound the page, parse, merge a tag filter, summarise. */
export interface SearchPlan {
  page: number;
  limit: number;
  parsed: ParsedQuery;
  summary: QuerySummary;
}

export function planSearch(query: SearchQuery, maxPage: number, maxLimit: number): SearchPlan {
  const page = Math.min(maxPage, Math.max(1, Math.floor(query.page ?? 1)));
  const limit = Math.min(maxLimit, Math.max(1, Math.floor(query.limit ?? 10)));
  const parsed = parseQuery(query.q ?? '');
  const extraTag = query.tag !== undefined ? tagName(query.tag) : '';
  if (extraTag && !parsed.tags.some((t) => tagKey(t) === tagKey(extraTag))) parsed.tags.push(extraTag);
  const summary: QuerySummary = {
    normalized: normalizedQuery(parsed),
    dropped: parsed.dropped,
    tags: parsed.tags,
    empty: parsed.must.length === 0 && parsed.tags.length === 0,
    truncated: parsed.truncated,
  };
  return { page, limit, parsed, summary };
}
