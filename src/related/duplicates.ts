/**
 * Wire copies on import: which of the incoming articles are near-duplicates
 * (minhash.ts) of an article already stored, or of an earlier one of the
 * same import. Stored articles are found through the related-news index
 * (a copy shares an article's rarest words, so it is among the first few
 * candidates of a query with its strongest terms), earlier inputs through
 * MinHash bands held in memory; every candidate is then checked against
 * the threshold on the whole signature.
 */
import type { ArticleInput } from '../content/article.js';
import type { Store } from '../store/store.js';
import { RelatedEngine } from './engine.js';
import { BandIndex, duplicateText, NEAR_DUPLICATE_THRESHOLD, signatureOf, similarity } from './minhash.js';
import { analyseArticle } from './profile.js';

/** Terms of an input's query, postings read per term, and candidates checked. */
const QUERY_TERMS = 10;
const PER_TERM = 50;
const CHECKED = 5;

export interface DuplicateMatch {
  /** The input's position in the batch. */
  index: number;
  title: string;
  /** The stored article it copies, or the earlier input. */
  of: { id: number; slug: string; title: string } | { index: number; title: string };
  similarity: number;
}

export async function findDuplicates(store: Store, inputs: ArticleInput[]): Promise<DuplicateMatch[]> {
  if (inputs.length === 0) return [];
  const engine = new RelatedEngine(store);
  const signatures = inputs.map((a) => signatureOf(duplicateText(a)));
  const vectors = await engine.weighTexts(inputs.map((a) => analyseArticle(a)));
  const bands = new BandIndex();
  const out: DuplicateMatch[] = [];
  for (const [i, input] of inputs.entries()) {
    const sig = signatures[i]!;
    let best: DuplicateMatch | undefined;
    const found = await store.related.candidates(vectors[i]!.slice(0, QUERY_TERMS), {
      exclude: 0,
      limit: CHECKED,
      perTerm: PER_TERM,
      includeUnpublished: true,
    });
    if (found.length) {
      const ids = found.map(([id]) => id);
      const [profiles, described] = await Promise.all([engine.profiles(ids), store.related.describe(ids)]);
      for (const id of ids) {
        const p = profiles.get(id);
        const d = described.get(id);
        // Re-importing an article updates it, and an editor's draft of it is it: not copies of themselves.
        if (!p || !d || id === input.id || (input.externalId !== undefined && d.externalId === input.externalId)) continue;
        const s = similarity(sig, p.minhash);
        if (s >= NEAR_DUPLICATE_THRESHOLD && (!best || s > best.similarity)) {
          best = { index: i, title: input.title, of: { id, slug: d.slug, title: d.title }, similarity: s };
        }
      }
    }
    for (const j of bands.candidates(sig)) {
      const s = similarity(sig, signatures[j]!);
      if (s >= NEAR_DUPLICATE_THRESHOLD && (!best || s > best.similarity)) {
        best = { index: i, title: input.title, of: { index: j, title: inputs[j]!.title }, similarity: s };
      }
    }
    bands.add(i, sig);
    if (best) out.push(best);
  }
  return out;
}
