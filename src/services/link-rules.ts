/**
 * The editors' say over the links under an article (content/article.ts
 * LinkRules): which articles are always linked, first, and which never. An
 * editor names an article the way one has it at hand — its address on the
 * site (full or from /articles/), its slug, an old slug that redirects, or
 * its id — and the newsroom stores ids.
 */
import { MAX_BLOCKED, MAX_PINNED, type LinkRules } from '../content/article.js';
import { isLinkable } from '../content/genre.js';
import type { Store } from '../store/store.js';
import { invalid } from './newsroom-errors.js';

/** The slug (or id) an editor's reference names. */
function referenced(ref: string): string | number {
  const text = ref.trim();
  if (/^\d+$/.test(text)) return Number(text);
  let path = text;
  try {
    path = new URL(text).pathname;
  } catch {
    // Not a whole address: a path or a slug.
  }
  path = path.replace(/^\/+|\/+$/g, '').replace(/^articles\//, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

async function articleIdOf(store: Store, ref: string): Promise<number | null> {
  const r = referenced(ref);
  if (typeof r === 'number') return (await store.getArticleById(r)) ? r : null;
  if (!r) return null;
  const owner = await store.newsroom.slugOwner(r);
  if (owner !== null) return owner;
  const moved = await store.newsroom.resolveRedirect(r);
  return moved ? store.newsroom.slugOwner(moved) : null;
}

/**
 * The rules a draft's references name, for article `selfId` (undefined for a
 * new one); undefined when the draft says nothing of them. Refused with the
 * reason: an article not found, the article itself, sponsored content
 * pinned, one both pinned and blocked, too many.
 */
export async function resolveLinkRules(
  store: Store,
  draft: { pinnedLinks?: string[]; blockedLinks?: string[] },
  selfId?: number,
): Promise<LinkRules | undefined> {
  if (draft.pinnedLinks === undefined && draft.blockedLinks === undefined) return undefined;
  const current = selfId === undefined ? undefined : (await store.related.linkRules([selfId])).get(selfId);
  const resolve = async (field: 'pinnedLinks' | 'blockedLinks', refs: string[] | undefined, kept: number[]) => {
    if (refs === undefined) return kept;
    const ids: number[] = [];
    for (const ref of refs.filter((r) => r.trim())) {
      const id = await articleIdOf(store, ref);
      if (id === null) throw invalid(field, `no article at "${ref.trim()}"`, `لم نجد خبراً في «${ref.trim()}»`);
      if (id === selfId) throw invalid(field, 'an article does not link to itself', 'لا يرتبط الخبر بنفسه');
      // The engine never links to paid content (content/genre.ts): a pin of it would be silently dropped, so it is refused.
      if (field === 'pinnedLinks' && !isLinkable((await store.getArticleById(id))?.genre ?? 'news')) {
        throw invalid(field, `"${ref.trim()}" is sponsored content, which is never linked under a story`, `«${ref.trim()}» محتوى ممول، ولا يُربط تحت الأخبار`);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };
  const pinned = await resolve('pinnedLinks', draft.pinnedLinks, current?.pinned ?? []);
  const blocked = await resolve('blockedLinks', draft.blockedLinks, current?.blocked ?? []);
  if (pinned.length > MAX_PINNED) throw invalid('pinnedLinks', `at most ${MAX_PINNED}`, `لا تُثبَّت أكثر من ${MAX_PINNED} روابط`);
  if (blocked.length > MAX_BLOCKED) throw invalid('blockedLinks', `at most ${MAX_BLOCKED}`, `لا تُستبعد أكثر من ${MAX_BLOCKED} رابطاً`);
  if (pinned.some((id) => blocked.includes(id))) throw invalid('blockedLinks', 'an article is both pinned and blocked', 'خبر مثبّت ومستبعد معاً');
  return { pinned, blocked };
}

export interface LinkRulesView {
  pinned: { id: number; slug: string; title: string }[];
  blocked: { id: number; slug: string; title: string }[];
}

/** An article's rules with each article's slug and headline, for the editor and the Admin API. */
export async function linkRulesView(store: Store, articleId: number): Promise<LinkRulesView> {
  const rules = (await store.related.linkRules([articleId])).get(articleId) ?? { pinned: [], blocked: [] };
  const about = await store.related.describe([...rules.pinned, ...rules.blocked]);
  const view = (ids: number[]) => ids.flatMap((id) => (about.has(id) ? [{ id, slug: about.get(id)!.slug, title: about.get(id)!.title }] : []));
  return { pinned: view(rules.pinned), blocked: view(rules.blocked) };
}
