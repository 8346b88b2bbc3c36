/**
 * The one storage interface. The web server, the CLI and the services talk
 * to this, never to SQL, so that a PostgreSQL implementation can stand in
 * for SQLite without changing a caller.
 */
import type { Article, ArticleInput, ArticleLink, ArticleSummary, AuthorAlias, Correction } from '../content/article.js';
import type { AuthorCard } from '../content/authors.js';
import type { ArticleGenre } from '../content/genre.js';
import type { Section } from '../content/body.js';
import type { ChangeBus } from './changes.js';
import type { ImageRef } from '../content/image.js';
import type { TagAlias } from '../content/tags.js';
import type { NewsroomStore } from './newsroom.js';
import type { SearchQuery, SearchResults } from '../search/types.js';
import type { RelatedStore } from '../related/types.js';
import type { WebhookStore } from './webhooks.js';
import type { PreviewLinkStore } from './preview-links.js';
import type { ArticleNoteStore } from './article-notes.js';
import type { NewTrashEntry, TrashStore } from './trash.js';

/**
 * What a page shows of an article. It leaves out the source text (`body`,
 * which the page shows as `sections`, parsed on save) and the import notes:
 * an uncached page read on PostgreSQL spent a tenth of its time fetching,
 * decompressing and decoding them.
 */
export interface ArticleView extends Omit<Article, 'body' | 'importMeta'> {
  sections: Section[];
  seeAlso: ArticleLink[];
  related: ArticleLink[];
  /** Newsroom (issue #5): the feature image, when there is one. */
  featureImage?: ImageRef | null;
  /** What the bylines' profiles say (content/authors.ts), by the byline's folded key; those without one are absent. */
  authorCards?: Record<string, AuthorCard>;
}

/** An article's page data with its source, for the APIs and the admin. */
export interface ArticleWithSource extends ArticleView, Pick<Article, 'body' | 'importMeta'> {}

export interface ListQuery {
  page: number;
  limit: number;
  /** A tag's name or slug, in any spelling variant. */
  tag?: string;
  /** Related news (issue #4): only articles naming this gazetteer entity (its display name). */
  entity?: string;
  /** An author's page: only articles signed with this byline, in any spelling (content/bylines.ts). */
  author?: string;
  /** Only the featured articles (the Content API's `?featured=true`). */
  featured?: boolean;
  /** Only the pieces of this genre (the opinion page's, the APIs' `?genre=`). */
  genre?: ArticleGenre;
  /** The home page (no tag, author or entity): also its lead, the newest this many public featured articles. */
  lead?: number;
}

export interface ArticlePage {
  total: number;
  articles: ArticleSummary[];
  /** The latest publication or update among the listed articles; null when none (a page's Last-Modified). */
  lastModified?: string | null;
  /** With `tag` in the query: the tag found (null when none), its count the same as `total`. */
  tag?: Tag | null;
  /** With `author`: the byline as the newest of its articles spells it (null when none); the page goes by it. */
  byline?: string | null;
  /** With `lead`: the home page's featured stories, newest first. */
  lead?: ArticleSummary[];
}

/** A section's newest public articles, as the home page's blocks list them. */
export interface SectionHeadlines {
  /** The tag's name as stored. */
  tag: string;
  articles: (ArticleLink & { publishedAt: string; updatedAt: string })[];
}

/** The story the breaking-news strip ("عاجل") shows. */
export interface BreakingStory {
  id: number;
  slug: string;
  title: string;
  publishedAt: string;
  /** When it stops being breaking news (ISO 8601). */
  until: string;
}

/** What the strip shows now, and the last time that changed as far as the rows say (a page's Last-Modified). */
export interface BreakingNews {
  story: BreakingStory | null;
  /** The later of the last save of a story marked breaking for now (any status) and the last end of one; null when none was ever. */
  changedAt: string | null;
}

/** The hour readers' visits are counted in (article_views.hour): '2026-11-29T14', UTC, sorting as text. */
export const viewHour = (at: Date): string => at.toISOString().slice(0, 13);

/** One of the most-read stories: its headline and its readers' visits in the period asked. */
export interface MostReadStory {
  id: number;
  slug: string;
  title: string;
  views: number;
}

/** A correction as the site-wide corrections page lists it, with its story. */
export interface PublishedCorrection extends Correction {
  article: ArticleLink & { publishedAt: string };
}

export interface Tag {
  id: number;
  name: string;
  slug: string;
  count: number;
  /** A line or two about it, under its page's heading; '' when none. */
  description: string;
}

// --- Sitemaps and feeds (issue #6): streamed, keyset-paginated reads. ---

/** A public article as sitemaps and feeds list it: no body. */
export interface PublicArticleRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  author: string;
  /** The other bylines, in order. */
  coAuthors: string[];
  genre: ArticleGenre;
  /** Sponsored content's advertiser, '' when none. */
  sponsor: string;
  publishedAt: string;
  updatedAt: string;
  /** In the article's order: the first is its section. */
  tags: string[];
}

export interface PublicRange {
  /** 'asc' oldest first (sitemaps, the default), 'desc' newest first (feeds, lists). */
  order?: 'asc' | 'desc';
  /** Rows to skip first (a sitemap page N starts at (N - 1) × 50,000). */
  offset?: number;
  limit?: number;
  /** Only articles published at or after this instant (ISO 8601). */
  since?: string;
  /** A tag's name or slug, in any spelling variant. */
  tag?: string;
  /** A byline, in any spelling (not with `tag`). */
  author?: string;
  /** One genre's pieces (not with `tag` or `author`): the opinion and analysis pages' feeds. */
  genre?: ArticleGenre;
}

export interface PublicStreamOptions extends PublicRange {
  /** Rows read per query; memory holds one batch. Default 1,000, at most 5,000. */
  batchSize?: number;
}

/** A byline with public articles (every spelling of it): the newest's spelling, how many, when the newest appeared or changed. */
export interface AuthorStat {
  byline: string;
  count: number;
  lastModified: string;
}

/** A tag with public articles: how many, and when the newest appeared or changed. */
export interface TagStat {
  name: string;
  slug: string;
  count: number;
  /** What the editors wrote about it; '' when nothing. */
  description: string;
  /** The latest publication or update among its public articles (ISO 8601). */
  lastModified: string;
}

export interface SaveOutcome {
  article: Article;
  created: boolean;
}

/** The parts of the derived data that the text analysis builds: the search index and the related-news profiles. */
export type AnalysedPart = 'search' | 'related';

/** A scored link to store under an article. */
export interface LinkChoice {
  targetId: number;
  score: number;
}

/** A save that named the update time it was made from (ArticleInput.expectedUpdatedAt) found the article saved since. */
export class StaleSaveError extends Error {
  constructor() {
    super('the article was saved by someone else meanwhile');
    this.name = 'StaleSaveError';
  }
}

export interface Store {
  /**
   * Creates or updates (by external id) every input in one transaction: all
   * or nothing. `onProgress` hears how many are saved so far.
   */
  saveArticles(inputs: ArticleInput[], onProgress?: (saved: number) => void): Promise<SaveOutcome[]>;
  /** Of these external ids, those of articles that have a feature image (an import run again keeps it). */
  externalIdsWithImage(externalIds: string[]): Promise<Set<string>>;
  /** Of these external ids, the body images each article's import brought in (ImportMeta.images), for an import run again. */
  importedImages(externalIds: string[]): Promise<Map<string, Record<string, string>>>;
  /** A published, already public article by slug, with its source. */
  getArticle(slug: string, options?: { includeUnpublished?: boolean }): Promise<ArticleWithSource | null>;
  /** What the article's public page shows: getArticle without the source. */
  getArticleView(slug: string): Promise<ArticleView | null>;
  getArticleById(id: number): Promise<Article | null>;
  /** Published articles, newest first. */
  listArticles(query: ListQuery): Promise<ArticlePage>;
  /**
   * The newest `perSection` public articles of each of these tags (names in
   * any spelling), in the order given; a tag with none is left out. One
   * statement: a short range of article_tags' date index per tag.
   */
  listSections(tags: string[], perSection: number): Promise<SectionHeadlines[]>;
  getTag(nameOrSlug: string): Promise<Tag | null>;
  /**
   * Records other sites' addresses (slugs) of tags, by the tags' names; a name
   * with no tag yet is skipped. An alias's description becomes its tag's when
   * the tag has none.
   */
  addTagAliases(aliases: TagAlias[]): Promise<void>;
  /** The name of the tag an old address (a slug recorded by addTagAliases) stands for. */
  tagNameByAlias(alias: string): Promise<string | null>;
  /** Records other sites' addresses (slugs) of authors' archives; an alias already recorded keeps its byline. */
  addAuthorAliases(aliases: AuthorAlias[]): Promise<void>;
  /** The byline an old author address (a slug recorded by addAuthorAliases) stands for. */
  bylineByAlias(alias: string): Promise<string | null>;
  /** Public articles sharing any of the tags, newest first (the foundation's related rule); never sponsored content. */
  listIdsByTags(tagIds: number[], limit: number, excludeIds: number[]): Promise<number[]>;
  /** The newest public articles' ids that a link may lead to (never sponsored content). */
  listLatestIds(limit: number, excludeIds: number[]): Promise<number[]>;
  /** Ids of every public article, oldest first (for rebuilding derived data). */
  listPublicIds(): Promise<number[]>;
  tagIdsOf(articleId: number): Promise<number[]>;
  /** Replaces an article's stored see-also and related links. */
  setLinks(articleId: number, links: { seeAlso: LinkChoice[]; related: LinkChoice[] }): Promise<void>;
  countArticles(): Promise<number>;
  /**
   * The analysis version (src/arabic/analyzer.ts) that built each part of the
   * derived data; absent when unknown (articles stored before migration 0009).
   */
  analysisVersions(): Promise<Partial<Record<AnalysedPart, number>>>;
  /** Records that `part` was rebuilt with analysis `version`. */
  setAnalysisVersion(part: AnalysedPart, version: number): Promise<void>;

  // --- Sitemaps and feeds (issue #6) ---
  /**
   * Public articles in publication order, read in keyset-paginated batches:
   * memory holds one batch whatever the number of rows.
   */
  streamPublic(options?: PublicStreamOptions): AsyncIterable<PublicArticleRow>;
  /**
   * Every article, any status, with its source, in the order they were
   * stored, read in keyset-paginated batches (an export: services/export.ts).
   */
  streamAll(options?: { batchSize?: number }): AsyncIterable<Article>;
  /** How many public articles (optionally of a tag, or since an instant). */
  countPublic(options?: Pick<PublicRange, 'since' | 'tag'>): Promise<number>;
  /** The latest publication or update in a range of public articles; null when it is empty. */
  lastModifiedPublic(range?: PublicRange): Promise<string | null>;
  /** Tags with at least one public article, by name. */
  listTags(): Promise<TagStat[]>;
  /** Every byline with public articles (the authors' sitemap). */
  listAuthors(): Promise<AuthorStat[]>;

  // --- Search (issue #3) ---
  /** Public articles matching a reader's query (see src/search/query.ts), with snippets. */
  search(query: SearchQuery): Promise<SearchResults>;

  // --- The newsroom (issue #5) ---
  /** Accounts, sessions, keys, revisions, redirects, media, the editors' view (src/store/newsroom.ts). */
  readonly newsroom: NewsroomStore;
  /**
   * Publishes every scheduled article whose time has come, in one statement
   * (so that several processes publish each exactly once); returns their ids.
   */
  publishDue(now: string): Promise<number[]>;
  /** The newest public story that is breaking news at `now` (ISO 8601), if any. */
  breakingNews(now: string): Promise<BreakingNews>;
  /**
   * Adds readers' visits (by article slug; slugs of no article are ignored)
   * to the hour of `at`, and forgets the hours older than `keepSince` ('YYYY-MM-DDTHH').
   */
  recordViews(views: Map<string, number>, at: Date, keepSince: string): Promise<void>;
  /** The corrections of public stories, newest first (the corrections page): at most `limit`. */
  listCorrections(limit: number): Promise<PublishedCorrection[]>;
  /** The public stories most visited from the hour `since` ('YYYY-MM-DDTHH') on, most first. */
  mostRead(since: string, now: string, limit: number): Promise<MostReadStory[]>;
  /**
   * A consistent copy of the whole database, taken while the site runs, into
   * a new SQLite file that must not exist yet. SQLite only: a PostgreSQL
   * database is copied with its own pg_dump.
   */
  backupTo(file: string): Promise<void>;
  /**
   * Deletes an article; returns its tag ids (to refresh its neighbours' links), or null when missing.
   * With `trash`, the same transaction keeps that entry in the trash (src/store/trash.ts).
   */
  deleteArticle(id: number, trash?: NewTrashEntry): Promise<number[] | null>;

  // --- Related news (issue #4) ---
  /** The related-news engine's tables (src/related/sqlite-terms.ts). */
  readonly related: RelatedStore;

  /** Told what each committed write changed, for caches to purge (src/store/changes.ts). */
  readonly changes: ChangeBus;
  /** The webhooks owners register and the outbox of their deliveries (src/store/webhooks.ts). */
  readonly webhooks: WebhookStore;
  /** Secret addresses that show an unpublished story outside the newsroom (src/store/preview-links.ts). */
  readonly previewLinks: PreviewLinkStore;
  /** The newsroom's internal notes on each story (src/store/article-notes.ts). */
  readonly notes: ArticleNoteStore;
  /** Deleted stories kept a while to be brought back (src/store/trash.ts). */
  readonly trash: TrashStore;
  /** One round trip to the database (a health check's); rejects when it does not answer. */
  ping(): Promise<{ engine: 'sqlite' | 'postgres' }>;
  /** After a bulk load: brings the query planner's statistics (and, on PostgreSQL, the visibility map) up to date. */
  refreshStatistics(): Promise<void>;
  close(): Promise<void>;
}
