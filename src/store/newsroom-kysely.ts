/**
 * The newsroom's storage (issue #5) over Kysely: the same queries run on
 * SQLite and PostgreSQL. `afterArticleSave` runs inside the store's save
 * transaction, so that every save keeps a revision and a published
 * article's old slug keeps redirecting, or neither happens.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { bylineKey } from '../content/bylines.js';
import { isEmptyProfile, type AuthorProfile, type AuthorProfileInput } from '../content/authors.js';
import type { ArticleInput, ArticleStatus, LiveState } from '../content/article.js';
import type { ArticleGenre } from '../content/genre.js';
import type { ImageRef, Rendition } from '../content/image.js';
import { tagKey } from '../content/tags.js';
import type { ArticlesTable, Database } from './schema.js';
import type { NewsroomTables } from './newsroom-schema.js';
import { tagNamesByArticle } from './tag-names.js';
import { viewHour } from './store.js';
import { writeAndTell, type ChangeBus, type ChangeSet } from './changes.js';
import type {
  AdminArticleRow,
  AdminByline,
  AdminListQuery,
  AdminTag,
  ApiKeyInfo,
  MediaRecord,
  MediaUse,
  NewMedia,
  NewsroomStore,
  Revision,
  RevisionSnapshot,
  Role,
  User,
  UserWithHash,
} from './newsroom.js';

type NDb = Database & NewsroomTables;

/** The same connection seen with the articles' tables only (a subset of ours), for the store's shared queries. */
const articlesView = (db: Kysely<NDb>) => db as unknown as Kysely<Database>;
type UserRow = Selectable<NewsroomTables['users']>;
type KeyRow = Selectable<NewsroomTables['api_keys']>;
type MediaRow = Selectable<NewsroomTables['media']>;

const toUser = (r: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'created_at'>): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
});

const toKey = (r: KeyRow): ApiKeyInfo => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  role: r.role,
  userId: r.user_id,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

function toMedia(r: MediaRow): MediaRecord {
  const { original, webp } = JSON.parse(r.renditions) as { original: Rendition; webp: Rendition[] };
  return {
    id: r.id,
    fileKey: r.file_key,
    format: r.format,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    alt: r.alt,
    original,
    webp,
    userId: r.user_id,
    createdAt: r.created_at,
  };
}

/** A media row as pages draw it. */
function imageRef(r: MediaRow): ImageRef {
  const { id, alt, width, height, original, webp } = toMedia(r);
  return { id, alt, width, height, original, webp };
}

/** A LIKE pattern matching `text` literally ('\' escapes). */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);


/**
 * Called by the store's saveOne (in its transaction) once an article row
 * and its tags are written: sets the newsroom columns, records the
 * revision, and keeps a 301 from a published article's old slug.
 */
/**
 * The uploads a body's figures show, by file key, as pages draw them: read
 * in the save's transaction so that the stored sections carry their
 * renditions (a figure naming no known upload stays a plain image).
 */
export async function uploadsByKey(trx: Kysely<Database>, keys: string[]): Promise<Map<string, ImageRef>> {
  const found = new Map<string, ImageRef>();
  if (!keys.length) return found;
  const rows = await trx.withTables<NewsroomTables>().selectFrom('media').selectAll().where('file_key', 'in', keys).execute();
  for (const row of rows) found.set(row.file_key, imageRef(row));
  return found;
}

/** Which uploads an article's body shows, in place of what it showed before. */
export async function recordUploads(db: Kysely<Database>, articleId: number, mediaIds: number[]): Promise<void> {
  const n = db.withTables<NewsroomTables>();
  await n.deleteFrom('article_uploads').where('article_id', '=', articleId).execute();
  if (mediaIds.length) await n.insertInto('article_uploads').values(mediaIds.map((media_id) => ({ article_id: articleId, media_id }))).execute();
}

export async function afterArticleSave(
  trx: Transaction<Database>,
  id: number,
  previous: Selectable<ArticlesTable> | undefined,
  input: ArticleInput,
): Promise<void> {
  const db = trx.withTables<NewsroomTables>();
  const set: { feature_image?: number | null; owner_id?: number | null } = {};
  if (input.featureImage !== undefined) set.feature_image = input.featureImage;
  if (input.ownerId !== undefined) set.owner_id = input.ownerId;
  if (Object.keys(set).length) await db.updateTable('articles').set(set).where('id', '=', id).execute();
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const now = row.updated_at;
  if (previous && previous.status === 'published' && previous.slug !== row.slug) {
    await db
      .insertInto('redirects')
      .values({ from_slug: previous.slug, article_id: id, created_at: now })
      .onConflict((oc) => oc.column('from_slug').doUpdateSet({ article_id: id, created_at: now }))
      .execute();
  }
  // A live article at a slug wins over any redirect from it.
  await db.deleteFrom('redirects').where('from_slug', '=', row.slug).execute();
  const snapshot: RevisionSnapshot = {
    title: row.title,
    description: row.description,
    tags: (await tagNamesByArticle(articlesView(db), [id])).get(id) ?? [],
    body: row.body,
    slug: row.slug,
    status: row.status as ArticleStatus,
    publishedAt: row.published_at,
    featureImage: row.feature_image,
    author: row.author,
    ...(row.coauthors !== '[]' ? { coAuthors: JSON.parse(row.coauthors) as string[] } : {}),
  };
  await db
    .insertInto('revisions')
    .values({ article_id: id, user_id: input.savedBy ?? null, created_at: now, snapshot: JSON.stringify(snapshot) })
    .execute();
}

export class KyselyNewsroomStore implements NewsroomStore {
  private readonly db: Kysely<NDb>;
  constructor(
    /** The same connection with the articles' tables, as the store's shared functions take it. */
    private readonly articles: Kysely<Database>,
    /** Told what a write changed on the public pages (a tag's name, a feature image's alt text), as the store's saves are. */
    private readonly changes: ChangeBus,
  ) {
    this.db = articles.withTables<NewsroomTables>();
  }

  /** The articles using an upload as their feature image, whose pages and cards show it. */
  private async featuring(db: Kysely<NDb>, mediaId: number, change: ChangeSet): Promise<void> {
    const rows = await db.selectFrom('articles').select('id').where('feature_image', '=', mediaId).execute();
    for (const r of rows) change.page(r.id).card(r.id);
    // A portrait: its author's page and the box under their stories.
    const portraits = await db.selectFrom('author_profiles').select('key').where('image_id', '=', mediaId).execute();
    for (const p of portraits) change.profile(p.key);
  }

  // --- Accounts ---

  async countUsers(): Promise<number> {
    const { n } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  async createUser(user: { email: string; name: string; role: Role; passwordHash: string }): Promise<User> {
    const now = new Date().toISOString();
    const row = await this.db
      .insertInto('users')
      .values({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async getUser(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findUserByEmail(email: string): Promise<UserWithHash | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
  }

  async updateUser(id: number, changes: { name?: string; role?: Role; passwordHash?: string }): Promise<User | null> {
    const set: { name?: string; role?: Role; password_hash?: string; updated_at: string } = { updated_at: new Date().toISOString() };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
    const row = await this.db.updateTable('users').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async deleteUser(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // --- Sessions ---

  async createSession(tokenHash: string, userId: number, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ token_hash: tokenHash, user_id: userId, created_at: new Date().toISOString(), expires_at: expiresAt })
      .execute();
  }

  async getSession(tokenHash: string, now: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.created_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteUserSessions(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  // --- The first owner ---

  async createSetupToken(tokenHash: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('setup_tokens')
      .values({ token_hash: tokenHash, created_at: new Date().toISOString(), expires_at: expiresAt, used_at: null })
      .execute();
  }

  async setupTokenValid(tokenHash: string, now: string): Promise<boolean> {
    const token = await this.db
      .selectFrom('setup_tokens')
      .select('token_hash')
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return token !== undefined && (await this.countUsers()) === 0;
  }

  async createFirstOwner(tokenHash: string, now: string, user: { email: string; name: string; passwordHash: string }): Promise<User | null> {
    return this.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('setup_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return null;
      const { n } = await trx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(n) > 0) return null;
      const row = await trx
        .insertInto('users')
        .values({ email: user.email, name: user.name, role: 'owner', password_hash: user.passwordHash, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    });
  }

  // --- API keys ---

  async createApiKey(key: { name: string; prefix: string; keyHash: string; role: Role; userId: number }): Promise<ApiKeyInfo> {
    const row = await this.db
      .insertInto('api_keys')
      .values({
        name: key.name,
        prefix: key.prefix,
        key_hash: key.keyHash,
        role: key.role,
        user_id: key.userId,
        created_at: new Date().toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toKey(row);
  }

  async useApiKey(keyHash: string, now: string): Promise<{ key: ApiKeyInfo; user: User } | null> {
    const key = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!key) return null;
    const user = await this.getUser(key.user_id);
    if (!user) return null;
    await this.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', key.id).execute();
    return { key: toKey(key), user };
  }

  async listApiKeys(): Promise<ApiKeyInfo[]> {
    return (await this.db.selectFrom('api_keys').selectAll().orderBy('id').execute()).map(toKey);
  }

  async revokeApiKey(id: number, now: string): Promise<boolean> {
    const r = await this.db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  // --- Revisions and redirects ---

  private revisions() {
    return this.db
      .selectFrom('revisions')
      .leftJoin('users', 'users.id', 'revisions.user_id')
      .select(['revisions.id', 'revisions.article_id', 'revisions.user_id', 'revisions.created_at', 'revisions.snapshot', 'users.name as user_name', 'users.email as user_email']);
  }

  async listRevisions(articleId: number): Promise<Revision[]> {
    const rows = await this.revisions().where('revisions.article_id', '=', articleId).orderBy('revisions.id', 'desc').execute();
    return rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      userId: r.user_id,
      userName: r.user_name || r.user_email || null,
      createdAt: r.created_at,
      snapshot: JSON.parse(r.snapshot) as RevisionSnapshot,
    }));
  }

  async getRevision(articleId: number, revisionId: number): Promise<Revision | null> {
    const r = await this.revisions().where('revisions.article_id', '=', articleId).where('revisions.id', '=', revisionId).executeTakeFirst();
    return r
      ? {
          id: r.id,
          articleId: r.article_id,
          userId: r.user_id,
          userName: r.user_name || r.user_email || null,
          createdAt: r.created_at,
          snapshot: JSON.parse(r.snapshot) as RevisionSnapshot,
        }
      : null;
  }

  async addRedirects(redirects: { from: string; articleId: number }[]): Promise<void> {
    const now = new Date().toISOString();
    for (let i = 0; i < redirects.length; i += 500) {
      await this.db
        .insertInto('redirects')
        .values(redirects.slice(i, i + 500).map((r) => ({ from_slug: r.from, article_id: r.articleId, created_at: now })))
        .onConflict((oc) => oc.column('from_slug').doUpdateSet((eb) => ({ article_id: eb.ref('excluded.article_id'), created_at: now })))
        .execute();
    }
  }

  async resolveRedirect(slug: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('redirects')
      .innerJoin('articles', 'articles.id', 'redirects.article_id')
      .select('articles.slug')
      .where('redirects.from_slug', '=', slug)
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', new Date().toISOString())
      .executeTakeFirst();
    return row?.slug ?? null;
  }

  // --- Media ---

  async createMedia(m: NewMedia): Promise<MediaRecord> {
    const row = await this.db
      .insertInto('media')
      .values({
        file_key: m.fileKey,
        format: m.format,
        width: m.width,
        height: m.height,
        bytes: m.bytes,
        alt: m.alt,
        renditions: JSON.stringify({ original: m.original, webp: m.webp }),
        user_id: m.userId,
        created_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMedia(row);
  }

  async getMedia(id: number): Promise<MediaRecord | null> {
    const row = await this.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMedia(row) : null;
  }

  async listMedia(limit: number): Promise<MediaRecord[]> {
    return (await this.db.selectFrom('media').selectAll().orderBy('id', 'desc').limit(limit).execute()).map(toMedia);
  }

  async updateMediaAlt(id: number, alt: string): Promise<MediaRecord | null> {
    return writeAndTell(this.db, this.changes, async (trx, change) => {
      const row = await trx.updateTable('media').set({ alt }).where('id', '=', id).returningAll().executeTakeFirst();
      if (row) await this.featuring(trx, id, change);
      return row ? toMedia(row) : null;
    });
  }

  async deleteMedia(id: number): Promise<boolean> {
    return writeAndTell(this.db, this.changes, async (trx, change) => {
      await this.featuring(trx, id, change); // before the delete sets their feature image to null
      const r = await trx.deleteFrom('media').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async uploads(keys: string[]): Promise<Map<string, ImageRef>> {
    return uploadsByKey(this.articles, keys);
  }

  async articlesShowingUpload(mediaId: number): Promise<{ id: number; title: string }[]> {
    return this.db
      .selectFrom('article_uploads as u')
      .innerJoin('articles as a', 'a.id', 'u.article_id')
      .select(['a.id', 'a.title'])
      .where('u.media_id', '=', mediaId)
      .orderBy('a.id')
      .execute();
  }

  async listMediaPage(page: number, limit: number): Promise<{ total: number; media: MediaUse[] }> {
    const { n } = await this.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('media')
      .selectAll('media')
      .select((eb) => [
        eb.selectFrom('articles').select(eb.fn.countAll<number>().as('n')).whereRef('articles.feature_image', '=', 'media.id').as('feature_of'),
        eb.selectFrom('article_uploads').select(eb.fn.countAll<number>().as('n')).whereRef('article_uploads.media_id', '=', 'media.id').as('body_of'),
      ])
      .orderBy('media.id', 'desc')
      .limit(limit)
      .offset((page - 1) * limit)
      .execute();
    return {
      total: Number(n),
      media: rows.map((r) => ({ ...toMedia(r), featureOf: Number(r.feature_of ?? 0), bodyOf: Number(r.body_of ?? 0) })),
    };
  }

  async imageRefs(ids: (number | null | undefined)[]): Promise<Map<number, ImageRef>> {
    const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
    const map = new Map<number, ImageRef>();
    if (!wanted.length) return map;
    const rows = await this.db.selectFrom('media').selectAll().where('id', 'in', wanted).execute();
    for (const row of rows) map.set(row.id, imageRef(row));
    return map;
  }

  // --- Articles as editors see them ---

  async recentBylines(limit: number): Promise<string[]> {
    // The latest 2,000 articles by id (the primary key): the bylines in use now, at the same cost however large the site.
    const latest = this.db.selectFrom('articles').select(['author']).orderBy('id', 'desc').limit(2000);
    const rows = await this.db
      .selectFrom(latest.as('recent'))
      .select(['recent.author', (eb) => eb.fn.countAll<number>().as('n')])
      .where('recent.author', '!=', '')
      .groupBy('recent.author')
      .orderBy('n', 'desc')
      .orderBy('recent.author')
      .execute();
    // One name, one suggestion: its spellings counted together, offered as the most used one is written.
    const names = new Map<string, { byline: string; n: number }>();
    for (const r of rows) {
      const name = names.get(bylineKey(r.author));
      if (name) name.n += Number(r.n);
      else names.set(bylineKey(r.author), { byline: r.author, n: Number(r.n) });
    }
    return [...names.values()].sort((a, b) => b.n - a.n).slice(0, limit).map((x) => x.byline);
  }

  async listAdmin(query: AdminListQuery): Promise<{ total: number; articles: AdminArticleRow[] }> {
    let base = this.db.selectFrom('articles');
    if (query.status) base = base.where('articles.status', '=', query.status);
    if (query.ownerId !== undefined) base = base.where('articles.owner_id', '=', query.ownerId);
    if (query.byline !== undefined) {
      const key = bylineKey(query.byline);
      base = base.where('articles.id', 'in', (eb) => eb.selectFrom('article_bylines').select('article_bylines.article_id').where('article_bylines.author_key', '=', key));
    }
    if (query.desk === 'featured') base = base.where('articles.featured', '=', 1);
    if (query.desk === 'breaking') base = base.where('articles.breaking_until', '>', new Date().toISOString());
    if (query.desk === 'live') base = base.where('articles.live', '=', 'live');
    if (query.genre !== undefined) base = base.where('articles.genre', '=', query.genre);
    if (query.tag) {
      const key = tagKey(query.tag);
      base = base.where('articles.id', 'in', (eb) =>
        eb.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('article_tags.article_id').where('tags.key', '=', key),
      );
    }
    const q = query.q?.trim();
    if (q) {
      // ASCII lower case on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
      const pattern = `%${likeEscape(q.replace(/[A-Z]/g, (c) => c.toLowerCase()))}%`;
      base = base.where((eb) =>
        eb.or([
          eb(sql`lower(articles.title)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(articles.description)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(articles.slug)`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    }
    const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .leftJoin('users', 'users.id', 'articles.owner_id')
      .select([
        'articles.id',
        'articles.slug',
        'articles.title',
        'articles.status',
        'articles.author',
        'articles.owner_id',
        'articles.published_at',
        'articles.updated_at',
        'articles.feature_image',
        'articles.featured',
        'articles.genre',
        'articles.breaking_until',
        'articles.live',
        // Readers' visits in the last day (web/plugins/most-read.ts): a few rows of article_views' primary key each.
        sql<number | string | null>`(select sum(v.views) from article_views v where v.article_id = articles.id and v.hour >= ${viewHour(new Date(Date.now() - 24 * 3600_000))})`.as('views'),
        // A draft with a send-back note was sent back and not submitted since (services/notes.ts): only a send-back makes a submitted story a draft.
        sql<number>`case when articles.status = 'draft' and exists (select 1 from article_notes n where n.article_id = articles.id and n.kind = 'returned') then 1 else 0 end`.as('returned'),
        'users.name as owner_name',
        'users.email as owner_email',
      ])
      .orderBy('articles.updated_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(query.limit)
      .offset((query.page - 1) * query.limit)
      .execute();
    const tags = await tagNamesByArticle(articlesView(this.db), rows.map((r) => r.id));
    return {
      total: Number(n),
      articles: rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        title: r.title,
        status: r.status as ArticleStatus,
        author: r.author,
        ownerId: r.owner_id,
        ownerName: r.owner_name || r.owner_email || null,
        tags: tags.get(r.id) ?? [],
        publishedAt: r.published_at,
        updatedAt: r.updated_at,
        featureImage: r.feature_image,
        featured: r.featured === 1,
        genre: r.genre as ArticleGenre,
        breakingUntil: r.breaking_until ?? null,
        live: (r.live ?? null) as LiveState | null,
        views: Number(r.views ?? 0),
        returned: Number(r.returned) === 1,
      })),
    };
  }

  async slugOwner(slug: string): Promise<number | null> {
    const row = await this.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
    return row?.id ?? null;
  }

  async listAllTags(q?: string, limit = 50): Promise<AdminTag[]> {
    let query = this.db
      .selectFrom('tags')
      .leftJoin('article_tags', 'article_tags.tag_id', 'tags.id')
      .select((eb) => ['tags.id', 'tags.name', 'tags.description', eb.fn.count<number>('article_tags.article_id').as('n')])
      .groupBy(['tags.id', 'tags.name', 'tags.description']);
    const key = q ? tagKey(q) : '';
    if (key) query = query.where(sql`tags.key`, 'like', sql`${`${likeEscape(key)}%`} escape '\\'`);
    const rows = await query.orderBy('n', 'desc').orderBy('tags.name').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.n), description: r.description }));
  }

  async renameTag(id: number, name: string, key: string): Promise<AdminTag | null> {
    return writeAndTell(this.db, this.changes, async (trx, change) => {
      const before = await trx.selectFrom('tags').select(['name', 'key', 'description']).where('id', '=', id).executeTakeFirst();
      if (!before) return null;
      await trx.updateTable('tags').set({ name, key }).where('id', '=', id).execute();
      if (before.key !== key) {
        // The old address keeps working: /tags/<old name> answers 301 to the new one.
        await trx.insertInto('tag_aliases').values({ alias: before.key, tag_id: id }).onConflict((oc) => oc.column('alias').doUpdateSet({ tag_id: id })).execute();
      }
      // Every page and card that shows the hashtag, and the tag's own lists under both names.
      const tagged = await trx.selectFrom('article_tags').select('article_id').where('tag_id', '=', id).execute();
      for (const r of tagged) change.page(r.article_id).card(r.article_id);
      change.listings([before.key, key]);
      return { id, name, count: tagged.length, description: before.description };
    });
  }

  // --- Author profiles (content/authors.ts) ---

  async authorProfile(byline: string): Promise<AuthorProfile | null> {
    const key = bylineKey(byline);
    if (!key) return null;
    const row = await this.db.selectFrom('author_profiles').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) return null;
    const image = row.image_id === null ? null : ((await this.imageRefs([row.image_id])).get(row.image_id) ?? null);
    return {
      byline: row.byline,
      jobTitle: row.title,
      bio: row.bio,
      links: JSON.parse(row.links) as string[],
      // A portrait whose upload was deleted is no portrait.
      imageId: image ? row.image_id : null,
      image,
      updatedAt: row.updated_at,
    };
  }

  async setAuthorProfile(byline: string, profile: AuthorProfileInput): Promise<AuthorProfile | null> {
    const key = bylineKey(byline);
    await writeAndTell(this.db, this.changes, async (trx, change) => {
      if (isEmptyProfile(profile)) {
        await trx.deleteFrom('author_profiles').where('key', '=', key).execute();
      } else {
        const row = { byline, title: profile.jobTitle, bio: profile.bio, links: JSON.stringify(profile.links), image_id: profile.imageId, updated_at: new Date().toISOString() };
        await trx
          .insertInto('author_profiles')
          .values({ key, ...row })
          .onConflict((oc) => oc.column('key').doUpdateSet(row))
          .execute();
      }
      change.profile(key);
    });
    return this.authorProfile(byline);
  }

  async allAuthorProfiles(): Promise<(AuthorProfileInput & { byline: string })[]> {
    const rows = await this.db.selectFrom('author_profiles').select(['byline', 'title', 'bio', 'links', 'image_id']).orderBy('key').execute();
    return rows.map((r) => ({ byline: r.byline, jobTitle: r.title, bio: r.bio, links: JSON.parse(r.links) as string[], imageId: r.image_id }));
  }

  async describedTags(): Promise<{ name: string; description: string }[]> {
    return this.db.selectFrom('tags').select(['name', 'description']).where('description', '!=', '').orderBy('key').execute();
  }

  async listBylines(q?: string, limit = 200): Promise<AdminByline[]> {
    const prefix = q ? bylineKey(q) : '';
    const starts = `${likeEscape(prefix)}%`;
    // Articles of any status, first byline or co-author (article_bylines, migration 0022).
    let used = this.db
      .selectFrom('article_bylines')
      .where('author_key', '>', '')
      .groupBy('author_key')
      .select((eb) => ['author_key', eb.fn.countAll<number>().as('n'), eb.fn.max('byline').as('author')]);
    if (prefix) used = used.where(sql<boolean>`author_key like ${starts} escape '\\'`);
    let profiles = this.db.selectFrom('author_profiles').select(['key', 'byline', 'title']);
    if (prefix) profiles = profiles.where(sql<boolean>`key like ${starts} escape '\\'`);
    const [counts, rows] = await Promise.all([used.execute(), profiles.execute()]);
    const byKey = new Map<string, AdminByline>();
    for (const r of counts) byKey.set(r.author_key, { byline: String(r.author), count: Number(r.n), jobTitle: null });
    for (const p of rows) {
      const known = byKey.get(p.key);
      byKey.set(p.key, { byline: known?.byline ?? p.byline, count: known?.count ?? 0, jobTitle: p.title });
    }
    return [...byKey.values()].sort((a, b) => b.count - a.count || a.byline.localeCompare(b.byline, 'ar')).slice(0, limit);
  }

  async describeTag(id: number, description: string): Promise<AdminTag | null> {
    return writeAndTell(this.db, this.changes, async (trx, change) => {
      const tag = await trx.selectFrom('tags').select(['name', 'key']).where('id', '=', id).executeTakeFirst();
      if (!tag) return null;
      await trx.updateTable('tags').set({ description }).where('id', '=', id).execute();
      // The tag's pages and feeds say it; cards and articles do not.
      change.listings([tag.key]);
      const { n } = await trx.selectFrom('article_tags').select((eb) => eb.fn.countAll<number>().as('n')).where('tag_id', '=', id).executeTakeFirstOrThrow();
      return { id, name: tag.name, count: Number(n), description };
    });
  }

  async getAdminTag(id: number): Promise<AdminTag | null> {
    const row = await this.db
      .selectFrom('tags')
      .leftJoin('article_tags', 'article_tags.tag_id', 'tags.id')
      .select((eb) => ['tags.id', 'tags.name', 'tags.description', eb.fn.count<number>('article_tags.article_id').as('n')])
      .where('tags.id', '=', id)
      .groupBy(['tags.id', 'tags.name', 'tags.description'])
      .executeTakeFirst();
    return row ? { id: row.id, name: row.name, count: Number(row.n), description: row.description } : null;
  }

  async mergeTag(fromId: number, intoId: number): Promise<{ tag: AdminTag; articles: number[] } | null> {
    if (fromId === intoId) return null;
    return writeAndTell(this.db, this.changes, async (trx, change) => {
      const from = await trx.selectFrom('tags').select(['id', 'key', 'description']).where('id', '=', fromId).executeTakeFirst();
      const into = await trx.selectFrom('tags').select(['id', 'name', 'key', 'description']).where('id', '=', intoId).executeTakeFirst();
      if (!from || !into) return null;
      const moved = (await trx.selectFrom('article_tags').select('article_id').where('tag_id', '=', fromId).execute()).map((r) => r.article_id);
      // An article with both keeps the one it is merged into, at its own place among its tags.
      await trx
        .deleteFrom('article_tags')
        .where('tag_id', '=', fromId)
        .where('article_id', 'in', (eb) => eb.selectFrom('article_tags as both').select('both.article_id').where('both.tag_id', '=', intoId))
        .execute();
      await trx.updateTable('article_tags').set({ tag_id: intoId }).where('tag_id', '=', fromId).execute();
      await trx.updateTable('tag_aliases').set({ tag_id: intoId }).where('tag_id', '=', fromId).execute();
      await trx.insertInto('tag_aliases').values({ alias: from.key, tag_id: intoId }).onConflict((oc) => oc.column('alias').doUpdateSet({ tag_id: intoId })).execute();
      await trx.deleteFrom('tags').where('id', '=', fromId).execute();
      // The tag merged into keeps its description; without one, it takes the other's.
      const description = into.description || from.description;
      if (description !== into.description) await trx.updateTable('tags').set({ description }).where('id', '=', intoId).execute();
      for (const id of moved) change.page(id).card(id);
      change.listings([from.key, into.key]);
      const { n } = await trx.selectFrom('article_tags').select((eb) => eb.fn.countAll<number>().as('n')).where('tag_id', '=', intoId).executeTakeFirstOrThrow();
      return { tag: { id: into.id, name: into.name, count: Number(n), description }, articles: moved };
    });
  }
}
