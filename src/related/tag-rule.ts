/**
 * The foundation's rule for links under an article: articles sharing its
 * tags, newest first, then the newest overall. The first three are placed
 * inline as "see also", the next three close the page as "related news".
 * The engine (engine.ts) now picks the links; this rule fills in when it
 * finds fewer than six, and stands as a baseline in the evaluation.
 */
import type { LinkChoice, Store } from '../store/store.js';

export const SEE_ALSO_COUNT = 3;
export const RELATED_COUNT = 3;

/**
 * Up to `want` public articles: sharing a tag with the article, newest first,
 * then the newest. `tagIds` stand for the article's stored tags (a draft's).
 */
export async function tagThenLatest(
  store: Store,
  articleId: number,
  want: number,
  exclude: number[] = [],
  tagIds?: number[],
): Promise<{ tagged: number[]; latest: number[] }> {
  const skip = [articleId, ...exclude];
  const tagged = await store.listIdsByTags(tagIds ?? (await store.tagIdsOf(articleId)), want, skip);
  const latest = tagged.length < want ? await store.listLatestIds(want - tagged.length, [...skip, ...tagged]) : [];
  return { tagged, latest };
}

export async function pickByTags(store: Store, articleId: number): Promise<{ seeAlso: LinkChoice[]; related: LinkChoice[] }> {
  const want = SEE_ALSO_COUNT + RELATED_COUNT;
  const { tagged, latest } = await tagThenLatest(store, articleId, want);
  const choice = (id: number, i: number): LinkChoice => ({ targetId: id, score: i < tagged.length ? 1 : 0 });
  const all = [...tagged, ...latest].map(choice);
  return { seeAlso: all.slice(0, SEE_ALSO_COUNT), related: all.slice(SEE_ALSO_COUNT, want) };
}
