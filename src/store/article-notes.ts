/**
 * The newsroom's notes on a story (services/notes.ts): what an editor asks
 * of a reporter, the reporter's answer, and the note that sends a submitted
 * story back to its writer. Internal: no page, feed or public API reads
 * them. One implementation over Kysely, both engines.
 */
import type { Generated, Kysely } from 'kysely';
import type { NewsroomTables } from './newsroom-schema.js';

export type NoteKind = 'note' | 'returned';

export interface ArticleNote {
  id: number;
  articleId: number;
  userId: number | null;
  /** The writer's name now; null when the account is gone. */
  userName: string | null;
  kind: NoteKind;
  text: string;
  createdAt: string;
}

export interface ArticleNotesTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  kind: NoteKind;
  text: string;
  created_at: string;
}

type Tables = { article_notes: ArticleNotesTable } & Pick<NewsroomTables, 'users'>;

export interface ArticleNoteStore {
  add(note: { articleId: number; userId: number; kind: NoteKind; text: string }, now: string): Promise<ArticleNote>;
  /** A story's notes, oldest first. */
  list(articleId: number): Promise<ArticleNote[]>;
}

export class KyselyArticleNoteStore implements ArticleNoteStore {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<Tables>;
  }

  async add(note: { articleId: number; userId: number; kind: NoteKind; text: string }, now: string): Promise<ArticleNote> {
    const { id } = await this.db
      .insertInto('article_notes')
      .values({ article_id: note.articleId, user_id: note.userId, kind: note.kind, text: note.text, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.list(note.articleId)).find((n) => n.id === id)!;
  }

  async list(articleId: number): Promise<ArticleNote[]> {
    const rows = await this.db
      .selectFrom('article_notes as n')
      .leftJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.article_id', 'n.user_id', 'u.name', 'n.kind', 'n.text', 'n.created_at'])
      .where('n.article_id', '=', articleId)
      .orderBy('n.id')
      .execute();
    return rows.map((r) => ({ id: r.id, articleId: r.article_id, userId: r.user_id, userName: r.name, kind: r.kind, text: r.text, createdAt: r.created_at }));
  }
}
