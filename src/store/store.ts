/**
 * The one storage interface. The web server, the CLI and the services talk
 * to this, never to SQL, so that a PostgreSQL implementation can stand in
 * for SQLite without changing a caller.
 */
import type { Article, ArticleInput, ArticleLink, ArticleSummary } from '../content/article.js';
import type { Section } from '../content/body.js';

export interface ArticleView extends Article {
  sections: Section[];
  seeAlso: ArticleLink[];
  related: ArticleLink[];
}

export interface ListQuery {
  page: number;
  limit: number;
  /** A tag's name or slug, in any spelling variant. */
  tag?: string;
}

export interface ArticlePage {
  total: number;
  articles: ArticleSummary[];
}

export interface Tag {
  id: number;
  name: string;
  slug: string;
  count: number;
}

export interface SaveOutcome {
  article: Article;
  created: boolean;
}

/** A scored link to store under an article. */
export interface LinkChoice {
  targetId: number;
  score: number;
}

export interface Store {
  /**
   * Creates or updates (by external id) every input in one transaction: all
   * or nothing. `onProgress` hears how many are saved so far.
   */
  saveArticles(inputs: ArticleInput[], onProgress?: (saved: number) => void): Promise<SaveOutcome[]>;
  /** A published, already public article by slug. */
  getArticle(slug: string, options?: { includeUnpublished?: boolean }): Promise<ArticleView | null>;
  getArticleById(id: number): Promise<Article | null>;
  /** Published articles, newest first. */
  listArticles(query: ListQuery): Promise<ArticlePage>;
  getTag(nameOrSlug: string): Promise<Tag | null>;
  /** Public articles sharing any of the tags, newest first (the foundation's related rule). */
  listIdsByTags(tagIds: number[], limit: number, excludeIds: number[]): Promise<number[]>;
  /** The newest public articles' ids. */
  listLatestIds(limit: number, excludeIds: number[]): Promise<number[]>;
  /** Ids of every public article, oldest first (for rebuilding derived data). */
  listPublicIds(): Promise<number[]>;
  tagIdsOf(articleId: number): Promise<number[]>;
  /** Replaces an article's stored see-also and related links. */
  setLinks(articleId: number, links: { seeAlso: LinkChoice[]; related: LinkChoice[] }): Promise<void>;
  countArticles(): Promise<number>;
  close(): Promise<void>;
}
