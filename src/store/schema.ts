/**
 * The tables, as Kysely sees them. Times are ISO 8601 strings in UTC, which
 * sort as text on every engine; JSON columns are text.
 */
import type { Generated } from 'kysely';

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  body: string;
  /** The parsed body (sections with sanitized HTML), JSON: rendered once, on save. */
  sections: string;
  author: string;
  /**
   * The first byline's folded key (content/bylines.ts, migration 0014). Author pages read
   * article_bylines (migration 0022), which holds every byline's; this stays in step with `author`.
   */
  author_key: Generated<string>;
  /** The other bylines, a JSON array of names in their order (migration 0022); '[]' for a story signed once. */
  coauthors: Generated<string>;
  source: string;
  external_id: string | null;
  status: string;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  /** JSON ImportMeta. */
  import_meta: string;
  /** Newsroom (issue #5, migration 0004): the owning account and the feature image (media id). */
  owner_id: number | null;
  feature_image: number | null;
  /** 1 for a story the home page leads with (migration 0015), else 0. */
  featured: Generated<number>;
  /** 'news', 'opinion', 'analysis' or 'sponsored' (content/genre.ts, migration 0023). */
  genre: Generated<string>;
  /** Sponsored content's advertiser, '' when none (migration 0024). */
  sponsor: Generated<string>;
  /** ISO 8601 UTC: breaking news ("عاجل") until then (migration 0016); null when not. */
  breaking_until: Generated<string | null>;
  /** JSON Correction[], oldest first (migration 0017). */
  corrections: Generated<string>;
  /** Live coverage (migration 0019): 'live', 'ended', or null for an ordinary story. */
  live: Generated<string | null>;
  /** JSON LiveUpdate[], oldest first (migration 0019); their parsed text is in `sections` too. */
  live_updates: Generated<string>;
}

/** Readers' visits to an article in one hour (migration 0020): the most-read list sums the last day's. */
export interface ArticleViewsTable {
  article_id: number;
  /** The hour, UTC: '2026-11-29T14'. */
  hour: string;
  views: number;
}

/** An author's profile (migration 0021, content/authors.ts), by the byline's folded key. */
export interface AuthorProfilesTable {
  key: string;
  byline: string;
  title: Generated<string>;
  bio: Generated<string>;
  /** A JSON array of absolute http(s) addresses. */
  links: Generated<string>;
  image_id: number | null;
  updated_at: string;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
  /** Folded spelling: one tag for its variants. */
  key: string;
  /** A line or two about the tag, under its page's heading (migration 0018); '' when none. */
  description: Generated<string>;
}

/** Another site's address of a tag (a WordPress category or tag slug, a Ghost tag slug): old tag links redirect. */
export interface TagAliasesTable {
  alias: string;
  tag_id: number;
}

/** Another site's address of an author's archive (a WordPress login, a Ghost user's slug) and the byline it stands for. */
export interface AuthorAliasesTable {
  alias: string;
  byline: string;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
  /**
   * The article's published_at while its status is 'published', else null
   * (migration 0005): a tag's public articles are the rows with
   * published_at <= now, on the index (tag_id, published_at, article_id).
   */
  published_at: string | null;
}

/** Every byline of an article, the first at position 0 (migration 0022): an author's page is a range of it. */
export interface ArticleBylinesTable {
  article_id: number;
  position: number;
  /** The byline's folded key (content/bylines.ts). */
  author_key: string;
  /** The name as this article spells it. */
  byline: string;
  /** The article's published_at while its status is 'published', else null (as article_tags'). */
  published_at: string | null;
}

export interface ArticleLinksTable {
  article_id: number;
  kind: 'see_also' | 'related';
  position: number;
  target_id: number;
  score: number;
}

/** The editors' pinned and blocked links of an article (migration 0011, content/article.ts LinkRules). */
export interface ArticleLinkRulesTable {
  article_id: number;
  target_id: number;
  rule: 'pin' | 'block';
  /** Pinned links keep their order. */
  position: number;
}

/**
 * Which version of the text analysis (ANALYSIS_VERSION, src/arabic/analyzer.ts)
 * built each part of the derived data, keyed 'search' and 'related' (migration
 * 0009): after an upgrade changes the analysis, the stored tokens and profiles
 * are another stemmer's until they are rebuilt (src/services/reanalysis.ts).
 */
export interface AnalysisVersionsTable {
  part: 'search' | 'related';
  version: number;
}

export interface Database {
  articles: ArticlesTable;
  tags: TagsTable;
  tag_aliases: TagAliasesTable;
  author_aliases: AuthorAliasesTable;
  article_tags: ArticleTagsTable;
  article_links: ArticleLinksTable;
  article_link_rules: ArticleLinkRulesTable;
  analysis_versions: AnalysisVersionsTable;
  article_views: ArticleViewsTable;
  author_profiles: AuthorProfilesTable;
  article_bylines: ArticleBylinesTable;
}
