/**
 * Near-duplicates: MinHash over word shingles of the analysed text.
 *
 * A text becomes the set of its 3-word shingles, words taken as the
 * analysis chain's normalized forms (so spelling variants, harakat and
 * tatweel do not hide a copy) and stop words kept (a copy keeps them too).
 * The signature holds, for each of 128 seeded hash functions, the least
 * hash over the set; the share of positions where two signatures agree
 * estimates the Jaccard similarity of the two sets (standard error about
 * 0.04 at 0.5).
 *
 * Threshold: two articles are near-duplicates when the estimate is at
 * least NEAR_DUPLICATE_THRESHOLD = 0.5, that is when at least half of the
 * shingles of the two together are shared. Measured on the corpus by
 * scripts/eval-related.ts (ANT Corpus v2.1 subset, from which pairs sharing
 * 40% of their paragraphs had already been removed): a wire story
 * republished with a new headline, its last paragraph dropped and one word
 * in twenty dropped scores 0.59 at the 10th percentile and 0.70 at the
 * median (295 of 300 such copies reach 0.5); of the 8 million pairs of
 * distinct corpus articles, 4 reach 0.5 (the same report rewritten by one
 * outlet, or a wire story under two outlets' names), and the next ones,
 * 0.42–0.49, mix lightly rewritten wire copies with distinct stories that
 * share a paragraph of background. Below 0.5 an article is a follow-up or a
 * different report, and may be linked.
 */
import { normalize, tokenize } from '../arabic/index.js';

export const SHINGLE_WORDS = 3;
export const SIGNATURE_SIZE = 128;
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

export type Signature = Uint32Array;

/** murmur3's 32-bit finalizer: a fast, well-mixed hash of a 32-bit value. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 code units. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h >>> 0);
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

/** The hashes of a text's shingles (a set: duplicates removed). */
export function shingles(text: string): Set<number> {
  const words = tokenize(text).map((t) => normalize(t.text));
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length) out.add(hashString(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(hashString(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

export function signatureOf(text: string): Signature {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingles(text)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** The estimated Jaccard similarity of the two shingle sets. */
export function similarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

export function isNearDuplicate(a: Signature, b: Signature): boolean {
  return similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD;
}

/** The text a signature is taken over: headline and body. */
export function duplicateText(article: { title: string; body: string }): string {
  return `${article.title}\n${article.body}`;
}

export function toBytes(sig: Signature): Uint8Array {
  return new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function fromBytes(bytes: Uint8Array): Signature {
  // Copied: a driver's buffer may not be 4-byte aligned.
  return new Uint32Array(Uint8Array.from(bytes).buffer);
}

/**
 * Locality-sensitive hashing over a set of signatures held in memory (an
 * import batch): 42 bands of 3 rows, so that a pair at the threshold (0.5)
 * shares a band with probability 0.996 and a pair at 0.05 with 0.005.
 * Candidates are then checked against the whole signature.
 */
export class BandIndex {
  static readonly ROWS = 3;
  static readonly BANDS = Math.floor(SIGNATURE_SIZE / BandIndex.ROWS);
  private readonly buckets = new Map<string, number[]>();

  private keys(sig: Signature): string[] {
    const out: string[] = [];
    for (let b = 0; b < BandIndex.BANDS; b++) {
      const i = b * BandIndex.ROWS;
      out.push(`${b}:${sig[i]}:${sig[i + 1]}:${sig[i + 2]}`);
    }
    return out;
  }

  /** Keys already added that share a band with `sig`. */
  candidates(sig: Signature): Set<number> {
    const out = new Set<number>();
    for (const k of this.keys(sig)) for (const id of this.buckets.get(k) ?? []) out.add(id);
    return out;
  }

  add(key: number, sig: Signature): void {
    for (const k of this.keys(sig)) {
      const bucket = this.buckets.get(k);
      if (bucket) bucket.push(key);
      else this.buckets.set(k, [key]);
    }
  }
}
