/**
 * Saving an article is where the work happens: validate, store, index (in
 * the store's transaction), then pick the links under it and under the
 * articles it should now appear beside. Reading a page is then a lookup.
 */
import type { ArticleInput } from '../content/article.js';
import { RelatedEngine } from '../related/engine.js';
import type { SaveOutcome, Store } from '../store/store.js';

export async function saveArticles(
  store: Store,
  inputs: ArticleInput[],
  onProgress?: (saved: number) => void,
): Promise<SaveOutcome[]> {
  const outcomes = await store.saveArticles(inputs, onProgress);
  await refreshLinks(store, outcomes.map((o) => o.article.id));
  return outcomes;
}

/**
 * Profiles the saved articles for related news and picks the links under
 * them, then under the older articles they should now appear beside (the
 * related-news engine, src/related/engine.ts).
 */
export async function refreshLinks(store: Store, savedIds: number[]): Promise<void> {
  await new RelatedEngine(store).refresh(savedIds);
}
