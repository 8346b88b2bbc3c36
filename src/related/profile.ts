/**
 * An article's term profile: what the related-news engine compares.
 *
 * Words go through the analysis chain (tokenize → normalize → stop word →
 * light stem); stop words, one-letter stems and bare numbers are dropped.
 * Each occurrence counts by the field it is in (the headline and the
 * description count more than the body), and every gazetteer entity the
 * text names adds one feature of its own ("@الأمم المتحده"), so that a
 * multi-word name or a name's other spellings (ترامب, ترمب) count as one
 * shared thing.
 *
 * Weights are BM25's (saturating term frequency, length normalization,
 * inverse document frequency over the whole collection), and a profile is
 * scaled to unit length so that the dot product of two is their cosine.
 */
import { analyzeWord, tokenize } from '../arabic/index.js';
import { matchEntities } from './entities.js';
import type { GazetteerEntry } from './gazetteer.js';

/**
 * What a stored profile holds besides the analysis, as a version: a change
 * rebuilds the related data of a database made before (store/part-versions.ts).
 * 1: terms, entities, topics; 2: desk shares (desks.ts).
 */
export const PROFILE_VERSION = 2;

/** How much one occurrence counts, by field. */
export const FIELD_WEIGHTS = { title: 2, description: 1, body: 1 } as const;
/** An entity feature counts this much per mention, on top of its words. */
export const ENTITY_WEIGHT = 0.5;
/** BM25's term-frequency saturation and length normalization. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** The prefix of entity features in a profile. */
export const ENTITY_PREFIX = '@';

export interface ArticleText {
  title: string;
  description?: string;
  /** Markdown or plain text. */
  body: string;
}

export interface Analysis {
  /** term → field-weighted count. */
  bag: Map<string, number>;
  /** The sum of the bag: the document's length for BM25. */
  length: number;
  /** Entity name → mentions. */
  entities: Map<string, number>;
  /** The entries themselves, by name. */
  entries: Map<string, GazetteerEntry>;
  /** stem → surface form → count, when asked for (suggestions show words as written). */
  surfaces?: Map<string, Map<string, number>>;
}

export interface CollectionStats {
  docs: number;
  avgLength: number;
}

/** A weighted profile: [term, weight] pairs, unit length, strongest first. */
export type Vector = [string, number][];

const URL = /\bhttps?:\/\/\S+|\]\([^)]*\)/g;

/** A word worth comparing: not a stop word, two letters or more, not a bare number. */
function keep(stem: string, stop: boolean): boolean {
  return !stop && stem.length >= 2 && !/^\d+$/.test(stem);
}

/** Adds one field's words and entities to an analysis. */
export function addField(into: Analysis, text: string, weight: number): void {
  const norms: string[] = [];
  for (const t of tokenize(text.replace(URL, ' '))) {
    const a = analyzeWord(t.text);
    norms.push(a.norm);
    if (!keep(a.stem, a.stop)) continue;
    into.bag.set(a.stem, (into.bag.get(a.stem) ?? 0) + weight);
    into.length += weight;
    if (into.surfaces) {
      let forms = into.surfaces.get(a.stem);
      if (!forms) into.surfaces.set(a.stem, (forms = new Map()));
      forms.set(t.text, (forms.get(t.text) ?? 0) + 1);
    }
  }
  for (const m of matchEntities(norms)) {
    const name = m.entry.name;
    into.entities.set(name, (into.entities.get(name) ?? 0) + 1);
    into.entries.set(name, m.entry);
    const feature = entityFeature(name);
    into.bag.set(feature, (into.bag.get(feature) ?? 0) + weight * ENTITY_WEIGHT);
    into.length += weight * ENTITY_WEIGHT;
  }
}

export function emptyAnalysis(surfaces = false): Analysis {
  return { bag: new Map(), length: 0, entities: new Map(), entries: new Map(), ...(surfaces ? { surfaces: new Map() } : {}) };
}

export function analyseArticle(article: ArticleText, options: { surfaces?: boolean } = {}): Analysis {
  const a = emptyAnalysis(options.surfaces);
  addField(a, article.title, FIELD_WEIGHTS.title);
  if (article.description) addField(a, article.description, FIELD_WEIGHTS.description);
  addField(a, article.body, FIELD_WEIGHTS.body);
  return a;
}

/** The profile feature of an entity: its name, normalized, behind "@". */
export function entityFeature(name: string): string {
  return ENTITY_PREFIX + tokenize(name).map((t) => analyzeWord(t.text).norm).join(' ');
}

/** BM25's inverse document frequency (never negative). */
export function idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/**
 * BM25 weights for a bag, scaled to unit length, strongest first. `df`
 * gives a term's document frequency (at least 1: the document itself).
 */
export function weigh(bag: Map<string, number>, length: number, stats: CollectionStats, df: (term: string) => number): Vector {
  const { k1, b } = BM25;
  const norm = 1 - b + (b * length) / (stats.avgLength || length || 1);
  const out: Vector = [];
  let sum = 0;
  for (const [term, f] of bag) {
    const w = ((f * (k1 + 1)) / (f + k1 * norm)) * idf(Math.max(1, df(term)), Math.max(stats.docs, 1));
    if (w <= 0) continue;
    out.push([term, w]);
    sum += w * w;
  }
  const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  for (const pair of out) pair[1] *= scale;
  return out.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

/**
 * A profile as stored: the terms and, apart, their weights (float32),
 * strongest first. Reading a hundred of these is the engine's main cost, so
 * they are kept compact and cheap to decode.
 */
export interface StoredVector {
  terms: string[];
  weights: Float32Array;
}

export function packVector(v: Vector): StoredVector {
  return { terms: v.map(([t]) => t), weights: Float32Array.from(v, ([, w]) => w) };
}

/** The dot product of two profiles, one given as a map. */
export function dot(a: Map<string, number>, b: StoredVector): number {
  let s = 0;
  for (let i = 0; i < b.terms.length; i++) {
    const x = a.get(b.terms[i]!);
    if (x !== undefined) s += x * b.weights[i]!;
  }
  return s;
}

export function vectorMap(v: StoredVector): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < v.terms.length; i++) m.set(v.terms[i]!, v.weights[i]!);
  return m;
}
