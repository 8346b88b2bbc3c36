/**
 * The article model. Everything that enters Sahifa (the seed's text shape,
 * JSON lines, later WordPress and Ghost exports, the admin) becomes an
 * ArticleInput; the store turns it into an Article.
 */

export type ArticleStatus = 'draft' | 'published';

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
  source?: string;
  externalId?: string;
  status?: ArticleStatus;
  /** ISO 8601. Published articles without one are published now. */
  publishedAt?: string;
  importMeta?: ImportMeta;
}

/** A link to another article, as the page and the APIs show it. */
export interface ArticleLink {
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
  source: string;
  externalId: string | null;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  importMeta: ImportMeta;
}

/** The list form: what home, tag pages and the list API need. */
export interface ArticleSummary {
  slug: string;
  title: string;
  description: string;
  tags: string[];
  publishedAt: string | null;
}
