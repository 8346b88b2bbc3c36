/**
 * Saving an article is where the work happens: validate, store, index (in
 * the store's transaction), then pick the links under it and under the
 * articles it should now appear beside. Reading a page is then a lookup.
 */
import type { ArticleInput } from '../content/article.js';
import { pickByTags } from '../related/tag-rule.js';
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
 * Recomputes links for the saved articles and for every public article that
 * shares a tag with them, since the newest-first rule may now pick the new
 * ones there too.
 */
export async function refreshLinks(store: Store, savedIds: number[]): Promise<void> {
  const affected = new Set(savedIds);
  const tagIds = new Set<number>();
  for (const id of savedIds) for (const t of await store.tagIdsOf(id)) tagIds.add(t);
  for (const id of await store.listIdsByTags([...tagIds], Number.MAX_SAFE_INTEGER, [])) affected.add(id);
  for (const id of affected) await store.setLinks(id, await pickByTags(store, id));
}
