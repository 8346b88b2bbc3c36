/**
 * The trash (store/trash.ts): a deleted story is kept 30 days, as an export
 * line (services/export.ts) with what the export leaves to the database (its
 * owner, its feature image), and whoever may delete it may bring it back,
 * as a draft: a story that was public comes back to an editor's desk, not
 * to readers, and is published again by hand (with its first date).
 */
import type { Article } from '../content/article.js';
import { parseJsonArticle } from '../content/parsers/jsonl.js';
import { editsAny, mayPublish, type Actor } from '../auth/roles.js';
import type { Store } from '../store/store.js';
import type { NewTrashEntry, TrashEntry } from '../store/trash.js';
import { saveArticles } from './articles.js';
import { exportedArticle } from './export.js';
import { forbidden, notFound } from './newsroom-errors.js';

export const TRASH_DAYS = 30;
/** The most entries the trash lists: a newsroom's month of deletions. */
export const TRASH_LISTED = 500;

interface Snapshot {
  /** The story as its export line. */
  article: ReturnType<typeof exportedArticle>;
  /** Its own external id (an import's), or none: the export line's `id` stands in for one otherwise. */
  externalId: string | null;
  featureImage: number | null;
}

/** The trash entry that keeps a story being deleted by `actor`. */
export function trashEntryOf(article: Article, actor: Actor): NewTrashEntry {
  const snapshot: Snapshot = { article: exportedArticle(article), externalId: article.externalId, featureImage: article.featureImageId ?? null };
  return {
    articleId: article.id,
    title: article.title,
    slug: article.slug,
    status: article.status,
    ownerId: article.ownerId ?? null,
    deletedBy: actor.userId,
    snapshot: JSON.stringify(snapshot),
  };
}

/** Who may bring a story back: whoever could have deleted it (workflow.canDelete). */
const mayRestore = (actor: Actor, entry: Pick<TrashEntry, 'ownerId'>) => editsAny(actor) || (mayPublish(actor) && entry.ownerId === actor.userId);

/** What the trash holds that `actor` may bring back, newest first; entries past their time go first. */
export async function trashFor(store: Store, actor: Actor): Promise<TrashEntry[]> {
  await store.trash.purge(new Date(Date.now() - TRASH_DAYS * 86400_000).toISOString());
  return (await store.trash.list(TRASH_LISTED)).filter((e) => mayRestore(actor, e));
}

async function entry(store: Store, actor: Actor, id: number) {
  const found = await store.trash.get(id);
  if (!found) throw notFound('deleted article', 'لم نجد هذا الخبر بين المحذوفات');
  if (!mayRestore(actor, found)) throw forbidden('You may not restore this article', 'لا يحق لك استعادة هذا الخبر');
  return found;
}

/** Brings a deleted story back as a draft, at its old address if nobody has taken it meanwhile. */
export async function restoreFromTrash(store: Store, actor: Actor, id: number): Promise<Article> {
  const found = await entry(store, actor, id);
  const snapshot = JSON.parse(found.snapshot) as Snapshot;
  const { externalId: _line, slug, ...input } = parseJsonArticle(snapshot.article);
  const slugFree = slug !== undefined && (await store.newsroom.slugOwner(slug)) === null;
  const image = snapshot.featureImage !== null && (await store.newsroom.getMedia(snapshot.featureImage)) ? snapshot.featureImage : null;
  const [outcome] = await saveArticles(store, [
    {
      ...input,
      ...(slugFree ? { slug } : {}),
      ...(snapshot.externalId ? { externalId: snapshot.externalId } : {}),
      status: 'draft',
      ownerId: found.ownerId,
      featureImage: image,
      savedBy: actor.userId,
    },
  ]);
  await store.trash.remove(found.id);
  return outcome!.article;
}

/** Deletes a story for good before its time (editors). */
export async function emptyFromTrash(store: Store, actor: Actor, id: number): Promise<void> {
  if (!editsAny(actor)) throw forbidden('Only editors delete for good', 'الحذف النهائي للمحررين وحدهم');
  await entry(store, actor, id);
  await store.trash.remove(id);
}
