/**
 * The topic space: latent semantic analysis of the collection, so that two
 * articles on one subject score as similar even when they share few exact
 * words (a match report and a transfer story; two stories of a company's
 * results).
 *
 * The profiles (unit BM25 vectors, one row per article, restricted to the
 * VOCABULARY most frequent terms) form a sparse matrix X; a randomized
 * truncated SVD (Halko, Martinsson & Tropp 2011: a Gaussian sketch, two
 * power iterations, the small problem solved by Jacobi) gives X ≈ U Σ Vᵀ
 * with DIMENSIONS columns. Each term keeps its row of V; an article's topic
 * vector is the sum of its terms' rows weighted by its profile (= its row
 * of U Σ, and the fold-in for an article added later), scaled to unit
 * length. The engine adds TOPIC_WEIGHT × the cosine of topic vectors to a
 * pair's score.
 *
 * The model is trained when the collection reaches MIN_DOCUMENTS published
 * articles and again whenever it has doubled since, so training costs a
 * constant amount per article in the long run; articles between trainings
 * are folded in. Smaller collections have no topic space. An editor's save
 * never waits for a training (trainTopicsLater); a bulk import and a
 * rebuild, which are batch jobs, train in line before they link, so that
 * their links use the new space.
 */
import { Worker } from 'node:worker_threads';
import { deskCentroids, type DeskShares } from './desks.js';
import type { RelatedStore } from './types.js';
import type { Vector } from './profile.js';

export const DIMENSIONS = 64;
export const VOCABULARY = 50_000;
export const MIN_DOCUMENTS = 300;
const OVERSAMPLING = 8;
const POWER_ITERATIONS = 2;
const SEED = 0x5eed;

export type TopicVector = Float32Array;

/** A seeded normal generator (mulberry32 + Box–Muller): training is reproducible. */
function gaussian(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Sparse rows: documents × vocabulary. */
export interface Csr {
  rows: number;
  cols: number;
  start: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

/** Y (rows × l) = X · M (cols × l), dense row-major. */
function times(x: Csr, m: Float64Array, l: number): Float64Array {
  const y = new Float64Array(x.rows * l);
  for (let i = 0; i < x.rows; i++) {
    const yi = i * l;
    for (let p = x.start[i]!; p < x.start[i + 1]!; p++) {
      const v = x.value[p]!;
      const mj = x.index[p]! * l;
      for (let c = 0; c < l; c++) y[yi + c]! += v * m[mj + c]!;
    }
  }
  return y;
}

/** Z (cols × l) = Xᵀ · Y (rows × l). */
function transposeTimes(x: Csr, y: Float64Array, l: number): Float64Array {
  const z = new Float64Array(x.cols * l);
  for (let i = 0; i < x.rows; i++) {
    const yi = i * l;
    for (let p = x.start[i]!; p < x.start[i + 1]!; p++) {
      const v = x.value[p]!;
      const zj = x.index[p]! * l;
      for (let c = 0; c < l; c++) z[zj + c]! += v * y[yi + c]!;
    }
  }
  return z;
}

/** Orthonormalizes the columns of a row-major (n × l) matrix in place (modified Gram–Schmidt). */
function orthonormalize(a: Float64Array, n: number, l: number): void {
  for (let c = 0; c < l; c++) {
    for (let prev = 0; prev < c; prev++) {
      let d = 0;
      for (let r = 0; r < n; r++) d += a[r * l + c]! * a[r * l + prev]!;
      for (let r = 0; r < n; r++) a[r * l + c]! -= d * a[r * l + prev]!;
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += a[r * l + c]! ** 2;
    norm = Math.sqrt(norm);
    for (let r = 0; r < n; r++) a[r * l + c] = norm > 1e-12 ? a[r * l + c]! / norm : 0;
  }
}

/** Eigenvalues and eigenvectors (columns of v, row-major l × l) of a symmetric matrix, by cyclic Jacobi. */
function symmetricEigen(g: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(g);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i]!;
  return { values, vectors: v };
}

/**
 * The term rows of V (cols × k, row-major) of a rank-k truncated SVD of X,
 * by a randomized range finder.
 */
export function truncatedSvd(x: Csr, k: number): Float64Array {
  const l = Math.min(k + OVERSAMPLING, x.cols, x.rows);
  const normal = gaussian(SEED);
  const omega = new Float64Array(x.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = normal();
  let y = times(x, omega, l);
  for (let it = 0; it < POWER_ITERATIONS; it++) {
    orthonormalize(y, x.rows, l);
    const z = transposeTimes(x, y, l);
    orthonormalize(z, x.cols, l);
    y = times(x, z, l);
  }
  orthonormalize(y, x.rows, l);
  const bt = transposeTimes(x, y, l); // Bᵀ = Xᵀ Q, cols × l
  const g = new Float64Array(l * l); // B Bᵀ = (Bᵀ)ᵀ Bᵀ
  for (let j = 0; j < x.cols; j++) {
    const r = j * l;
    for (let p = 0; p < l; p++) {
      const bp = bt[r + p]!;
      if (bp === 0) continue;
      for (let q = p; q < l; q++) g[p * l + q]! += bp * bt[r + q]!;
    }
  }
  for (let p = 0; p < l; p++) for (let q = 0; q < p; q++) g[p * l + q] = g[q * l + p]!;
  const { values, vectors } = symmetricEigen(g, l);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, Math.min(k, l));
  // V = Bᵀ W Σ⁻¹, for the k largest.
  const v = new Float64Array(x.cols * k);
  order.forEach((e, c) => {
    const sigma = Math.sqrt(Math.max(values[e]!, 0));
    if (sigma < 1e-12) return;
    for (let j = 0; j < x.cols; j++) {
      let s = 0;
      for (let p = 0; p < l; p++) s += bt[j * l + p]! * vectors[p * l + e]!;
      v[j * k + c] = s / sigma;
    }
  });
  return v;
}

/** An article's topic vector from its profile and the term rows; null when no term is in the vocabulary. */
export function topicVector(profile: Vector, terms: Map<string, TopicVector>): TopicVector | null {
  const out = new Float64Array(DIMENSIONS);
  let found = false;
  for (const [term, w] of profile) {
    const row = terms.get(term);
    if (!row) continue;
    found = true;
    for (let c = 0; c < DIMENSIONS; c++) out[c]! += w * row[c]!;
  }
  let norm = 0;
  for (const x of out) norm += x * x;
  if (!found || norm === 0) return null;
  const scale = 1 / Math.sqrt(norm);
  return Float32Array.from(out, (x) => x * scale);
}

export function topicCosine(a: TopicVector, b: TopicVector): number {
  let s = 0;
  for (let c = 0; c < DIMENSIONS; c++) s += a[c]! * b[c]!;
  return s;
}

/** Whether the collection has grown enough for a (new) topic space: see above. */
export async function topicsDue(index: RelatedStore): Promise<boolean> {
  const { docs } = await index.stats();
  const trained = await index.topicModelSize();
  return docs >= MIN_DOCUMENTS && (trained === null || docs >= 2 * trained);
}

/** Trains the topic space when the collection has grown enough (see above); returns whether it did. */
export async function maybeTrainTopics(index: RelatedStore, options: { thread?: boolean } = {}): Promise<boolean> {
  if (!(await topicsDue(index))) return false;
  await trainTopics(index, options);
  return true;
}

/** Trainings started by trainTopicsLater, by store: at most one at a time each. */
const pending = new WeakMap<RelatedStore, Promise<boolean>>();

/**
 * Trains the topic space after the current save, when it is due, without
 * the save waiting for it: a save returns once its own links are stored,
 * and the training (seconds at 100,000 articles) runs after, in the
 * background, once per store at a time, its computation on a worker thread
 * (reading the profiles and writing the space stay on this one). Articles saved meanwhile are
 * folded into the old space; the new vectors serve the links picked after
 * it is written (`sahifa reindex --related` relinks everything at once).
 * A failed training is reported and retried at a later save.
 */
export function trainTopicsLater(index: RelatedStore): Promise<boolean> {
  const running = pending.get(index);
  if (running) return running;
  const training = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => maybeTrainTopics(index, { thread: true }))
    .catch((err: unknown) => {
      console.error(`sahifa: training the related-news topic space failed: ${(err as Error).message}`);
      return false;
    })
    .finally(() => pending.delete(index));
  pending.set(index, training);
  return training;
}

/** The training trainTopicsLater started for a store and has not finished, if any (a store's close() waits for it). */
export function topicTraining(index: RelatedStore): Promise<boolean> | undefined {
  return pending.get(index);
}

/**
 * Trains the topic space over every profile, gives every article its topic
 * vector and places the desks in it (desks.ts deskCentroids); with
 * `thread`, the computation runs on a worker thread.
 */
export async function trainTopics(index: RelatedStore, options: { thread?: boolean } = {}): Promise<void> {
  const vocabulary = await index.commonTerms(VOCABULARY);
  const column = new Map(vocabulary.map((t, i) => [t, i]));
  const ids: number[] = [];
  const desks: (DeskShares | null)[] = [];
  const start: number[] = [0];
  const cols: number[] = [];
  const vals: number[] = [];
  await index.eachProfile((id, vector, shares) => {
    ids.push(id);
    desks.push(shares);
    vector.terms.forEach((t, i) => {
      const c = column.get(t);
      if (c === undefined) return;
      cols.push(c);
      vals.push(vector.weights[i]!);
    });
    start.push(cols.length);
  });
  if (ids.length < 2 || vocabulary.length < DIMENSIONS) return;
  const x: Csr = { rows: ids.length, cols: vocabulary.length, start: Int32Array.from(start), index: Int32Array.from(cols), value: Float64Array.from(vals) };
  const { v, topics: rows } = options.thread ? await fitOnThread(x) : fitTopics(x);
  const terms = new Map<string, TopicVector>();
  vocabulary.forEach((t, j) => terms.set(t, Float32Array.from(v.subarray(j * DIMENSIONS, (j + 1) * DIMENSIONS))));
  const topics = new Map<number, TopicVector | null>();
  ids.forEach((id, i) => {
    const row = rows.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);
    topics.set(id, row.some((y) => y !== 0) ? Float32Array.from(row) : null);
  });
  await index.writeTopicModel(ids.length, terms, topics, deskCentroids(rows, desks, DIMENSIONS));
}

/**
 * The computation of a training, apart from the database: the term rows V
 * of the truncated SVD, and every article's topic vector (its row of X
 * times V, unit length; zeros when it has no term in the vocabulary).
 */
export function fitTopics(x: Csr): { v: Float64Array; topics: Float32Array } {
  const v = truncatedSvd(x, DIMENSIONS);
  const topics = new Float32Array(x.rows * DIMENSIONS);
  const out = new Float64Array(DIMENSIONS);
  for (let i = 0; i < x.rows; i++) {
    out.fill(0);
    for (let p = x.start[i]!; p < x.start[i + 1]!; p++) {
      const w = x.value[p]!;
      const r = x.index[p]! * DIMENSIONS;
      for (let c = 0; c < DIMENSIONS; c++) out[c]! += w * v[r + c]!;
    }
    let norm = 0;
    for (const y of out) norm += y * y;
    if (norm > 0) for (let c = 0; c < DIMENSIONS; c++) topics[i * DIMENSIONS + c] = out[c]! / Math.sqrt(norm);
  }
  return { v, topics };
}

/** fitTopics on a worker thread (topics-worker.ts): a training after a save leaves the server's thread free. */
function fitOnThread(x: Csr): Promise<{ v: Float64Array; topics: Float32Array }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./topics-worker.js', import.meta.url));
    worker.once('message', (fit: { v: Float64Array; topics: Float32Array }) => {
      resolve(fit);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the topic worker stopped (exit code ${code})`)));
    worker.postMessage(x, [x.start.buffer as ArrayBuffer, x.index.buffer as ArrayBuffer, x.value.buffer as ArrayBuffer]);
  });
}
