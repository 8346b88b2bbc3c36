/**
 * The article model. Everything that enters Sahifa (the seed's text shape,
 * JSON lines, WordPress and Ghost exports, the admin) becomes an
 * ArticleInput; the store turns it into an Article.
 */
import type { ArticleGenre, LabelledGenre } from './genre.js';
import type { ImageRef } from './image.js';

/**
 * The newsroom's workflow (issue #5): draft → submitted (for review) →
 * scheduled → published → unpublished. Public is always `published` with a
 * publication time that has come.
 */
export const ARTICLE_STATUSES = ['draft', 'submitted', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * What an importer set aside instead of losing it: the "see also" and
 * "related news" headlines another site wove into the text, and where the
 * article came from.
 */
export interface ImportMeta {
  seeAlso: string[];
  related: string[];
  url?: string;
  file?: string;
  /** Body images brought in from the old site's media folder: their file there → the address of this site's copy (an import run again reuses it). */
  images?: Record<string, string>;
}

/**
 * An author's archive on the site an import came from (WordPress's
 * /author/<login>/, Ghost's /author/<slug>/), and the byline its posts
 * carry here: the old address redirects to the byline's page.
 */
export interface AuthorAlias {
  alias: string;
  byline: string;
  /** What the old site said about the author, for a byline with no profile here yet (services/authors.ts). */
  profile?: {
    jobTitle?: string;
    bio: string;
    links: string[];
    /** The portrait: its path in the old site's media folder (null when the export does not say), and its address there. */
    image?: { file: string | null; url: string };
  };
}

export interface ArticleInput {
  title: string;
  description: string;
  /** Ordered; the first is the primary tag (the section). */
  tags: string[];
  /** Markdown: paragraphs, `##` subheadings, `>` quotations. */
  body: string;
  slug?: string;
  author?: string;
  /** The story's other bylines, in order (content/bylines.ts); left out, a save keeps those it had. */
  coAuthors?: string[];
  source?: string;
  externalId?: string;
  status?: ArticleStatus;
  /** ISO 8601. Published articles without one are published now. */
  publishedAt?: string;
  /**
   * ISO 8601: when the site an import came from last changed the article. A
   * new article keeps it as its update time (dateModified, sitemaps' lastmod)
   * instead of the import's instant; any later save takes its own time.
   */
  modifiedAt?: string;
  /**
   * One of the stories the home page leads with ("أبرز الأخبار"): Ghost's
   * featured posts, WordPress's sticky ones. Absent: as it was (a new article is not).
   */
  featured?: boolean;
  /** News, opinion, analysis or sponsored content (genre.ts); absent: as it was (a new article is news). */
  genre?: ArticleGenre;
  /** Who paid for sponsored content, named in its disclosure ('' none); absent: as it was. */
  sponsor?: string;
  /**
   * ISO 8601: until when the story is breaking news ("عاجل"), shown in a
   * strip on every page while it is public. Null: not breaking; absent: as it was.
   */
  breakingUntil?: string | null;
  /** The corrections under it, oldest first; absent: as they were. */
  corrections?: Correction[];
  /** Live coverage ("تغطية مباشرة"): running now, ended, or null for an ordinary story; absent: as it was. */
  live?: LiveState | null;
  /** A live story's updates, oldest first; absent: as they were. */
  liveUpdates?: LiveUpdate[];
  /**
   * Save only if the article was last saved at this instant (its updatedAt),
   * else the store throws StaleSaveError: an update appended from what was
   * read must not drop one another reporter appended meanwhile.
   */
  expectedUpdatedAt?: string;
  importMeta?: ImportMeta;
  // --- Newsroom (issue #5) ---
  /** Update this article (by id) instead of creating one or matching by externalId. */
  id?: number;
  /** The media id of the feature image; null removes it. */
  featureImage?: number | null;
  /** The account that owns it (authors and contributors edit their own). */
  ownerId?: number | null;
  /** The account saving it, recorded on the revision. */
  savedBy?: number | null;
  /** The editors' choices over the related-news engine's links; absent: as they were. */
  linkRules?: LinkRules;
}

/**
 * An editor's say over the links under an article: articles always linked,
 * first and in this order (while they are public), and articles never linked.
 */
export interface LinkRules {
  pinned: number[];
  blocked: number[];
}

/** At most this many pinned: the related list and the see-also links together. */
export const MAX_PINNED = 6;
export const MAX_BLOCKED = 50;

/**
 * A correction ("تصحيح") published under an article: what was wrong and is
 * now right, and when it was said. A newsroom keeps them: editors add them,
 * none is edited away (services/workflow.ts addCorrection).
 */
export interface Correction {
  /** ISO 8601. */
  at: string;
  text: string;
}

/** At most this many corrections under one article; each at most CORRECTION_MAX letters. */
export const MAX_CORRECTIONS = 50;
export const CORRECTION_MAX = 1000;

/**
 * Live coverage ("تغطية مباشرة"): a story told as it happens, in dated
 * updates under its body (an election night, a summit, a war's day), as
 * Arabic news sites run them. `live` while it runs, `ended` after.
 */
export const LIVE_STATES = ['live', 'ended'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

export interface LiveUpdate {
  /** Numbers the updates of one story (1, 2, …, in the order posted): the page's #update-N anchors and the Admin API's address. */
  id: number;
  /** ISO 8601: when it was posted. */
  at: string;
  /** Markdown, as in a body; a subheading that opens it is the update's title (content/live.ts). */
  text: string;
  /** One of the story's key developments ("أبرز التطورات"), listed above the updates; absent: not. */
  key?: true;
}

/** At most this many updates under one story; each at most LIVE_UPDATE_MAX letters. */
export const MAX_LIVE_UPDATES = 1000;
export const LIVE_UPDATE_MAX = 5000;

/** A link to another article, as the page and the APIs show it. */
export interface ArticleLink {
  id: number;
  slug: string;
  title: string;
}

export interface Article {
  id: number;
  slug: string;
  title: string;
  description: string;
  tags: string[];
  body: string;
  author: string;
  /** The other bylines, in order; [] for a story signed once. */
  coAuthors: string[];
  source: string;
  externalId: string | null;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  /** When Sahifa first stored it (an import's instant, not the old site's). */
  createdAt: string;
  /** Led with on the home page (ArticleInput.featured). */
  featured: boolean;
  genre: ArticleGenre;
  /** Sponsored content's advertiser, '' when none is named. */
  sponsor: string;
  /** Breaking news until this instant (ArticleInput.breakingUntil); null when it is not. */
  breakingUntil: string | null;
  /** Oldest first. */
  corrections: Correction[];
  /** Live coverage, running or ended; null for an ordinary story. */
  live: LiveState | null;
  /** Oldest first. */
  liveUpdates: LiveUpdate[];
  importMeta: ImportMeta;
  /** Newsroom (issue #5): the feature image's media id and the owning account. */
  featureImageId?: number | null;
  ownerId?: number | null;
}

/** Readers can see it now: published, and its publication time has come. */
export const isPublicNow = (a: Pick<Article, 'status' | 'publishedAt'>, now: string): boolean =>
  a.status === 'published' && a.publishedAt !== null && Date.parse(a.publishedAt) <= Date.parse(now);

/** What every API says first of a story: its address, words and bylines. */
export const headlineFields = (a: Pick<Article, 'slug' | 'title' | 'description' | 'tags' | 'author' | 'coAuthors'>) => ({
  slug: a.slug,
  title: a.title,
  description: a.description,
  tags: a.tags,
  author: a.author,
  coAuthors: a.coAuthors,
});

/** The list form: what home, tag pages and the list API need. */
export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  description: string;
  /** The first byline: an opinion page names each column's writer. */
  author: string;
  tags: string[];
  publishedAt: string | null;
  featured: boolean;
  /** Set only while its live coverage runs: lists mark it "مباشر". */
  live?: true;
  /** Set only for what is not plain news: lists label it ("رأي"). */
  genre?: LabelledGenre;
  /** Newsroom (issue #5): set only when the article has a feature image. */
  featureImage?: ImageRef;
}
