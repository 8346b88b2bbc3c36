/**
 * The foundation's rule for links under an article: articles sharing its
 * tags, newest first, then the newest overall. The first three are placed
 * inline as "see also", the next three close the page as "related news".
 */
import type { LinkChoice, Store } from '../store/store.js';

export const SEE_ALSO_COUNT = 3;
export const RELATED_COUNT = 3;

export async function pickByTags(store: Store, articleId: number): Promise<{ seeAlso: LinkChoice[]; related: LinkChoice[] }> {
  const want = SEE_ALSO_COUNT + RELATED_COUNT;
  const tagged = await store.listIdsByTags(await store.tagIdsOf(articleId), want, [articleId]);
  const latest = tagged.length < want ? await store.listLatestIds(want - tagged.length, [articleId, ...tagged]) : [];
  const ids = [...tagged, ...latest];
  const choice = (id: number, i: number): LinkChoice => ({ targetId: id, score: i < tagged.length ? 1 : 0 });
  const all = ids.map(choice);
  return { seeAlso: all.slice(0, SEE_ALSO_COUNT), related: all.slice(SEE_ALSO_COUNT, want) };
}
