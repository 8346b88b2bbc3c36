/**
 * Snippets and highlights, computed from the original text for the page of
 * results only: the text is analysed again, the words whose stem (or exact
 * form) the query asked for are found, the densest window of ~30 words is
 * chosen, and the ORIGINAL words of that window — vocalized, with their
 * tatweel and clitics — are wrapped in <mark>. Everything else is escaped.
 */
import { analyseText, type SearchToken } from './analysis.js';
import type { ParsedQuery } from './query.js';

export interface Highlighter {
  /** Stem-column tokens of the query's words. */
  stems: Set<string>;
  /** Phrases, as stem sequences: every word of an occurrence is marked, stop words included. */
  phrases: string[][];
  /** A word's alternative tokens (stem or exact-form tokens, see expand.ts) → the word's stem token. */
  alts: Map<string, string>;
}

export function highlighterFor(q: ParsedQuery): Highlighter {
  const stems = new Set<string>();
  const phrases: string[][] = [];
  const alts = new Map<string, string>();
  for (const item of q.must) {
    if (item.kind === 'phrase') phrases.push(item.terms.map((t) => t.stem));
    else {
      const t = item.terms[0]!;
      stems.add(t.stem);
      for (const a of t.alts) if (!alts.has(a)) alts.set(a, t.stem);
    }
  }
  return { stems, phrases, alts };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);


/** For each token, the index of the query word or phrase it matches, or -1. */
function matches(tokens: SearchToken[], hl: Highlighter): number[] {
  const out = new Array<number>(tokens.length).fill(-1);
  if (hl.stems.size === 0 && hl.phrases.length === 0) return out;
  const stems = tokens.map((t) => t.word.stemToken);
  const ids = new Map([...hl.stems].map((s, i) => [s, i]));
  for (let i = 0; i < tokens.length; i++) {
    let id = ids.get(stems[i]!);
    if (id === undefined && hl.alts.size > 0) {
      const via = hl.alts.get(stems[i]!) ?? hl.alts.get(tokens[i]!.word.normToken);
      if (via !== undefined) id = ids.get(via);
    }
    if (id !== undefined) out[i] = id;
  }
  hl.phrases.forEach((p, k) => {
    if (p.length === 0) return;
    for (let i = 0; i + p.length <= tokens.length; i++) {
      let j = 0;
      while (j < p.length && stems[i + j] === p[j]) j++;
      if (j === p.length) for (j = 0; j < p.length; j++) out[i + j] = ids.size + k;
    }
  });
  return out;
}

/** Escaped text of tokens [from, to), matched tokens in <mark>. */
function render(text: string, tokens: SearchToken[], marks: number[], from: number, to: number): string {
  let out = '';
  let pos = tokens[from]!.start;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    out += escapeHtml(text.slice(pos, t.start).replace(/\s+/g, ' '));
    out += marks[i]! >= 0 ? `<mark>${escapeHtml(t.surface)}</mark>` : escapeHtml(t.surface);
    pos = t.end;
  }
  return out;
}

export interface SnippetOptions {
  /** Words in the window. */
  words?: number;
  /** Words shown before the first match of the window. */
  lead?: number;
}

/** The window [start, start + words) around the best cluster: the most distinct query items, then the most matches, then the earliest. */
function bestWindow(marks: number[], words: number, lead: number): { start: number; distinct: number } {
  let best = -1;
  let bestDistinct = 0;
  let bestCount = 0;
  const n = marks.length;
  for (let i = 0; i < n; i++) {
    if (marks[i]! < 0 || (i > 0 && marks[i - 1] === marks[i])) continue;
    const start = Math.max(0, Math.min(i - lead, n - words));
    const end = Math.min(n, start + words);
    const distinct = new Set<number>();
    let count = 0;
    for (let j = start; j < end; j++) {
      if (marks[j]! >= 0) {
        distinct.add(marks[j]!);
        count++;
      }
    }
    if (distinct.size > bestDistinct || (distinct.size === bestDistinct && count > bestCount)) {
      best = start;
      bestDistinct = distinct.size;
      bestCount = count;
    }
  }
  return { start: best, distinct: bestDistinct };
}

/**
 * The best window of `text` as HTML, or null when no word of it matches.
 * Best: the most distinct query words and phrases, then the most matches,
 * then the earliest. The text is analysed a line (paragraph) at a time, and
 * no further once a window holds every query word: most snippets need only
 * the first paragraphs of a long article.
 */
export function snippet(text: string, hl: Highlighter, { words = 30, lead = 4 }: SnippetOptions = {}): string | null {
  const wanted = hl.stems.size + hl.phrases.length;
  const tokens: SearchToken[] = [];
  const marks: number[] = [];
  let window = { start: -1, distinct: 0 };
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const before = tokens.length;
    analyseText(text, from, to, tokens);
    from = to + 1;
    const added = matches(tokens.slice(before), hl);
    for (const m of added) marks.push(m);
    if (added.some((m) => m >= 0) || (window.start >= 0 && tokens.length < window.start + words + 1)) {
      window = bestWindow(marks, words, lead);
    }
    // Stop once a window has every query item and the words that follow it are read.
    if (window.distinct === wanted && tokens.length > window.start + words) break;
  }
  if (window.start < 0) return null;
  const best = window.start;
  const end = Math.min(tokens.length, best + words);
  const more = end < tokens.length || /[\p{L}\p{N}]/u.test(text.slice(tokens[end - 1]!.end));
  const before = best > 0 ? '… ' : escapeHtml(text.slice(0, tokens[0]!.start).trimStart());
  const after = more ? ' …' : escapeHtml(text.slice(tokens[end - 1]!.end).trimEnd());
  return before + render(text, tokens, marks, best, end) + after;
}

/** The whole text as HTML with every match marked (for titles). */
export function highlight(text: string, hl: Highlighter): string {
  const tokens = analyseText(text);
  if (tokens.length === 0) return escapeHtml(text);
  const marks = matches(tokens, hl);
  return escapeHtml(text.slice(0, tokens[0]!.start)) + render(text, tokens, marks, 0, tokens.length) + escapeHtml(text.slice(tokens[tokens.length - 1]!.end));
}

/** The first `words` words of a text, escaped: the snippet of an article that matched only by tag. */
export function leadWords(text: string, words = 30): string {
  const tokens = analyseText(text);
  if (tokens.length <= words) return escapeHtml(text);
  return escapeHtml(text.slice(0, tokens[words - 1]!.end)) + ' …';
}
