/**
 * Notes between the desk and a story's writer (store/article-notes.ts):
 * whoever may edit a story writes on it, and an editor who will not publish
 * a submitted story sends it back to its writer as a draft with a note that
 * says why, which the writer sees over the story in the editor. Internal:
 * readers never see a note.
 */
import { editsAny, type Actor } from '../auth/roles.js';
import { normalizeNewlines } from '../content/text-cleanup.js';
import type { ArticleNote } from '../store/article-notes.js';
import type { Store } from '../store/store.js';
import { forbidden, invalid, notFound } from './newsroom-errors.js';
import { canEdit, transition } from './workflow.js';
import type { Article } from '../content/article.js';

export const NOTE_MAX = 2000;
/** A story's thread stays a conversation, not a second body. */
export const MAX_NOTES = 200;

function checkText(text: string): string {
  const clean = normalizeNewlines(text).trim();
  if (!clean) throw invalid('note', 'is required', 'اكتب نص الملاحظة');
  if ([...clean].length > NOTE_MAX) throw invalid('note', `at most ${NOTE_MAX} characters`, `الملاحظة ${NOTE_MAX} حرف على الأكثر`);
  return clean;
}

async function load(store: Store, id: number): Promise<Article> {
  const article = await store.getArticleById(id);
  if (!article) throw notFound();
  return article;
}

async function checkRoom(store: Store, id: number): Promise<void> {
  if ((await store.notes.list(id)).length >= MAX_NOTES) throw invalid('note', `at most ${MAX_NOTES} notes`, `${MAX_NOTES} ملاحظة على الأكثر لخبر واحد`);
}

export async function addNote(store: Store, actor: Actor, id: number, text: string): Promise<ArticleNote> {
  const clean = checkText(text);
  const article = await load(store, id);
  if (!canEdit(actor, article)) throw forbidden('You may not write on this article', 'لا يحق لك كتابة ملاحظة على هذا الخبر');
  await checkRoom(store, id);
  return store.notes.add({ articleId: id, userId: actor.userId, kind: 'note', text: clean }, new Date().toISOString());
}

/** Sends a submitted story back to its writer as a draft, with the note that says what to do. */
export async function returnToWriter(store: Store, actor: Actor, id: number, text: string): Promise<{ article: Article; note: ArticleNote }> {
  const clean = checkText(text);
  if (!editsAny(actor)) throw forbidden('Only editors send a story back to its writer', 'إعادة الخبر إلى كاتبه للمحررين وحدهم');
  await checkRoom(store, id);
  const article = await transition(store, actor, id, 'return');
  const note = await store.notes.add({ articleId: id, userId: actor.userId, kind: 'returned', text: clean }, new Date().toISOString());
  return { article, note };
}

/** The note a draft was sent back with, while it is still a draft not sent again; null otherwise. */
export function pendingReturn(article: Pick<Article, 'status'>, notes: ArticleNote[]): ArticleNote | null {
  if (article.status !== 'draft') return null;
  const last = [...notes].reverse().find((n) => n.kind === 'returned');
  return last ?? null;
}
