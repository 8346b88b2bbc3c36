/**
 * The store, over Kysely: one implementation for SQLite (sqlite.ts opens
 * it on better-sqlite3) and PostgreSQL (postgres.ts, on pg). What differs
 * between the engines is kept small and named: the column types of the
 * migrations (dialect.ts), the search engine (FTS5 or tsvector, chosen by
 * the dialect), and how a change notification leaves the process (a
 * TransactionalBus such as PostgreSQL's NOTIFY sends it inside the write's
 * own transaction, so it goes out exactly when the write commits).
 */
import { Migrator, sql, type Kysely, type Selectable, type SelectQueryBuilder, type Transaction } from 'kysely';
import { MAX_BLOCKED, MAX_PINNED, type Article, type ArticleInput, type ArticleLink, type ArticleSummary, type AuthorAlias, type Correction, type ImportMeta, type LinkRules, type LiveState, type LiveUpdate } from '../content/article.js';
import { parseBody, uploadKeys, withUploads, type Section } from '../content/body.js';
import { bylineKey, bylinesOf, coAuthorsOf } from '../content/bylines.js';
import type { ArticleGenre, LabelledGenre } from '../content/genre.js';
import type { AuthorCard } from '../content/authors.js';
import { isValidSlug, slugify } from '../content/slug.js';
import { cutOnWord } from '../content/lead.js';
import { liveSections } from '../content/live.js';
import { TAG_DESCRIPTION_MAX, tagKey, tagSlug, type TagAlias } from '../content/tags.js';
import { cleanLine } from '../content/text-cleanup.js';
import { validateArticleInput } from '../content/validate.js';
import { SqliteFtsIndex } from '../search/sqlite-fts.js';
import type { SearchIndex, SearchQuery, SearchResults } from '../search/types.js';
import { articlesNaming, chunks, forgetArticles, SqliteRelatedStore } from '../related/sqlite-terms.js';
import { topicTraining } from '../related/topics.js';
import type { RelatedStore } from '../related/types.js';
import { migrationProvider } from './migrations.js';
import { afterArticleSave, KyselyNewsroomStore, recordUploads, uploadsByKey } from './newsroom-kysely.js';
import type { NewsroomStore } from './newsroom.js';
import { KyselyWebhookStore } from './webhooks-kysely.js';
import type { WebhookStore } from './webhooks.js';
import { KyselyPreviewLinkStore, type PreviewLinkStore } from './preview-links.js';
import { KyselyArticleNoteStore, type ArticleNoteStore } from './article-notes.js';
import { keepInTrash, KyselyTrashStore, type NewTrashEntry, type TrashStore } from './trash.js';
import type { NewsroomTables } from './newsroom-schema.js';
import type { ImageRef, Rendition } from '../content/image.js';
import { jsonRows, parseRows } from './json-rows.js';
import { arg, QueryTemplates } from './templates.js';
import type { ArticlesTable, Database } from './schema.js';
import { tagNamesByArticle } from './tag-names.js';
import { ChangeSet, LocalBus, writeAndTell, type ChangeBus } from './changes.js';
import { forMigrations, isPostgres } from './dialect.js';
import { PgSearchIndex } from '../search/pg-search.js';
import type {
  AnalysedPart,
  ArticlePage,
  ArticleView,
  ArticleWithSource,
  BreakingNews,
  MostReadStory,
  PublishedCorrection,
  SectionHeadlines,
  LinkChoice,
  ListQuery,
  PublicArticleRow,
  PublicRange,
  PublicStreamOptions,
  SaveOutcome,
  Store,
  Tag,
  TagStat,
  AuthorStat,
} from './store.js';
import { StaleSaveError, viewHour } from './store.js';

type Row = Selectable<ArticlesTable>;
type Db = Kysely<Database> | Transaction<Database>;

/**
 * Runs the migrations not yet run (migrations.ts), through the dialect's
 * column types (dialect.ts). On PostgreSQL, Kysely holds an advisory lock
 * meanwhile, so that processes starting together migrate once; its own
 * table is kept in the schema the store works in (`schema`, by default
 * the first of the search path).
 */
export async function migrate(db: Kysely<Database>, schema?: string): Promise<void> {
  const { error, results } = await new Migrator({
    db: forMigrations(db),
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`${failed ? `migration ${failed}` : 'migrating'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

type Saved = { row: Row; tags: string[] };

const isPublic = (row: Row, now: string) => row.status === 'published' && row.published_at !== null && row.published_at <= now;

/**
 * What a save changed for readers: always the article's page; its card when
 * something a list or link shows changed; the lists (home, its tags and
 * bylines, old and new) when it entered, left or moved in them.
 */
function noteSave(change: ChangeSet, before: Saved | null, after: Saved, now: string): void {
  const { row } = after;
  change.page(row.id);
  const wasPublic = before !== null && isPublic(before.row, now);
  if (!wasPublic && !isPublic(row, now)) return;
  const tagsChanged = before === null || before.tags.join('\n') !== after.tags.join('\n');
  const cardChanged =
    before === null ||
    tagsChanged ||
    (['slug', 'title', 'description', 'published_at', 'status', 'feature_image', 'live', 'genre'] as const).some((k) => before.row[k] !== row[k]);
  if (cardChanged) change.card(row.id);
  const moved = wasPublic !== isPublic(row, now) || before?.row.published_at !== row.published_at;
  if (moved || tagsChanged) change.listings([...(before?.tags ?? []), ...after.tags].map(tagKey));
  // Featured or no longer: the home page's lead changes (the lists themselves do not show it); of another
  // genre: the opinion and analysis pages, which are the home list narrowed, change.
  else if (before?.row.featured !== row.featured || before?.row.genre !== row.genre) change.listings([]);
  // The breaking-news strip on every page: a story that enters or leaves it, or changes while in it.
  const live = (r: Row) => isPublic(r, now) && r.breaking_until !== null && r.breaking_until > now;
  const wasLive = before !== null && live(before.row);
  if (wasLive !== live(row) || (live(row) && (['slug', 'title', 'published_at', 'breaking_until'] as const).some((k) => before!.row[k] !== row[k]))) {
    change.breaking();
  }
  // The corrections page: a corrected story that entered or left it, or whose corrections, title or address changed.
  const corrected = (r: Row) => r.corrections !== '[]';
  if ((before && corrected(before.row)) || corrected(row)) {
    if (moved || (['corrections', 'title', 'slug'] as const).some((k) => before?.row[k] !== row[k])) change.corrections();
  }
  const bylines = (r: Row) => [r.author, ...(JSON.parse(r.coauthors) as string[])];
  const was = before ? bylines(before.row) : [];
  if (moved || was.join('\n') !== bylines(row).join('\n')) change.authors([...was, ...bylines(row)]);
}

/**
 * An article's bylines as rows of article_bylines, the first at position 0,
 * with its publication time while it is published (migration 0022).
 */
async function replaceBylines(trx: Transaction<Database>, articleId: number, bylines: string[], publishedAt: string | null): Promise<void> {
  await trx.deleteFrom('article_bylines').where('article_id', '=', articleId).execute();
  const rows = bylines.map((byline, position) => ({ article_id: articleId, position, author_key: bylineKey(byline), byline, published_at: publishedAt }));
  if (rows.length) await trx.insertInto('article_bylines').values(rows).execute();
}


/**
 * The breaking-news time a save stores. A story taken out of the strip
 * (null, or a time already past) while it is in it keeps the instant it left,
 * so that pages can say when the strip last changed (breakingNews).
 */
function breakingUntil(asked: string | null | undefined, stored: string | null, now: string): string | null {
  if (asked === undefined) return stored;
  const live = stored !== null && stored > now;
  const wanted = asked === null ? null : new Date(asked).toISOString();
  if (live && (wanted === null || wanted <= now)) return now;
  return wanted;
}

/**
 * A new article's update time: the old site's last change when an import
 * says it (so that a migrated archive does not claim to be revised on the
 * day of the move), no later than now, and for a story already out no earlier than its publication.
 */
function importedUpdate(modifiedAt: string | undefined, publishedAt: string | null, now: string): string {
  const modified = modifiedAt === undefined ? Number.NaN : Date.parse(modifiedAt);
  if (Number.isNaN(modified)) return now;
  const iso = new Date(modified).toISOString();
  // A published story was not changed before it came out; a scheduled one is, before its time.
  const notBeforePublication = publishedAt !== null && publishedAt <= now && iso < publishedAt ? publishedAt : iso;
  return notBeforePublication > now ? now : notBeforePublication;
}

function toArticle(row: Row, tags: string[]): Article {
  return { ...articleFields(row, tags), body: row.body, importMeta: JSON.parse(row.import_meta) as ImportMeta };
}

/** An article's fields but its source (ArticleView's). */
function articleFields(row: Omit<Row, 'body' | 'import_meta' | 'author_key'>, tags: string[]): Omit<Article, 'body' | 'importMeta'> {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    tags,
    author: row.author,
    coAuthors: JSON.parse(row.coauthors) as string[],
    source: row.source,
    externalId: row.external_id,
    status: row.status as Article['status'],
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    featured: row.featured === 1,
    genre: row.genre as ArticleGenre,
    sponsor: row.sponsor,
    breakingUntil: row.breaking_until ?? null,
    corrections: JSON.parse(row.corrections) as Correction[],
    live: (row.live ?? null) as LiveState | null,
    liveUpdates: JSON.parse(row.live_updates) as LiveUpdate[],
    featureImageId: row.feature_image,
    ownerId: row.owner_id,
  };
}

/** The articles columns a page shows (ArticleView): all but the source. */
const VIEW_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.title',
  'articles.description',
  'articles.sections',
  'articles.author',
  'articles.coauthors',
  'articles.source',
  'articles.external_id',
  'articles.status',
  'articles.published_at',
  'articles.updated_at',
  'articles.created_at',
  'articles.owner_id',
  'articles.feature_image',
  'articles.featured',
  'articles.genre',
  'articles.sponsor',
  'articles.breaking_until',
  'articles.corrections',
  'articles.live',
  'articles.live_updates',
] as const;

type ViewRow = Omit<Row, 'body' | 'import_meta' | 'author_key'> & {
  tag_list: unknown;
  link_list: unknown;
  image_id: number | null;
  image_alt: string | null;
  image_width: number | null;
  image_height: number | null;
  image_renditions: string | null;
  author_cards: unknown;
};

type CardRow = {
  author_key: string;
  title: string;
  bio: string;
  links: string;
  updated_at: string;
  image_id: number | null;
  image_alt: string | null;
  image_width: number | null;
  image_height: number | null;
  image_renditions: string | null;
};

/** The bylines' profiles as an article's page shows them, by folded key (those without one are absent). */
function authorCardsOf(rows: unknown): Record<string, AuthorCard> {
  const cards: Record<string, AuthorCard> = {};
  for (const r of parseRows<CardRow>(rows)) {
    cards[r.author_key] = { jobTitle: r.title, bio: r.bio, links: JSON.parse(r.links) as string[], image: imageOf(r), updatedAt: r.updated_at };
  }
  return cards;
}

/** An ArticleView from the row of articleQuery. */
function articleViewOf(found: ViewRow): ArticleView {
  const { tag_list, link_list, image_id, image_alt, image_width, image_height, image_renditions, author_cards, ...row } = found;
  const links = parseRows<{ kind: string } & ArticleLink>(link_list);
  const pick = (kind: string): ArticleLink[] =>
    links.filter((l) => l.kind === kind).map((l) => ({ id: Number(l.id), slug: l.slug, title: l.title }));
  return {
    ...articleFields(row, parseRows<{ name: string }>(tag_list).map((t) => t.name)),
    sections: JSON.parse(row.sections) as Section[],
    seeAlso: pick('see_also'),
    related: pick('related'),
    featureImage: imageOf({ image_id, image_alt, image_width, image_height, image_renditions }),
    authorCards: authorCardsOf(author_cards),
  };
}

/** The most corrected stories the corrections page reads (the newest published, past that). */
const CORRECTED_READ = 5000;

/** The largest batch streamPublic reads at once. */
const MAX_BATCH = 5000;

/** The later of two ISO 8601 instants (they sort as text); null when both are. */
function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** A feature image from the media columns a page query joins (image_*); null without one. */
function imageOf(r: { image_id: number | null; image_alt: string | null; image_width: number | null; image_height: number | null; image_renditions: string | null }): ImageRef | null {
  if (r.image_id === null || r.image_renditions === null) return null;
  const { original, webp } = JSON.parse(r.image_renditions) as { original: Rendition; webp: Rendition[] };
  return { id: r.image_id, alt: r.image_alt ?? '', width: r.image_width ?? 0, height: r.image_height ?? 0, original, webp };
}

/**
 * An article's pinned and blocked links, in place of what they were. The
 * article itself and repeats are left out, and a pinned article is not also
 * blocked (the workflow refuses those with a reason; this keeps the table
 * sound for any caller).
 */
async function writeLinkRules(trx: Transaction<Database>, id: number, rules: LinkRules): Promise<void> {
  const pinned = [...new Set(rules.pinned)].filter((t) => t !== id).slice(0, MAX_PINNED);
  const blocked = [...new Set(rules.blocked)].filter((t) => t !== id && !pinned.includes(t)).slice(0, MAX_BLOCKED);
  await trx.deleteFrom('article_link_rules').where('article_id', '=', id).execute();
  const rows = [
    ...pinned.map((target_id, position) => ({ article_id: id, target_id, rule: 'pin' as const, position })),
    ...blocked.map((target_id, position) => ({ article_id: id, target_id, rule: 'block' as const, position })),
  ];
  if (rows.length) await trx.insertInto('article_link_rules').values(rows).execute();
}

export class KyselyStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    /** Told what each committed write changed (render caches purge on it). */
    readonly changes: ChangeBus = new LocalBus(),
  ) {
    this.newsroom = new KyselyNewsroomStore(db, changes);
    this.webhooks = new KyselyWebhookStore(db);
    this.previewLinks = new KyselyPreviewLinkStore(db);
    this.notes = new KyselyArticleNoteStore(db);
    this.trash = new KyselyTrashStore(db);
    this.#templates = new QueryTemplates(db);
  }

  /** The newsroom's tables (issue #5). */
  readonly newsroom: NewsroomStore;

  readonly webhooks: WebhookStore;

  readonly previewLinks: PreviewLinkStore;

  readonly notes: ArticleNoteStore;

  readonly trash: TrashStore;

  /** The page reads, compiled once (templates.ts). */
  readonly #templates: QueryTemplates;

  /** The full-text index (issue #3), written in saveOne's transaction. */
  get searchIndex(): SearchIndex {
    return (this.#searchIndex ??= isPostgres(this.db) ? new PgSearchIndex(this.db) : new SqliteFtsIndex(this.db));
  }
  #searchIndex: SearchIndex | undefined;

  /** The related-news engine's tables (issue #4). */
  get related(): RelatedStore {
    return (this.#related ??= new SqliteRelatedStore(this.db));
  }
  #related: RelatedStore | undefined;

  /** Public means published and with a publication time that has come. */
  private publicArticles(db: Db = this.db) {
    return db
      .selectFrom('articles')
      .where('status', '=', 'published')
      .where('published_at', '<=', new Date().toISOString());
  }

  /** The public articles a link may lead to: sponsored content is never offered as related (content/genre.ts). */
  private linkableArticles() {
    return this.publicArticles().where('genre', '<>', 'sponsored');
  }

  /** Runs a write transaction and, once it has committed, says what it changed (changes.ts writeAndTell). */
  private async write<T>(work: (trx: Transaction<Database>, change: ChangeSet) => Promise<T>): Promise<T> {
    return writeAndTell(this.db, this.changes, work);
  }

  async saveArticles(inputs: ArticleInput[], onProgress?: (saved: number) => void): Promise<SaveOutcome[]> {
    const valid = inputs.map(validateArticleInput);
    return this.write(async (trx, change) => {
      const outcomes: SaveOutcome[] = [];
      for (const input of valid) {
        outcomes.push(await this.saveOne(trx, input, change));
        onProgress?.(outcomes.length);
      }
      return outcomes;
    });
  }

  private async saveOne(trx: Transaction<Database>, input: ArticleInput, change: ChangeSet): Promise<SaveOutcome> {
    // By id (the newsroom, issue #5) or by external id (importers).
    const existing =
      input.id !== undefined
        ? await trx.selectFrom('articles').selectAll().where('id', '=', input.id).executeTakeFirst()
        : input.externalId
          ? await trx.selectFrom('articles').selectAll().where('external_id', '=', input.externalId).executeTakeFirst()
          : undefined;
    const before = existing ? { row: existing, tags: await this.tagNames(trx, existing.id) } : null;
    const now = new Date().toISOString();
    const status = input.status ?? 'published';
    if (input.expectedUpdatedAt !== undefined && existing?.updated_at !== input.expectedUpdatedAt) throw new StaleSaveError();
    const liveUpdates = input.liveUpdates ?? (existing ? (JSON.parse(existing.live_updates) as LiveUpdate[]) : []);
    const parsed = [...parseBody(input.body), ...liveSections(liveUpdates)];
    const uploads = await uploadsByKey(trx, uploadKeys(parsed));
    const sections = withUploads(parsed, uploads);
    const author = input.author ?? existing?.author ?? '';
    const coAuthors = coAuthorsOf(input.coAuthors ?? (existing ? (JSON.parse(existing.coauthors) as string[]) : []), author);
    const values = {
      title: input.title.trim(),
      description: input.description.trim(),
      body: input.body,
      sections: JSON.stringify(sections),
      author,
      author_key: bylineKey(author),
      coauthors: JSON.stringify(coAuthors),
      featured: input.featured === undefined ? (existing?.featured ?? 0) : Number(input.featured),
      genre: input.genre ?? existing?.genre ?? 'news',
      sponsor: input.sponsor === undefined ? (existing?.sponsor ?? '') : cleanLine(input.sponsor),
      breaking_until: breakingUntil(input.breakingUntil, existing?.breaking_until ?? null, now),
      corrections: input.corrections === undefined ? (existing?.corrections ?? '[]') : JSON.stringify(input.corrections.map(({ at, text }) => ({ at: new Date(at).toISOString(), text: text.trim() }))),
      // Updates are shown under a live or an ended coverage: an import that brings them without a state brings an ended one.
      live: (input.live === undefined ? (existing?.live ?? null) : input.live) ?? (liveUpdates.length ? 'ended' : null),
      live_updates: JSON.stringify(liveUpdates.map(({ id, at, text, key }) => ({ id, at: new Date(at).toISOString(), text: text.trim(), ...(key ? { key } : {}) }))),
      source: input.source ?? existing?.source ?? '',
      status,
      published_at:
        input.publishedAt !== undefined
          ? new Date(input.publishedAt).toISOString()
          : (existing?.published_at ?? (status === 'published' ? now : null)),
      updated_at: now,
      import_meta: JSON.stringify(input.importMeta ?? { seeAlso: [], related: [] }),
    };

    let id: number;
    if (existing) {
      const slug =
        input.slug && input.slug !== existing.slug && isValidSlug(input.slug) && !(await this.slugTaken(trx, input.slug))
          ? input.slug
          : existing.slug;
      const updated = await trx
        .updateTable('articles')
        .set({ ...values, slug })
        .where('id', '=', existing.id)
        // Checked again as it is written: on PostgreSQL a concurrent save may have committed since the read.
        .$if(input.expectedUpdatedAt !== undefined, (q) => q.where('updated_at', '=', input.expectedUpdatedAt!))
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new StaleSaveError();
      id = existing.id;
    } else {
      const slug = await this.uniqueSlug(trx, input.slug, values.title);
      const inserted = await trx
        .insertInto('articles')
        .values({ ...values, updated_at: importedUpdate(input.modifiedAt, values.published_at, now), slug, external_id: input.externalId ?? null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = inserted.id;
    }
    await this.replaceTags(trx, id, input.tags, status === 'published' ? values.published_at : null);
    await replaceBylines(trx, id, bylinesOf({ author, coAuthors }), status === 'published' ? values.published_at : null);
    await this.searchIndex.index(trx, { id, title: values.title, description: values.description, sections, published: status === 'published' });
    await recordUploads(trx, id, [...uploads.values()].map((u) => u.id));
    if (input.linkRules) await writeLinkRules(trx, id, input.linkRules);
    await afterArticleSave(trx, id, existing, input); // newsroom (issue #5): revision, redirect, image, owner
    const row = await trx.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const tags = await this.tagNames(trx, id);
    noteSave(change, before, { row, tags }, now);
    return { article: toArticle(row, tags), created: !existing };
  }

  private async slugTaken(db: Db, slug: string): Promise<boolean> {
    return (await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
  }

  /** The given slug when valid and free, else one from the headline, numbered if taken. */
  private async uniqueSlug(db: Db, wanted: string | undefined, title: string): Promise<string> {
    if (wanted && isValidSlug(wanted) && !(await this.slugTaken(db, wanted))) return wanted;
    const base = wanted && isValidSlug(wanted) ? wanted : slugify(title);
    let slug = base;
    for (let n = 2; await this.slugTaken(db, slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  /** `publishedAt`: the article's publication time if its status is published, else null (migration 0005). */
  private async replaceTags(trx: Transaction<Database>, articleId: number, names: string[], publishedAt: string | null): Promise<void> {
    await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    const seen = new Set<number>();
    for (const [position, name] of names.entries()) {
      const key = tagKey(name);
      if (!key) continue;
      await trx.insertInto('tags').values({ name: name.trim(), key }).onConflict((oc) => oc.column('key').doNothing()).execute();
      const tag = await trx.selectFrom('tags').select('id').where('key', '=', key).executeTakeFirstOrThrow();
      if (seen.has(tag.id)) continue;
      seen.add(tag.id);
      await trx.insertInto('article_tags').values({ article_id: articleId, tag_id: tag.id, position, published_at: publishedAt }).execute();
    }
  }

  private async tagNames(db: Db, articleId: number): Promise<string[]> {
    const rows = await db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', articleId)
      .orderBy('article_tags.position')
      .execute();
    return rows.map((r) => r.name);
  }

  /**
   * One statement (one round trip on PostgreSQL): the article row, its tag
   * names, its see-also and related links to public articles, and its
   * feature image, the lists as JSON arrays (json-rows.ts).
   */
  async getArticle(slug: string, options: { includeUnpublished?: boolean } = {}): Promise<ArticleWithSource | null> {
    const all = options.includeUnpublished === true;
    const [found] = await this.#templates.run(all ? 'article:any' : 'article:public', () => this.articleQuery(all, true), {
      slug,
      now: new Date().toISOString(),
    });
    if (!found) return null;
    return { ...articleViewOf(found), body: found.body!, importMeta: JSON.parse(found.import_meta!) as ImportMeta };
  }

  async getArticleView(slug: string): Promise<ArticleView | null> {
    const [found] = await this.#templates.run('article:view', () => this.articleQuery(false, false), {
      slug,
      now: new Date().toISOString(),
    });
    return found ? articleViewOf(found) : null;
  }

  /**
   * getArticle's statement, with the slug and the time as template
   * arguments; `withSource` adds the body and the import notes.
   */
  private articleQuery(includeUnpublished: boolean, withSource: boolean) {
    const now = arg<string>('now');
    const db = this.db.withTables<NewsroomTables>();
    let query = db
      .selectFrom('articles')
      .leftJoin('media', 'media.id', 'articles.feature_image')
      .select(VIEW_COLUMNS)
      .$if(withSource, (q) => q.select(['articles.body', 'articles.import_meta']))
      .select([
        'media.id as image_id',
        'media.alt as image_alt',
        'media.width as image_width',
        'media.height as image_height',
        'media.renditions as image_renditions',
      ])
      .select((eb) => [
        jsonRows(
          db,
          eb
            .selectFrom('article_tags')
            .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
            .select('tags.name')
            .whereRef('article_tags.article_id', '=', 'articles.id')
            .orderBy('article_tags.position'),
        ).as('tag_list'),
        jsonRows(
          db,
          eb
            .selectFrom('article_links')
            .innerJoin('articles as target', 'target.id', 'article_links.target_id')
            .select(['article_links.kind', 'target.id', 'target.slug', 'target.title'])
            .whereRef('article_links.article_id', '=', 'articles.id')
            .where('target.status', '=', 'published')
            .where('target.published_at', '<=', now)
            .orderBy('article_links.kind')
            .orderBy('article_links.position'),
        ).as('link_list'),
        // The bylines' profiles and portraits, for the boxes under the story: the page stays one lookup.
        jsonRows(
          db,
          eb
            .selectFrom('article_bylines as ab')
            .innerJoin('author_profiles as p', 'p.key', 'ab.author_key')
            .leftJoin('media as portrait', 'portrait.id', 'p.image_id')
            .select([
              'ab.author_key',
              'p.title',
              'p.bio',
              'p.links',
              'p.updated_at',
              'portrait.id as image_id',
              'portrait.alt as image_alt',
              'portrait.width as image_width',
              'portrait.height as image_height',
              'portrait.renditions as image_renditions',
            ])
            .whereRef('ab.article_id', '=', 'articles.id')
            .orderBy('ab.position'),
        ).as('author_cards'),
      ])
      .where('articles.slug', '=', arg<string>('slug'));
    if (!includeUnpublished) {
      query = query.where('articles.status', '=', 'published').where('articles.published_at', '<=', now);
    }
    return query;
  }

  async getArticleById(id: number): Promise<Article | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toArticle(row, await this.tagNames(this.db, id)) : null;
  }

  /**
   * One statement (one round trip on PostgreSQL): the count, the page's
   * rows with their feature images, and the rows' tag names. A tag's list
   * reads its rows and count from article_tags by (tag_id, published_at)
   * (migration 0005), an index range scan however many articles the tag has.
   */
  async listArticles({ page, limit, tag, entity, author, featured, genre, lead }: ListQuery): Promise<ArticlePage> {
    // Built once per shape with these stand-ins, run with the values (templates.ts).
    const withLead = lead !== undefined && lead > 0 && tag === undefined && author === undefined && entity === undefined && genre === undefined;
    const args: Record<string, unknown> = {
      now: new Date().toISOString(),
      limit,
      offset: (page - 1) * limit,
      entity,
      author: author === undefined ? undefined : bylineKey(author),
      genre,
      lead: withLead ? lead : undefined,
    };
    // One shape of statement per combination of filters.
    const shape = `${entity === undefined ? '' : '+entity'}${featured ? '+featured' : ''}${genre === undefined ? '' : '+genre'}${withLead ? '+lead' : ''}`;
    const now = arg<string>('now');
    const lim = arg<number>('limit');
    const off = arg<number>('offset');
    const ent = arg<string>('entity');
    const db = this.db.withTables<NewsroomTables>();
    const columns = [
      'a.id',
      'a.slug',
      'a.title',
      'a.description',
      'a.author',
      'a.published_at',
      'a.updated_at',
      'a.featured',
      'a.live',
      'a.genre',
      'media.id as image_id',
      'media.alt as image_alt',
      'media.width as image_width',
      'media.height as image_height',
      'media.renditions as image_renditions',
    ] as const;
    type PageRow = {
      id: number;
      slug: string;
      title: string;
      description: string;
      author: string;
      published_at: string | null;
      updated_at: string;
      featured: number | boolean;
      live: string | null;
      genre: string;
      image_id: number | null;
      image_alt: string | null;
      image_width: number | null;
      image_height: number | null;
      image_renditions: string | null;
    };
    let lastModified: string | null = null;
    const summaries = (pageRows: unknown, pageTags: unknown): ArticleSummary[] => {
      const rows = parseRows<PageRow>(pageRows);
      const tags = new Map<number, string[]>(rows.map((r) => [Number(r.id), []]));
      for (const t of parseRows<{ article_id: number; name: string }>(pageTags)) tags.get(Number(t.article_id))?.push(t.name);
      return rows.map((r) => {
        lastModified = latest(lastModified, latest(r.published_at, r.updated_at));
        const featureImage = imageOf(r);
        return {
          id: Number(r.id),
          slug: r.slug,
          title: r.title,
          description: r.description,
          author: r.author,
          tags: tags.get(Number(r.id)) ?? [],
          publishedAt: r.published_at,
          // JSON from SQLite's json_object says 1, PostgreSQL's says 1 too; a boolean is taken as well.
          featured: Number(r.featured) === 1,
          ...(r.live === 'live' ? { live: true } : {}),
          ...(r.genre !== 'news' ? { genre: r.genre as LabelledGenre } : {}),
          ...(featureImage ? { featureImage } : {}),
        };
      });
    };
    const toPage = (found: { total: unknown; page_rows: unknown; page_tags: unknown; lead_rows?: unknown; lead_tags?: unknown }, tagRow: Tag | null = null): ArticlePage => {
      const articles = summaries(found.page_rows, found.page_tags);
      const leadArticles = withLead ? summaries(found.lead_rows, found.lead_tags) : undefined;
      return {
        total: Number(found.total ?? 0),
        articles,
        lastModified,
        ...(tag !== undefined ? { tag: tagRow } : {}),
        ...(leadArticles ? { lead: leadArticles } : {}),
      };
    };
    const featuredIds = () => db.selectFrom('articles as f').select('f.id').where('f.featured', '=', 1);
    const genreIds = () => db.selectFrom('articles as g').select('g.id').where('g.genre', '=', arg<string>('genre'));
    const tagsOf = (ids: SelectQueryBuilder<any, any, { article_id: number } | { id: number }>) =>
      db
        .selectFrom('article_tags as pt')
        .innerJoin('tags as pn', 'pn.id', 'pt.tag_id')
        .select(['pt.article_id', 'pn.name'])
        .where('pt.article_id', 'in', ids as SelectQueryBuilder<any, any, { article_id: number }>)
        .orderBy('pt.article_id')
        .orderBy('pt.position');

    if (tag !== undefined) {
      const key = tagKey(tag);
      if (!key) return { total: 0, articles: [], lastModified: null, tag: null };
      const tagged = () => {
        let q = db.selectFrom('article_tags as at').where('at.tag_id', '=', sql.ref<number>('tags.id')).where('at.published_at', '<=', now);
        if (entity !== undefined) q = q.where('at.article_id', 'in', articlesNaming(ent));
        if (featured) q = q.where('at.article_id', 'in', featuredIds());
        if (genre !== undefined) q = q.where('at.article_id', 'in', genreIds());
        return q;
      };
      const build = () =>
        db
          .selectFrom('tags')
          .select(['tags.id', 'tags.name', 'tags.description'])
          .select((eb) => [
            tagged().select(eb.fn.countAll<number>().as('n')).as('total'),
            jsonRows(
              db,
              tagged()
                .innerJoin('articles as a', 'a.id', 'at.article_id')
                .leftJoin('media', 'media.id', 'a.feature_image')
                .select(columns)
                .orderBy('at.published_at', 'desc')
                .orderBy('at.article_id', 'desc')
                .limit(lim)
                .offset(off),
            ).as('page_rows'),
            jsonRows(
              db,
              tagsOf(tagged().select('at.article_id').orderBy('at.published_at', 'desc').orderBy('at.article_id', 'desc').limit(lim).offset(off)),
            ).as('page_tags'),
          ])
          .where('tags.key', '=', arg<string>('key'));
      const [found] = await this.#templates.run(`list:tag${shape}`, build, { ...args, key });
      if (!found) return { total: 0, articles: [], lastModified: null, tag: null };
      const total = Number(found.total ?? 0);
      return toPage(found, { id: found.id, name: found.name, slug: tagSlug(found.name), count: total, description: found.description });
    }

    if (author !== undefined) {
      // A byline's public articles, first or co-author, newest first: a range of article_bylines_by_date (migration 0022).
      const signed = () => {
        let q = db.selectFrom('article_bylines as ab').where('ab.author_key', '=', arg<string>('author')).where('ab.published_at', '<=', now);
        if (entity !== undefined) q = q.where('ab.article_id', 'in', articlesNaming(ent));
        if (featured) q = q.where('ab.article_id', 'in', featuredIds());
        if (genre !== undefined) q = q.where('ab.article_id', 'in', genreIds());
        return q;
      };
      const newest = <Q extends SelectQueryBuilder<any, any, any>>(q: Q) => q.orderBy('ab.published_at', 'desc').orderBy('ab.article_id', 'desc');
      const build = () =>
        db.selectNoFrom((eb) => [
          signed().select(eb.fn.countAll<number>().as('n')).as('total'),
          jsonRows(db, newest(signed().innerJoin('articles as a', 'a.id', 'ab.article_id').leftJoin('media', 'media.id', 'a.feature_image').select(columns)).limit(lim).offset(off)).as(
            'page_rows',
          ),
          jsonRows(db, tagsOf(newest(signed().select('ab.article_id')).limit(lim).offset(off))).as('page_tags'),
          // The page goes by the spelling of the newest article signed with any of the name's.
          newest(signed().select('ab.byline')).limit(1).as('byline'),
        ]);
      const [found] = await this.#templates.run(`list:author${shape}`, build, args);
      return { ...toPage(found!), byline: (found as { byline?: string | null }).byline ?? null };
    }

    const listed = () => {
      let q = db.selectFrom('articles as a').where('a.status', '=', 'published').where('a.published_at', '<=', now);
      if (entity !== undefined) q = q.where('a.id', 'in', articlesNaming(ent)); // related news (issue #4)
      if (featured) q = q.where('a.featured', '=', 1);
      // A genre's page: a range of articles_by_genre (migration 0023).
      if (genre !== undefined) q = q.where('a.genre', '=', arg<string>('genre'));
      return q;
    };
    // The home page's lead: a short range at the front of articles_featured (migration 0015).
    const leading = () =>
      db
        .selectFrom('articles as a')
        .where('a.featured', '=', 1)
        .where('a.status', '=', 'published')
        .where('a.published_at', '<=', now)
        .orderBy('a.published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(arg<number>('lead'));
    const home = () =>
      db.selectNoFrom((eb) => [
        listed().select(eb.fn.countAll<number>().as('n')).as('total'),
        jsonRows(
          db,
          listed()
            .leftJoin('media', 'media.id', 'a.feature_image')
            .select(columns)
            .orderBy('a.published_at', 'desc')
            .orderBy('a.id', 'desc')
            .limit(lim)
            .offset(off),
        ).as('page_rows'),
        jsonRows(
          db,
          tagsOf(listed().select('a.id').orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(lim).offset(off)),
        ).as('page_tags'),
        ...(withLead
          ? [
              jsonRows(db, leading().leftJoin('media', 'media.id', 'a.feature_image').select(columns)).as('lead_rows'),
              jsonRows(db, tagsOf(leading().select('a.id'))).as('lead_tags'),
            ]
          : []),
      ]);
    const [found] = await this.#templates.run(`list:home${shape}`, home, args);
    return toPage(found!);
  }

  async listSections(tags: string[], perSection: number): Promise<SectionHeadlines[]> {
    const keys = [...new Set(tags.map(tagKey).filter(Boolean))];
    if (keys.length === 0 || perSection < 1) return [];
    const now = new Date().toISOString();
    // Each tag's newest rows from its range of article_tags_by_date (migration 0005), glued with UNION ALL:
    // one round trip, and no window over the tags' whole history.
    const part = (key: string, section: number) =>
      this.db
        .selectFrom((eb) =>
          eb
            .selectFrom('article_tags as at')
            .innerJoin('tags as t', 't.id', 'at.tag_id')
            .innerJoin('articles as a', 'a.id', 'at.article_id')
            .select([sql.lit(section).as('section'), 't.name as tag', 'a.id', 'a.slug', 'a.title', 'at.published_at', 'a.updated_at'])
            .where('t.key', '=', key)
            .where('at.published_at', '<=', now)
            .orderBy('at.published_at', 'desc')
            .orderBy('at.article_id', 'desc')
            .limit(perSection)
            .as(`s${section}`),
        )
        .selectAll();
    let query = part(keys[0]!, 0);
    for (let i = 1; i < keys.length; i++) query = query.unionAll(part(keys[i]!, i));
    const rows = await query.execute();
    const sections = new Map<number, SectionHeadlines>();
    for (const r of rows) {
      const at = Number(r.section);
      if (!sections.has(at)) sections.set(at, { tag: r.tag, articles: [] });
      sections.get(at)!.articles.push({ id: Number(r.id), slug: r.slug, title: r.title, publishedAt: r.published_at!, updatedAt: r.updated_at });
    }
    // In the order asked, each newest first (UNION ALL keeps neither).
    return [...sections.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, s]) => ({ ...s, articles: s.articles.sort((x, y) => (x.publishedAt === y.publishedAt ? y.id - x.id : x.publishedAt < y.publishedAt ? 1 : -1)) }));
  }

  async addTagAliases(aliases: TagAlias[]): Promise<void> {
    // An alias without an address (a Sahifa export's tag line) brings only its description.
    const keyed = aliases.map((a) => ({ alias: a.alias, key: tagKey(a.name) })).filter((a) => a.key);
    if (keyed.length === 0) return;
    const tags = await this.db.selectFrom('tags').select(['id', 'key']).where('key', 'in', [...new Set(keyed.map((a) => a.key))]).execute();
    const ids = new Map(tags.map((t) => [t.key, t.id]));
    // One tag may have several aliases (a category and a tag of one name); a name with no tag here has none.
    const rows = [...new Map(keyed.filter((a) => a.alias && ids.has(a.key)).map((a) => [a.alias, { alias: a.alias, tag_id: ids.get(a.key)! }])).values()];
    // An alias already recorded keeps its tag: the first import that named it wins.
    if (rows.length) await this.db.insertInto('tag_aliases').values(rows).onConflict((oc) => oc.column('alias').doNothing()).execute();
    // The old site's description, for a tag with none here (an editor's own is never replaced).
    const described = new Map(
      aliases.flatMap((a) => {
        // Another site's may be longer than ours: cut where a word ends.
        const text = cutOnWord(cleanLine(a.description ?? ''), TAG_DESCRIPTION_MAX);
        const id = ids.get(tagKey(a.name));
        return text && id !== undefined ? [[id, text] as const] : [];
      }),
    );
    for (const [id, description] of described) {
      await this.db.updateTable('tags').set({ description }).where('id', '=', id).where('description', '=', '').execute();
    }
  }

  async tagNameByAlias(alias: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('tag_aliases')
      .innerJoin('tags', 'tags.id', 'tag_aliases.tag_id')
      .select('tags.name')
      .where('tag_aliases.alias', '=', alias)
      .executeTakeFirst();
    return row?.name ?? null;
  }

  async addAuthorAliases(aliases: AuthorAlias[]): Promise<void> {
    const rows = [...new Map(aliases.filter((a) => a.alias && a.byline).map((a) => [a.alias, { alias: a.alias, byline: a.byline }])).values()];
    // Like a tag's: the first import that named an address keeps it.
    if (rows.length) await this.db.insertInto('author_aliases').values(rows).onConflict((oc) => oc.column('alias').doNothing()).execute();
  }

  async bylineByAlias(alias: string): Promise<string | null> {
    const row = await this.db.selectFrom('author_aliases').select('byline').where('alias', '=', alias).executeTakeFirst();
    return row?.byline ?? null;
  }

  async getTag(nameOrSlug: string): Promise<Tag | null> {
    const key = tagKey(nameOrSlug);
    if (!key) return null;
    const row = await this.db
      .selectFrom('tags')
      .select(['id', 'name', 'description'])
      .select((eb) =>
        eb
          .selectFrom('article_tags')
          .whereRef('article_tags.tag_id', '=', 'tags.id')
          .where('article_tags.published_at', '<=', new Date().toISOString()) // null unless published (migration 0005)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('count'),
      )
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? { id: row.id, name: row.name, slug: tagSlug(row.name), count: Number(row.count ?? 0), description: row.description } : null;
  }

  async listIdsByTags(tagIds: number[], limit: number, excludeIds: number[]): Promise<number[]> {
    if (tagIds.length === 0) return [];
    let query = this.linkableArticles().where('id', 'in', (eb) =>
      eb.selectFrom('article_tags').select('article_id').where('tag_id', 'in', tagIds),
    );
    if (excludeIds.length) query = query.where('id', 'not in', excludeIds);
    const rows = await query.select('id').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  async listLatestIds(limit: number, excludeIds: number[]): Promise<number[]> {
    let query = this.linkableArticles();
    if (excludeIds.length) query = query.where('id', 'not in', excludeIds);
    const rows = await query.select('id').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  async listPublicIds(): Promise<number[]> {
    const rows = await this.publicArticles().select('id').orderBy('published_at').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  async tagIdsOf(articleId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('article_tags')
      .select('tag_id')
      .where('article_id', '=', articleId)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.tag_id);
  }

  async setLinks(articleId: number, links: { seeAlso: LinkChoice[]; related: LinkChoice[] }): Promise<void> {
    await this.write(async (trx, change) => {
      const rows = [
        ...links.seeAlso.map((l, position) => ({ kind: 'see_also' as const, position, l })),
        ...links.related.map((l, position) => ({ kind: 'related' as const, position, l })),
      ].map(({ kind, position, l }) => ({ article_id: articleId, kind, position, target_id: l.targetId, score: l.score }));
      const old = await trx
        .selectFrom('article_links')
        .select(['kind', 'position', 'target_id'])
        .where('article_id', '=', articleId)
        .orderBy('kind')
        .orderBy('position')
        .execute();
      const shown = (r: { kind: string; position: number; target_id: number }) => `${r.kind}:${r.position}:${r.target_id}`;
      // Scores alone do not change the page: only a different list does.
      if (old.map(shown).sort().join() === rows.map(shown).sort().join()) return;
      await trx.deleteFrom('article_links').where('article_id', '=', articleId).execute();
      if (rows.length) await trx.insertInto('article_links').values(rows).execute();
      change.page(articleId);
    });
  }

  async importedImages(externalIds: string[]): Promise<Map<string, Record<string, string>>> {
    const out = new Map<string, Record<string, string>>();
    for (let i = 0; i < externalIds.length; i += 500) {
      const rows = await this.db.selectFrom('articles').select(['external_id', 'import_meta']).where('external_id', 'in', externalIds.slice(i, i + 500)).execute();
      for (const r of rows) {
        const images = (JSON.parse(r.import_meta) as ImportMeta).images;
        if (images) out.set(r.external_id!, images);
      }
    }
    return out;
  }

  async externalIdsWithImage(externalIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < externalIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('articles')
        .select('external_id')
        .where('external_id', 'in', externalIds.slice(i, i + 500))
        .where('feature_image', 'is not', null)
        .execute();
      for (const r of rows) out.add(r.external_id!);
    }
    return out;
  }

  async countArticles(): Promise<number> {
    const { n } = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async analysisVersions(): Promise<Partial<Record<AnalysedPart, number>>> {
    const rows = await this.db.selectFrom('analysis_versions').select(['part', 'version']).execute();
    return Object.fromEntries(rows.map((r) => [r.part, Number(r.version)]));
  }

  async setAnalysisVersion(part: AnalysedPart, version: number): Promise<void> {
    await this.db
      .insertInto('analysis_versions')
      .values({ part, version })
      .onConflict((oc) => oc.column('part').doUpdateSet({ version }))
      .execute();
  }

  // --- Sitemaps and feeds (issue #6): streamed, keyset-paginated reads. ---

  /**
   * Public articles as of `now`, narrowed by the range's tag and start; null
   * when the tag does not exist (nothing can match).
   */
  private async publicRange(range: Pick<PublicRange, 'since' | 'tag' | 'author' | 'genre'>, now: string) {
    let query = this.db.selectFrom('articles').where('status', '=', 'published').where('published_at', '<=', now);
    if (range.since !== undefined) query = query.where('published_at', '>=', range.since);
    // A genre's rows: a range of articles_by_genre (migration 0023).
    if (range.genre !== undefined && range.tag === undefined && range.author === undefined) query = query.where('genre', '=', range.genre);
    if (range.author !== undefined) {
      // A byline's rows, in any spelling and at any place in the byline: a range of article_bylines_by_date
      // (migration 0022), in the callers' order, as a tag's below.
      let signed = this.db
        .selectFrom('article_bylines as ab')
        .innerJoin('articles as a', 'a.id', 'ab.article_id')
        .select(['ab.article_id as id', 'ab.published_at as published_at', 'a.slug', 'a.title', 'a.description', 'a.author', 'a.coauthors', 'a.genre', 'a.sponsor', 'a.updated_at'])
        .where('ab.author_key', '=', bylineKey(range.author))
        .where('ab.published_at', '<=', now);
      if (range.since !== undefined) signed = signed.where('ab.published_at', '>=', range.since);
      return this.db.selectFrom(signed.as('articles')) as unknown as typeof query;
    }
    if (range.tag === undefined) return query;
    const key = tagKey(range.tag);
    const tag = key ? await this.db.selectFrom('tags').select('id').where('key', '=', key).executeTakeFirst() : undefined;
    if (!tag) return null;
    // A tag's public rows come from article_tags by its (tag_id, published_at, article_id) index
    // (migration 0005), whose order is the callers' (published_at, id): the row's date and id are
    // article_tags' own, which both engines then read in index order. Filtering articles by
    // `id IN (the tag's rows)` instead made them walk every public article by date to find a
    // small tag's few: 7-10 ms for a feed of a tag with 20 articles at 100,000.
    let rows = this.db
      .selectFrom('article_tags as at')
      .innerJoin('articles as a', 'a.id', 'at.article_id')
      .select(['at.article_id as id', 'at.published_at as published_at', 'a.slug', 'a.title', 'a.description', 'a.author', 'a.coauthors', 'a.genre', 'a.sponsor', 'a.updated_at'])
      .where('at.tag_id', '=', tag.id)
      .where('at.published_at', '<=', now);
    if (range.since !== undefined) rows = rows.where('at.published_at', '>=', range.since);
    // The same columns under the same names as the articles table, for the callers' queries.
    return this.db.selectFrom(rows.as('articles')) as unknown as typeof query;
  }

  async *streamAll(options: { batchSize?: number } = {}): AsyncIterable<Article> {
    const batchSize = Math.min(Math.max(1, Math.floor(options.batchSize ?? 500)), MAX_BATCH);
    let after = 0;
    for (;;) {
      const rows = await this.db.selectFrom('articles').selectAll().where('id', '>', after).orderBy('id').limit(batchSize).execute();
      if (rows.length === 0) return;
      const tags = await tagNamesByArticle(this.db, rows.map((r) => r.id));
      for (const row of rows) yield toArticle(row, tags.get(row.id) ?? []);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async *streamPublic(options: PublicStreamOptions = {}): AsyncIterable<PublicArticleRow> {
    const { order = 'asc', offset = 0, limit = Number.POSITIVE_INFINITY } = options;
    // Each batch's tags are read with one IN list: keep it well under SQLite's variable limit.
    const batchSize = Math.min(Math.max(1, Math.floor(options.batchSize ?? 1000)), MAX_BATCH);
    // One instant for the whole stream, so that batches agree on what is public.
    const base = await this.publicRange(options, new Date().toISOString());
    if (!base) return;
    let cursor: { publishedAt: string; id: number } | null = null;
    let remaining = limit;
    while (remaining > 0) {
      const size = Math.min(batchSize, remaining);
      let query = base
        .select(['id', 'slug', 'title', 'description', 'author', 'coauthors', 'genre', 'sponsor', 'published_at', 'updated_at'])
        .orderBy('published_at', order)
        .orderBy('id', order)
        .limit(size);
      if (cursor) {
        const after = cursor;
        query = query.where((eb) =>
          eb(eb.refTuple('published_at', 'id'), order === 'asc' ? '>' : '<', eb.tuple(after.publishedAt, after.id)),
        );
      } else if (offset > 0) {
        query = query.offset(offset);
      }
      const rows = await query.execute();
      if (rows.length === 0) return;
      const tags = await tagNamesByArticle(this.db, rows.map((r) => r.id));
      for (const r of rows) {
        yield {
          id: r.id,
          slug: r.slug,
          title: r.title,
          description: r.description,
          author: r.author,
          coAuthors: JSON.parse(r.coauthors) as string[],
          genre: r.genre as ArticleGenre,
          sponsor: r.sponsor,
          publishedAt: r.published_at!,
          updatedAt: r.updated_at,
          tags: tags.get(r.id) ?? [],
        };
      }
      remaining -= rows.length;
      if (rows.length < size) return;
      const last = rows[rows.length - 1]!;
      cursor = { publishedAt: last.published_at!, id: last.id };
    }
  }

  async countPublic(options: Pick<PublicRange, 'since' | 'tag'> = {}): Promise<number> {
    const base = await this.publicRange(options, new Date().toISOString());
    if (!base) return 0;
    const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  async lastModifiedPublic(range: PublicRange = {}): Promise<string | null> {
    const base = await this.publicRange(range, new Date().toISOString());
    if (!base) return null;
    const order = range.order ?? 'asc';
    let rows = base.select(['published_at', 'updated_at']);
    if (range.offset !== undefined || range.limit !== undefined) {
      rows = rows
        .orderBy('published_at', order)
        .orderBy('id', order)
        .limit(range.limit ?? Number.MAX_SAFE_INTEGER)
        .offset(range.offset ?? 0);
    }
    const row = await this.db
      .selectFrom(rows.as('r'))
      .select((eb) => [eb.fn.max('r.published_at').as('published'), eb.fn.max('r.updated_at').as('updated')])
      .executeTakeFirst();
    return latest(row?.published ?? null, row?.updated ?? null);
  }

  async listTags(): Promise<TagStat[]> {
    const rows = await this.db
      .selectFrom('tags')
      .innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
      .innerJoin('articles', 'articles.id', 'article_tags.article_id')
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', new Date().toISOString())
      .groupBy(['tags.id', 'tags.name', 'tags.description'])
      .select((eb) => [
        'tags.name',
        'tags.description',
        eb.fn.countAll<number>().as('n'),
        eb.fn.max('articles.published_at').as('published'),
        eb.fn.max('articles.updated_at').as('updated'),
      ])
      .orderBy('tags.name')
      .execute();
    return rows.map((r) => ({
      name: r.name,
      slug: tagSlug(r.name),
      count: Number(r.n),
      description: r.description,
      lastModified: latest(r.published, r.updated)!,
    }));
  }

  async listAuthors(): Promise<AuthorStat[]> {
    const now = new Date().toISOString();
    const rows = await this.db
      .selectFrom('article_bylines as ab')
      .innerJoin('articles as a', 'a.id', 'ab.article_id')
      // Every byline's public rows, first or co-author: article_bylines_by_date (migration 0022) read by key.
      .where('ab.author_key', '>', '')
      .where('ab.published_at', '<=', now)
      .groupBy('ab.author_key')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.max('ab.published_at').as('published'),
        eb.fn.max('a.updated_at').as('updated'),
        // The spelling the author's page goes by: its newest article's (listArticles).
        eb
          .selectFrom('article_bylines as b')
          .select('b.byline')
          .whereRef('b.author_key', '=', 'ab.author_key')
          .where('b.published_at', '<=', now)
          .orderBy('b.published_at', 'desc')
          .orderBy('b.article_id', 'desc')
          .limit(1)
          .as('byline'),
      ])
      .orderBy('ab.author_key')
      .execute();
    return rows.map((r) => ({ byline: r.byline ?? '', count: Number(r.n), lastModified: latest(r.published, r.updated)! }));
  }


  async search(query: SearchQuery): Promise<SearchResults> {
    return this.searchIndex.search(query);
  }

  // --- The newsroom (issue #5) ---

  async publishDue(now: string): Promise<number[]> {
    return this.write(async (trx, change) => {
      const rows = await trx
        .updateTable('articles')
        .set({ status: 'published', updated_at: now })
        .where('status', '=', 'scheduled')
        .where('published_at', '<=', now)
        .returning(['id', 'title', 'description', 'sections', 'author', 'coauthors', 'breaking_until', 'corrections'])
        .execute();
      if (rows.length) {
        // Their tag and byline rows enter the tag and author pages' indexes (migrations 0005, 0022).
        for (const table of ['article_tags', 'article_bylines'] as const) {
          await trx
            .updateTable(table)
            .set((eb) => ({ published_at: eb.selectFrom('articles').select('articles.published_at').whereRef('articles.id', '=', `${table}.article_id`) }))
            .where('article_id', 'in', rows.map((r) => r.id))
            .execute();
        }
      }
      for (const r of rows) {
        const sections = JSON.parse(r.sections) as Section[];
        await this.searchIndex.index(trx, { id: r.id, title: r.title, description: r.description, sections, published: true });
        change
          .page(r.id)
          .card(r.id)
          .listings((await this.tagNames(trx, r.id)).map(tagKey))
          .authors([r.author, ...(JSON.parse(r.coauthors) as string[])]);
        if (r.breaking_until !== null && r.breaking_until > now) change.breaking();
        if (r.corrections !== '[]') change.corrections();
      }
      return rows.map((r) => r.id);
    });
  }

  async backupTo(file: string): Promise<void> {
    if (isPostgres(this.db)) throw new Error('a PostgreSQL database is backed up with pg_dump');
    // VACUUM INTO writes a compacted copy from one read transaction: writers go on meanwhile (WAL).
    await sql`vacuum into ${file}`.execute(this.db);
  }

  async breakingNews(now: string): Promise<BreakingNews> {
    // Both read the few rows with a time, at the ends of articles_breaking (migration 0016).
    const row = await this.db
      .selectFrom('articles')
      .select(['id', 'slug', 'title', 'published_at', 'breaking_until'])
      .where('breaking_until', '>', now)
      .where('status', '=', 'published')
      .where('published_at', '<=', now)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    // When the strip last changed, as far as rows say: the last save of a story marked for now, whatever
    // its status (a live one unpublished leaves the strip), and the last end of one (by its time, or by an
    // editor, which a save records as its end: breakingUntil above). A deleted story's leaving is not here.
    const saved = await this.db.selectFrom('articles').select((eb) => eb.fn.max('updated_at').as('last')).where('breaking_until', '>', now).executeTakeFirst();
    const ended = await this.db.selectFrom('articles').select((eb) => eb.fn.max('breaking_until').as('last')).where('breaking_until', '<=', now).executeTakeFirst();
    const story = row ? { id: row.id, slug: row.slug, title: row.title, publishedAt: row.published_at!, until: row.breaking_until! } : null;
    return { story, changedAt: latest((saved?.last as string | null | undefined) ?? null, (ended?.last as string | null | undefined) ?? null) };
  }

  async recordViews(views: Map<string, number>, at: Date, keepSince: string): Promise<void> {
    const hour = viewHour(at);
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks([...views.keys()])) {
        const found = await trx.selectFrom('articles').select(['id', 'slug']).where('slug', 'in', part).execute();
        if (!found.length) continue;
        await trx
          .insertInto('article_views')
          .values(found.map((a) => ({ article_id: a.id, hour, views: views.get(a.slug)! })))
          .onConflict((oc) => oc.columns(['article_id', 'hour']).doUpdateSet({ views: (eb) => eb('article_views.views', '+', eb.ref('excluded.views')) }))
          .execute();
      }
      await trx.deleteFrom('article_views').where('hour', '<', keepSince).execute();
    });
  }

  async listCorrections(limit: number): Promise<PublishedCorrection[]> {
    // Every corrected story, through the partial index articles_corrected (migration 0028): an old story
    // corrected today comes first, so they are not read by publication date. Newsrooms correct one story
    // in a hundred or fewer; CORRECTED_READ bounds a pathological archive.
    const rows = await this.publicArticles()
      .select(['id', 'slug', 'title', 'published_at', 'corrections'])
      // A literal, as the index's own condition is: a bound parameter would not let the planners use it.
      .where(sql<boolean>`corrections <> '[]'`)
      .orderBy('published_at', 'desc')
      .limit(CORRECTED_READ)
      .execute();
    const all = rows.flatMap((r) => (JSON.parse(r.corrections) as Correction[]).map((c) => ({ ...c, article: { id: r.id, slug: r.slug, title: r.title, publishedAt: r.published_at! } })));
    return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
  }

  async mostRead(since: string, now: string, limit: number): Promise<MostReadStory[]> {
    const rows = await this.db
      .selectFrom('article_views as v')
      .innerJoin('articles as a', 'a.id', 'v.article_id')
      .select((eb) => ['a.id', 'a.slug', 'a.title', eb.fn.sum<number | string>('v.views').as('views')])
      .where('v.hour', '>=', since)
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', now)
      // Readers' choice of news: paid content does not rank in it (content/genre.ts).
      .where('a.genre', '<>', 'sponsored')
      .groupBy(['a.id', 'a.slug', 'a.title'])
      .orderBy('views', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    // PostgreSQL's sum of integers is a bigint, which pg gives as a string.
    return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, views: Number(r.views) }));
  }

  async deleteArticle(id: number, trash?: NewTrashEntry): Promise<number[] | null> {
    return this.write(async (trx, change) => {
      const tags = await trx.selectFrom('article_tags').select('tag_id').where('article_id', '=', id).execute();
      const byline = await trx.selectFrom('articles').select(['author', 'coauthors', 'breaking_until', 'corrections']).where('id', '=', id).executeTakeFirst();
      change
        .page(id)
        .card(id)
        .listings((await this.tagNames(trx, id)).map(tagKey))
        .authors(byline ? [byline.author, ...(JSON.parse(byline.coauthors) as string[])] : []);
      if (byline?.breaking_until && byline.breaking_until > new Date().toISOString()) change.breaking();
      if (byline && byline.corrections !== '[]') change.corrections();
      // Related news: its words leave the document frequencies, its postings the index (issue #4).
      await forgetArticles(trx, [id]);
      const deleted = await trx.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) return null;
      if (trash) await keepInTrash(trx, trash, new Date().toISOString());
      await this.searchIndex.remove(trx, id);
      return tags.map((t) => t.tag_id);
    });
  }

  /**
   * Right after a bulk import PostgreSQL plans with the statistics of the
   * nearly empty tables until autovacuum gets to them (an article read took
   * 5 ms instead of 0.07 ms at 3,000 articles): VACUUM and ANALYZE now. On SQLite its
   * own equivalent, bounded so that it stays quick on a large file.
   */
  async refreshStatistics(): Promise<void> {
    if (isPostgres(this.db)) {
      // This schema's tables only: a bare VACUUM also visits the shared catalogs, and warns about each one an owner may not touch.
      // VACUUM as well as ANALYZE: it marks the new rows all-visible, so that counts and postings are read
      // from their indexes alone (the home page's count of 100,000 public articles: 27 ms before, 10 ms after).
      const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(this.db);
      if (rows.length > 0) await sql`VACUUM (ANALYZE) ${sql.join(rows.map((r) => sql.table(r.name)))}`.execute(this.db);
      return;
    }
    await sql`PRAGMA analysis_limit = 1000`.execute(this.db);
    await sql`PRAGMA optimize`.execute(this.db);
  }

  async ping(): Promise<{ engine: 'sqlite' | 'postgres' }> {
    await sql`select 1`.execute(this.db);
    return { engine: isPostgres(this.db) ? 'postgres' : 'sqlite' };
  }

  async close(): Promise<void> {
    // A topic space being trained after a save (related/topics.ts) finishes first.
    if (this.#related) await topicTraining(this.#related);
    // PostgreSQL's idle connections do not keep the process alive (postgres.ts):
    // hold it open until they are closed, or it could exit half-way.
    const hold = setInterval(() => {}, 60_000);
    try {
      await this.changes.close();
      await this.db.destroy();
    } finally {
      clearInterval(hold);
    }
  }
}
