/**
 * The related-news tables (migration 0003_related), as Kysely sees them and
 * as the migration makes them. Plain tables and B-tree indexes: the same
 * migration serves PostgreSQL (WITHOUT ROWID is added on SQLite only).
 *
 * Rows the engine reads for every candidate are kept small and apart from
 * the large ones, so that scoring a hundred candidates reads few pages:
 *
 * - related_public: whether each profiled article is published, and when:
 *   the candidates' filter (drafts, articles not yet public and sponsored
 *   content never appear; content/genre.ts). Kept in step by the engine on
 *   every save and publication.
 * - related_profiles: per article, what scoring reads: its length, tag ids,
 *   MinHash signature (minhash.ts) and topic vector (topics.ts), and the
 *   article's updated_at when it was profiled (to skip unchanged articles).
 * - related_vectors: per article, the whole weighted profile: its terms,
 *   strongest first, and their float32 weights apart.
 * - article_terms: the postings of the inverted index: each article's
 *   strongest terms with their weights, keyed (term, weight, article) so
 *   that a term's strongest postings are read first and a read can stop
 *   early.
 * - term_df: in how many published profiled articles each term occurs
 *   (for IDF; drafts, unpublished and deleted articles are not counted).
 * - article_entities: the gazetteer entities an article names.
 * - topic_terms: each term's row of the topic space.
 * - related_meta: running counts: `docs` and `total_length` of the
 *   published profiles (for IDF and BM25's mean length), `topic_docs` (how many
 *   articles the topic space was trained on).
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

export interface RelatedPublicTable {
  article_id: number;
  /** 1 when the article's status is published. */
  published: number;
  published_at: string | null;
}

export interface RelatedProfilesTable {
  article_id: number;
  indexed_at: string;
  length: number;
  /** JSON tag ids. */
  tags: string;
  /** 128 × uint32, little-endian. */
  minhash: Uint8Array;
  /** The topic vector (topics.ts), float32 × 64; null before the topic space is trained. */
  topics: Uint8Array | null;
  /** The desk shares (desks.ts), float32 a desk; null when the article has no desk word (or was profiled before migration 0030). */
  desks: Uint8Array | null;
}

export interface RelatedVectorsTable {
  article_id: number;
  /** The profile's terms, strongest first, one per line. */
  terms: string;
  /** Their weights, float32, unit length. */
  weights: Uint8Array;
}

export interface ArticleTermsTable {
  term: string;
  weight: number;
  article_id: number;
}

export interface TermDfTable {
  term: string;
  df: number;
}

export interface ArticleEntitiesTable {
  article_id: number;
  entity: string;
  mentions: number;
}

export interface TopicTermsTable {
  term: string;
  /** The term's row of the topic space, float32 × 64. */
  vector: Uint8Array;
}

export interface RelatedMetaTable {
  key: string;
  value: string;
}

// A type, not an interface: Kysely's withTables() wants an index signature.
export type RelatedTables = {
  related_public: RelatedPublicTable;
  related_profiles: RelatedProfilesTable;
  related_vectors: RelatedVectorsTable;
  article_terms: ArticleTermsTable;
  term_df: TermDfTable;
  article_entities: ArticleEntitiesTable;
  topic_terms: TopicTermsTable;
  related_meta: RelatedMetaTable;
};

export async function relatedMigration(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const article = (name: string) => db.schema.createTable(name).addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'));

  await article('related_public').addColumn('published', 'integer', (c) => c.notNull()).addColumn('published_at', 'text').execute();
  await article('related_profiles')
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .addColumn('length', 'real', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('minhash', 'blob', (c) => c.notNull())
    .addColumn('topics', 'blob')
    .execute();
  await article('related_vectors').addColumn('terms', 'text', (c) => c.notNull()).addColumn('weights', 'blob', (c) => c.notNull()).execute();

  // No foreign key here: postings of a deleted article are skipped (no related_public row) and dropped on its next write.
  await db.schema
    .createTable('article_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_terms_pk', ['term', 'weight', 'article_id'])
    .$call((t) => (sqlite ? t.modifyEnd(sql`without rowid`) : t))
    .execute();

  await db.schema
    .createTable('term_df')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('article_entities')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity'])
    .execute();
  await db.schema.createIndex('article_entities_by_entity').on('article_entities').columns(['entity', 'article_id']).execute();

  await db.schema
    .createTable('topic_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('vector', 'blob', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('related_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  // Nothing to fill here: `sahifa reindex --related` (rebuildRelated() in engine.ts) profiles and links
  // the articles already stored; until it runs, an article is profiled when it is saved or first linked.
}
