/**
 * The search contract. The store exposes `search()` to its callers; the
 * engine behind it is a SearchIndex, so the SQLite FTS5 index can be swapped
 * for a PostgreSQL one (tsvector over the same analysed columns) without a
 * caller noticing.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Section } from '../content/body.js';
import type { LabelledGenre } from '../content/genre.js';
import type { Database } from '../store/schema.js';

export type SearchSort = 'relevance' | 'date';

export interface SearchQuery {
  /** What the reader typed: words, "phrases", -exclusions, #tags. */
  q: string;
  /** 1-based. */
  page?: number;
  limit?: number;
  /** A tag's name or slug, in any spelling variant (as ?tag= gives it). */
  tag?: string;
  sort?: SearchSort;
  /** Only articles published from this instant (ISO 8601)… */
  from?: string;
  /** …and before this one. */
  to?: string;
}

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  /** The title as HTML: escaped, matched words in <mark>. */
  titleHtml: string;
  /** ~30 words of the text around the best cluster of matches, as HTML: escaped, matches in <mark>. */
  snippet: string;
  publishedAt: string | null;
  tags: string[];
  /** Set only for what is not plain news: the results label it ("رأي"). */
  genre?: LabelledGenre;
  /** Relevance, higher is better (BM25 with field weights; 0 when there are no words to rank by). */
  score: number;
}

export interface TagSuggestion {
  name: string;
  count: number;
}

/** What the engine made of the query, for the page to explain itself. */
export interface QuerySummary {
  /** The analysed (spelling-normalized) words and phrases that were searched for. */
  normalized: string;
  /** Common words left out of the search (stop words outside quotes). */
  dropped: string[];
  /** Tag names the query filtered by (#tag and ?tag=). */
  tags: string[];
  /** Nothing to search for: no words, phrases or tags. */
  empty: boolean;
  /** The query was longer than the engine reads and was cut. */
  truncated: boolean;
}

export interface SearchResults {
  /** The number of matches, counted up to COUNT_CAP (sqlite-fts.ts); see totalExact. */
  total: number;
  /** False when there are more than `total` matches: counting stopped at COUNT_CAP. */
  totalExact: boolean;
  page: number;
  limit: number;
  hits: SearchHit[];
  /** No article had every word, so these are articles with any of them. */
  fallback: boolean;
  query: QuerySummary;
  /** Given when nothing was found: the most used tags, to start again from. */
  suggestions?: { tags: TagSuggestion[] };
}

/** What the index needs of an article. */
export interface IndexDoc {
  id: number;
  title: string;
  description: string;
  sections: Section[];
  /** Published (its date may still be ahead: that is checked when searching). Drafts are kept out of the index. */
  published: boolean;
  /** ISO 8601; when it comes, the article becomes searchable. Read from the stored article when not given. */
  publishedAt?: string | null;
}

/** A connection or an open transaction: the index writes in the article's transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface SearchIndex {
  /** Adds or replaces an article (or removes it, when it is not published), inside `db`'s transaction. */
  index(db: Executor, doc: IndexDoc): Promise<void>;
  remove(db: Executor, id: number): Promise<void>;
  search(query: SearchQuery): Promise<SearchResults>;
  /**
   * How many indexed articles hold each of these index tokens, counted up to
   * `cap` (by default VOCAB_CAP, expand.ts): the site's vocabulary, in one
   * statement. Tokens with no article are left out of the map.
   */
  docFreqs(tokens: string[], cap?: number): Promise<Map<string, number>>;
  /** Rebuilds the whole index from the articles table; returns how many articles it indexed. */
  rebuild(onProgress?: (done: number, total: number) => void): Promise<number>;
}
