/**
 * Preview links: a secret address that shows an unpublished story to
 * someone outside the newsroom (a source checking a quote, a lawyer, the
 * subject asked for comment) until it expires or is revoked, as WordPress's
 * Public Post Preview does. Only the token's SHA-256 is kept: the table
 * gives nobody a working link. One implementation over Kysely, both engines.
 */
import type { Kysely } from 'kysely';

export interface PreviewLink {
  articleId: number;
  createdBy: number | null;
  createdAt: string;
  expiresAt: string;
}

export interface PreviewLinksTable {
  token_hash: string;
  article_id: number;
  created_by: number | null;
  created_at: string;
  expires_at: string;
}

export type PreviewLinkTables = { preview_links: PreviewLinksTable };

export interface PreviewLinkStore {
  create(tokenHash: string, link: PreviewLink): Promise<void>;
  /** The article an unexpired link shows; null when there is none. */
  articleOf(tokenHash: string, now: string): Promise<number | null>;
  /** An article's unexpired links, newest first. */
  list(articleId: number, now: string): Promise<PreviewLink[]>;
  /** Revokes every link of an article; returns how many were still valid. */
  revoke(articleId: number, now: string): Promise<number>;
}

export class KyselyPreviewLinkStore implements PreviewLinkStore {
  private readonly db: Kysely<PreviewLinkTables>;

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<PreviewLinkTables>;
  }

  async create(tokenHash: string, link: PreviewLink): Promise<void> {
    // Expired links of the article go as a new one is made: the table holds what may still open.
    await this.db.deleteFrom('preview_links').where('article_id', '=', link.articleId).where('expires_at', '<=', link.createdAt).execute();
    await this.db
      .insertInto('preview_links')
      .values({ token_hash: tokenHash, article_id: link.articleId, created_by: link.createdBy, created_at: link.createdAt, expires_at: link.expiresAt })
      .execute();
  }

  async articleOf(tokenHash: string, now: string): Promise<number | null> {
    const row = await this.db.selectFrom('preview_links').select('article_id').where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
    return row?.article_id ?? null;
  }

  async list(articleId: number, now: string): Promise<PreviewLink[]> {
    const rows = await this.db
      .selectFrom('preview_links')
      .selectAll()
      .where('article_id', '=', articleId)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({ articleId: r.article_id, createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at }));
  }

  async revoke(articleId: number, now: string): Promise<number> {
    const valid = (await this.list(articleId, now)).length;
    await this.db.deleteFrom('preview_links').where('article_id', '=', articleId).execute();
    return valid;
  }
}
