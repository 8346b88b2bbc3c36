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
  options: RefreshOptions = {},
): Promise<SaveOutcome[]> {
  const outcomes = await store.saveArticles(inputs, onProgress);
  await refreshLinks(store, outcomes.map((o) => o.article.id), options);
  return outcomes;
}

export interface RefreshOptions {
  /**
   * When the related-news topic space is due for (re)training: 'later'
   * (the default: after the save, which does not wait) or 'inline' (a bulk
   * import, whose links are better picked with the new space).
   */
  topics?: 'inline' | 'later';
}

/**
 * Profiles the saved articles for related news and picks the links under
 * them, then under the older articles they should now appear beside (the
 * related-news engine, src/related/engine.ts).
 */
export async function refreshLinks(store: Store, savedIds: number[], options: RefreshOptions = {}): Promise<void> {
  await new RelatedEngine(store).refresh(savedIds, options);
}
