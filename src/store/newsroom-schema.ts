/**
 * The newsroom's tables (issue #5): accounts, sessions, API keys, the
 * one-time setup token, revisions, slug redirects and media. Migration
 * 0004 creates them with Kysely's schema builder, so the same code runs on
 * PostgreSQL. Times are ISO 8601 strings in UTC; JSON columns are text.
 */
import { sql, type Generated, type Kysely } from 'kysely';

export const ROLES = ['owner', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased. */
  email: string;
  name: string;
  role: Role;
  /** `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>` (src/auth/password.ts). */
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen table gives no session. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  /** The key's first characters, to tell keys apart in a list. */
  prefix: string;
  key_hash: string;
  role: Role;
  /** The account that made it: the key writes as this account. */
  user_id: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RevisionsTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  created_at: string;
  /** JSON RevisionSnapshot. */
  snapshot: string;
}

export interface RedirectsTable {
  from_slug: string;
  article_id: number;
  created_at: string;
}

export interface MediaTable {
  id: Generated<number>;
  /** Random hex: the renditions' file names start with it. */
  file_key: string;
  format: 'jpeg' | 'png' | 'webp';
  width: number;
  height: number;
  bytes: number;
  alt: string;
  /** JSON { original: Rendition, webp: Rendition[] }. */
  renditions: string;
  user_id: number | null;
  created_at: string;
}

/** Which uploads an article's body shows (migration 0010): written on save, read before an upload is deleted. */
export interface ArticleUploadsTable {
  article_id: number;
  media_id: number;
}

// A type, not an interface: Kysely's withTables<T>() wants an index signature.
export type NewsroomTables = {
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  setup_tokens: SetupTokensTable;
  revisions: RevisionsTable;
  redirects: RedirectsTable;
  media: MediaTable;
  article_uploads: ArticleUploadsTable;
};

/** Migration 0004_newsroom. */
export async function newsroomMigration(db: Kysely<unknown>): Promise<void> {
  const roleCheck = sql`role in ('owner', 'editor', 'author', 'contributor')`;
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull().check(roleCheck))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(roleCheck))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_key', 'text', (c) => c.notNull().unique())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('jpeg', 'png', 'webp')`))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('renditions', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revisions_by_article').on('revisions').columns(['article_id', 'id']).execute();

  await db.schema
    .createTable('redirects')
    .addColumn('from_slug', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Who owns an article (authors and contributors edit their own), and its feature image.
  await db.schema
    .alterTable('articles')
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('feature_image', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('articles_by_owner').on('articles').column('owner_id').execute();
  await db.schema.createIndex('articles_by_update').on('articles').columns(['status', 'updated_at']).execute();
}
