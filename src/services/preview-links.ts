/**
 * Sharing an unpublished story before it runs (store/preview-links.ts):
 * whoever may edit it makes a link that opens it, as readers will see it,
 * for a few hours or days; revoking ends every link of the story at once.
 * A story that has been published is shared by its own address: its links
 * send there.
 */
import { isPublicNow, type Article } from '../content/article.js';
import { hashToken, randomToken } from '../auth/tokens.js';
import type { Actor } from '../auth/roles.js';
import type { Store } from '../store/store.js';
import type { PreviewLink } from '../store/preview-links.js';
import { AppError, forbidden, invalid, notFound } from './newsroom-errors.js';
import { canEdit } from './workflow.js';

export const PREVIEW_HOURS = 48;
/** Two weeks: a link outside the newsroom should not outlive the story's making. */
export const PREVIEW_HOURS_MAX = 14 * 24;
const TOKEN = /^[\w-]{32}$/;

async function editable(store: Store, actor: Actor, id: number): Promise<Article> {
  const article = await store.getArticleById(id);
  if (!article) throw notFound();
  if (!canEdit(actor, article)) throw forbidden('You may not share this article', 'لا يحق لك مشاركة هذا الخبر');
  return article;
}

/** A new link to the story, valid `hours`; the token is returned once and only its hash is kept. */
export async function sharePreview(store: Store, actor: Actor, id: number, hours = PREVIEW_HOURS): Promise<{ token: string; expiresAt: string }> {
  if (!Number.isInteger(hours) || hours < 1 || hours > PREVIEW_HOURS_MAX) {
    throw invalid('hours', `1 to ${PREVIEW_HOURS_MAX} hours`, `مدة الرابط من ساعة إلى ${PREVIEW_HOURS_MAX} ساعة`);
  }
  const article = await editable(store, actor, id);
  const now = new Date();
  if (isPublicNow(article, now.toISOString())) {
    throw new AppError(409, 'already_public', 'The story is published: share its own address', 'الخبر منشور: شارك رابطه على الموقع');
  }
  const token = randomToken(24);
  const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
  await store.previewLinks.create(hashToken(token), { articleId: id, createdBy: actor.userId, createdAt: now.toISOString(), expiresAt });
  return { token, expiresAt };
}

export async function previewLinksOf(store: Store, actor: Actor, id: number): Promise<PreviewLink[]> {
  await editable(store, actor, id);
  return store.previewLinks.list(id, new Date().toISOString());
}

/** Ends every link of the story; how many were still open. */
export async function revokePreviews(store: Store, actor: Actor, id: number): Promise<number> {
  await editable(store, actor, id);
  return store.previewLinks.revoke(id, new Date().toISOString());
}

/** What a link opens: the unpublished story, the address of a story since published, or nothing (unknown, expired, revoked). */
export async function openPreview(store: Store, token: string): Promise<{ article: Article } | { published: string } | null> {
  if (!TOKEN.test(token)) return null;
  const now = new Date().toISOString();
  const id = await store.previewLinks.articleOf(hashToken(token), now);
  const article = id === null ? null : await store.getArticleById(id);
  if (!article) return null;
  return isPublicNow(article, now) ? { published: article.slug } : { article };
}
