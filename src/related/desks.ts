/**
 * Which desks an article belongs to: the share of its desk words
 * (desk-lexicon.ts) that each desk holds, so that a sports story and a
 * political story that name the same country do not pass for one story, and
 * two economy stories about different companies still count as neighbours.
 *
 * The words of the lexicon go through the analysis chain once; an article's
 * analysed bag (profile.ts: stems, field-weighted counts) gives each desk
 * 1 + log(count) for every stem of its list the article uses, a stem on two
 * lists counting half on each; the shares are those scores over their sum.
 * An article with no desk word has no shares and no agreement with anyone.
 *
 * The engine adds DESK_WEIGHT × the agreement of two articles' shares (their
 * dot product: 1 when both are wholly one desk's, 0 when they share no desk),
 * and TOPIC_DESK_WEIGHT × the agreement of their affinities to the desks in
 * the topic space (below). Measured on the evaluation corpus (BENCHMARKS.md
 * "Related").
 */
import { analyzeWord } from '../arabic/index.js';
import { DESKS, type Desk } from './desk-lexicon.js';

/** One share per desk, in DESKS' order; they sum to 1. */
export type DeskShares = Float32Array;

/** stem → the desks (indexes into DESKS) whose lists hold it. */
function buildLexicon(): Map<string, number[]> {
  const lexicon = new Map<string, number[]>();
  DESKS.forEach((desk, d) => {
    for (const word of desk.words.split(/\s+/)) {
      if (!word) continue;
      const { stem, stop } = analyzeWord(word);
      if (stop) continue;
      const desks = lexicon.get(stem) ?? [];
      if (!desks.includes(d)) desks.push(d);
      lexicon.set(stem, desks);
    }
  });
  return lexicon;
}

let lexicon: Map<string, number[]> | undefined;

/** The desk shares of an analysed bag (stem → field-weighted count); null when it has no desk word. */
export function deskShares(bag: ReadonlyMap<string, number>): DeskShares | null {
  lexicon ??= buildLexicon();
  const scores = new Float32Array(DESKS.length);
  let sum = 0;
  for (const [stem, count] of bag) {
    const desks = lexicon.get(stem);
    if (!desks || count <= 0) continue;
    const share = (1 + Math.log(count)) / desks.length;
    for (const d of desks) scores[d]! += share;
    sum += share * desks.length;
  }
  if (sum === 0) return null;
  for (let d = 0; d < scores.length; d++) scores[d]! /= sum;
  return scores;
}

/** How much two articles are the same desks' stories: the dot product of their shares, 0 to 1. */
export function deskAgreement(a: DeskShares, b: DeskShares): number {
  let s = 0;
  for (let d = 0; d < a.length && d < b.length; d++) s += a[d]! * b[d]!;
  return s;
}

/** The desk holding the largest share (the first on a tie). */
function largest(shares: DeskShares): number {
  let best = 0;
  for (let d = 1; d < shares.length; d++) if (shares[d]! > shares[best]!) best = d;
  return best;
}

/** The desk with the largest share, when one holds at least `least` of them. */
export function mainDesk(shares: DeskShares | null, least = 0.4): Desk | null {
  if (!shares) return null;
  const best = largest(shares);
  return shares[best]! >= least ? DESKS[best]! : null;
}

/**
 * The desks in the topic space (topics.ts): each desk's centroid is the
 * mean direction of the topic vectors of the articles it holds most of, so
 * that an article whose own words name no desk, or name one weakly, is
 * placed by the company it keeps (a story of a company's results that never
 * says "اقتصاد" sits among the economy desk's stories). Trained with the
 * topic space; an article's affinities are a softmax of its topic vector's
 * cosines to the centroids at DESK_TEMPERATURE, compared like the shares.
 */
export const DESK_TEMPERATURE = 0.05;

/** One centroid a desk, in DESKS' order (unit length); null for a desk no article holds most of. */
export type DeskCentroids = (Float32Array | null)[];

/** Centroids from the articles' topic vectors (rows of `dims`, unit length or zero) and their desk shares. */
export function deskCentroids(topics: Float32Array, shares: (DeskShares | null)[], dims: number): DeskCentroids {
  const sums = DESKS.map(() => new Float64Array(dims));
  shares.forEach((s, i) => {
    if (!s) return;
    const sum = sums[largest(s)]!;
    for (let c = 0; c < dims; c++) sum[c]! += topics[i * dims + c]!;
  });
  return sums.map((sum) => {
    const norm = Math.sqrt(sum.reduce((a, x) => a + x * x, 0));
    return norm > 0 ? Float32Array.from(sum, (x) => x / norm) : null;
  });
}

/** An article's affinities to the desks from its topic vector; null without centroids. */
export function topicDeskShares(topic: Float32Array, centroids: DeskCentroids): DeskShares | null {
  const cosines = centroids.map((c) => {
    if (!c) return -Infinity;
    let s = 0;
    for (let k = 0; k < c.length && k < topic.length; k++) s += c[k]! * topic[k]!;
    return s;
  });
  const top = Math.max(...cosines);
  if (top === -Infinity) return null;
  const out = Float32Array.from(cosines, (x) => Math.exp((x - top) / DESK_TEMPERATURE));
  const sum = out.reduce((a, x) => a + x, 0);
  for (let d = 0; d < out.length; d++) out[d]! /= sum;
  return out;
}
