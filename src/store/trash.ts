/**
 * Deleted stories, kept a while (services/trash.ts): a newsroom that deletes
 * the wrong story gets it back, as WordPress's trash gives it back for 30
 * days. A story's entry is written in the transaction that deletes it, with
 * the story as an export line (services/export.ts) that the JSON-lines
 * parser reads back. One implementation over Kysely, both engines.
 */
import type { Generated, Kysely } from 'kysely';
import type { ArticleStatus } from '../content/article.js';
import type { NewsroomTables } from './newsroom-schema.js';

export interface TrashEntry {
  id: number;
  /** The story's id when it was deleted. */
  articleId: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  ownerId: number | null;
  deletedBy: number | null;
  deletedByName: string | null;
  deletedAt: string;
}

export interface NewTrashEntry {
  articleId: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  ownerId: number | null;
  deletedBy: number;
  /** JSON: what services/trash.ts needs to bring the story back. */
  snapshot: string;
}

export interface TrashTable {
  id: Generated<number>;
  article_id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  owner_id: number | null;
  deleted_by: number | null;
  deleted_at: string;
  snapshot: string;
}

type Tables = { trash: TrashTable } & Pick<NewsroomTables, 'users'>;

export interface TrashStore {
  /** Newest first. */
  list(limit: number): Promise<TrashEntry[]>;
  get(id: number): Promise<(TrashEntry & { snapshot: string }) | null>;
  remove(id: number): Promise<boolean>;
  /** Deletes for good what was deleted before this instant; how many. */
  purge(before: string): Promise<number>;
}

/** Writes an entry with the connection (the delete's transaction) it is given. */
export async function keepInTrash(db: Kysely<any>, entry: NewTrashEntry, now: string): Promise<void> {
  await (db as Kysely<Tables>)
    .insertInto('trash')
    .values({ article_id: entry.articleId, title: entry.title, slug: entry.slug, status: entry.status, owner_id: entry.ownerId, deleted_by: entry.deletedBy, deleted_at: now, snapshot: entry.snapshot })
    .execute();
}

export class KyselyTrashStore implements TrashStore {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<Tables>;
  }

  private entries() {
    return this.db
      .selectFrom('trash as t')
      .leftJoin('users as u', 'u.id', 't.deleted_by')
      .select(['t.id', 't.article_id', 't.title', 't.slug', 't.status', 't.owner_id', 't.deleted_by', 'u.name', 't.deleted_at', 't.snapshot']);
  }

  async list(limit: number): Promise<TrashEntry[]> {
    const rows = await this.entries().orderBy('t.deleted_at', 'desc').orderBy('t.id', 'desc').limit(limit).execute();
    return rows.map(({ snapshot: _snapshot, ...r }) => entryOf(r));
  }

  async get(id: number): Promise<(TrashEntry & { snapshot: string }) | null> {
    const row = await this.entries().where('t.id', '=', id).executeTakeFirst();
    return row ? { ...entryOf(row), snapshot: row.snapshot } : null;
  }

  async remove(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('trash').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async purge(before: string): Promise<number> {
    const r = await this.db.deleteFrom('trash').where('deleted_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

function entryOf(r: { id: number; article_id: number; title: string; slug: string; status: ArticleStatus; owner_id: number | null; deleted_by: number | null; name: string | null; deleted_at: string }): TrashEntry {
  return { id: r.id, articleId: r.article_id, title: r.title, slug: r.slug, status: r.status, ownerId: r.owner_id, deletedBy: r.deleted_by, deletedByName: r.name, deletedAt: r.deleted_at };
}
