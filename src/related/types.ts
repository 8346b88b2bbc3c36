/**
 * What the related-news engine stores and reads, as an interface: the
 * SQLite implementation is sqlite-terms.ts; a PostgreSQL store would
 * implement the same (the queries are plain SQL over a few tables).
 */
import type { LinkRules } from '../content/article.js';
import type { LinkChoice } from '../store/store.js';
import type { Signature } from './minhash.js';
import type { CollectionStats, StoredVector, Vector } from './profile.js';
import type { DeskCentroids, DeskShares } from './desks.js';
import type { TopicVector } from './topics.js';

/** The text and facts of a stored article the engine profiles. */
export interface ArticleSource {
  id: number;
  title: string;
  description: string;
  body: string;
  updatedAt: string;
  tagIds: number[];
  /** Published (its status) and linkable (not sponsored content, content/genre.ts), and when. */
  published: boolean;
  publishedAt: string | null;
}

/** What the engine reads of every candidate: all but the profile's terms. */
export interface StoredProfile {
  id: number;
  length: number;
  tagIds: number[];
  minhash: Signature;
  /** When the article was (or will be) published; null for drafts never published. */
  publishedAt: string | null;
  /** Published and with a publication time that has come. */
  isPublic: boolean;
  /** The topic vector, once there is a topic space. */
  topics: TopicVector | null;
  /** The desk shares; null when the article names no desk word. */
  desks: DeskShares | null;
  /**
   * Its affinities to the desks in the topic space (desks.ts topicDeskShares):
   * not stored, filled in by the engine from the topic vector and the trained
   * centroids; absent before there is a topic space.
   */
  topicDesks?: DeskShares | null;
}

export interface NewProfile {
  id: number;
  indexedAt: string;
  published: boolean;
  publishedAt: string | null;
  vector: Vector;
  length: number;
  tagIds: number[];
  minhash: Signature;
  /** Entity name → mentions. */
  entities: Map<string, number>;
  /**
   * The profile it replaces (its postings leave the index; its terms leave
   * the document frequencies if it was counted, i.e. published).
   */
  previous: PreviousProfile | undefined;
  topics: TopicVector | null;
  desks: DeskShares | null;
}

/** A stored profile as a rewrite or a removal needs it. */
export interface PreviousProfile {
  vector: StoredVector;
  length: number;
  /** Whether it counts in the collection statistics: the article was published when profiled. */
  counted: boolean;
}

export interface RelatedStore {
  /**
   * How many articles count in the collection statistics (the published
   * ones: drafts, unpublished and deleted articles do not), and their mean
   * length. The document frequencies count the same articles.
   */
  stats(): Promise<CollectionStats>;
  /** Brings the database's planner statistics of these tables up to date (after a bulk batch). */
  analyze(): Promise<void>;
  /** Document frequencies of the given terms (absent terms are left out). */
  documentFrequencies(terms: Iterable<string>): Promise<Map<string, number>>;
  /** The ids among these whose profile is missing or older than the article. */
  stale(ids: number[]): Promise<number[]>;
  /** The articles' text, tags and update time. */
  sources(ids: number[]): Promise<ArticleSource[]>;
  /**
   * Writes profiles in one transaction: the profile row, the strongest
   * terms as postings, the entities, and the document frequencies (terms
   * of the previous profile out if it was counted, new terms in if the
   * article is published).
   */
  writeProfiles(profiles: NewProfile[]): Promise<void>;
  /**
   * Copies the articles' status and publication time into the engine's
   * tables (after a publication, or an unpublication), moving the articles
   * in or out of the collection statistics as their status changes.
   */
  syncPublication(ids: number[]): Promise<void>;
  /** The editors' pinned and blocked links of these articles (only those that have some). */
  linkRules(ids: number[]): Promise<Map<number, LinkRules>>;
  /** Articles whose editors pinned any of these. */
  pinning(ids: number[]): Promise<number[]>;
  /** Copies the articles' tags into their profiles (after tags were merged: the shared-tag term reads them). */
  syncTags(ids: number[]): Promise<void>;
  /**
   * Takes articles out of the engine before they are deleted: their terms
   * leave the statistics (if counted) and their postings the index (the
   * rest goes with the article by its foreign keys).
   */
  forget(ids: number[]): Promise<void>;
  /** Empties every table of the engine (before a rebuild). */
  reset(): Promise<void>;
  /** Every article's id, drafts included. */
  allArticleIds(): Promise<number[]>;
  /** Stored profiles without their terms, with whether each article is public now. */
  profiles(ids: number[]): Promise<Map<number, StoredProfile>>;
  /** The profiles' terms and weights, lengths, and whether they count in the statistics. */
  vectors(ids: number[]): Promise<Map<number, PreviousProfile>>;
  /**
   * Articles sharing the query's terms, by the sum of weight products over
   * the postings, best first; public ones only unless asked. Each term
   * reads at most `perTerm` postings (the strongest), and only the 3 ×
   * `limit` best sums are checked for publication, so the cost does not
   * grow with the collection.
   */
  candidates(
    query: Vector,
    options: { exclude: number; limit: number; perTerm: number; includeUnpublished?: boolean },
  ): Promise<[number, number][]>;
  /** Slug, headline and external id of articles. */
  describe(ids: number[]): Promise<Map<number, { slug: string; title: string; externalId: string | null }>>;
  /** The stored links of articles, in order, with their scores. */
  links(ids: number[]): Promise<Map<number, { seeAlso: LinkChoice[]; related: LinkChoice[] }>>;
  /** Articles whose stored links point at any of these. */
  linkingTo(ids: number[]): Promise<number[]>;
  /** The entities stored for an article, most mentioned first. */
  entitiesOf(id: number): Promise<string[]>;

  // The topic space (topics.ts).
  /** How many articles the topic space was trained on; null before it is. */
  topicModelSize(): Promise<number | null>;
  /** The `limit` terms in the most profiles (in two at least), most frequent first. */
  commonTerms(limit: number): Promise<string[]>;
  /** Every stored profile, with its desk shares, in batches, by id. */
  eachProfile(visit: (id: number, vector: StoredVector, desks: DeskShares | null) => void): Promise<void>;
  /** The terms' rows of the topic space (terms outside it are left out). */
  topicTerms(terms: Iterable<string>): Promise<Map<string, TopicVector>>;
  /** Replaces the topic space, the desks' centroids in it and the articles' topic vectors, in one transaction. */
  writeTopicModel(docs: number, terms: Map<string, TopicVector>, topics: Map<number, TopicVector | null>, desks: DeskCentroids): Promise<void>;
  /** The desks' centroids in the topic space; null before it is trained (or when trained before migration 0030). */
  deskCentroids(): Promise<DeskCentroids | null>;
}
