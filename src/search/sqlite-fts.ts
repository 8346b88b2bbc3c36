/**
 * The SQLite engine of search: one FTS5 table of pre-analysed columns (see
 * fields.ts), contentless (the text lives in `articles` already; FTS5 keeps
 * only the inverted index and the column sizes BM25 needs), with
 * contentless_delete so rows can be replaced.
 *
 * The FTS5 rowid is not the article id but (publication minute × 2^27 + id),
 * mapped from the article in `search_docs`. That puts the whole read path in
 * FTS5, with no join to `articles` until the page of results is fetched:
 * - "public now" is `rowid < (current minute × 2^27)`, a range FTS5 applies
 *   while it walks its doclists, plus a check against `articles` for the few
 *   articles of the current minute;
 * - newest first is `ORDER BY rowid DESC`, which FTS5 answers in index order
 *   and stops after a page;
 * - the id is `rowid % 2^27`.
 * Joining 60,000 matches to `articles` to check their status and date was
 * the cost of a common word at 100,000 articles (0.5 s); this is a few ms.
 *
 * Relevance is BM25 with field weights. When a query matches more than
 * EXACT_RANK_LIMIT articles, BM25 ranks the RANK_WINDOW most recent matches
 * (the total stays exact): scoring every one of 60,000 matches costs
 * 50–70 ms, and on a news site the best of the recent matches is what a
 * reader of a common word wants. Rarer queries are ranked exactly.
 *
 * All the SQL of search is here. A PostgreSQL engine would store the same
 * columns as tsvectors ('simple' configuration: the analysis is ours) and
 * implement the same SearchIndex.
 */
import { sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';
import type { Section } from '../content/body.js';
import type { Database } from '../store/schema.js';
import { Worker } from 'node:worker_threads';
import type { AnalyseResponse } from './analyse-worker.js';
import { COLUMNS, indexColumns, type IndexColumns } from './fields.js';
import { exclusionExpression, matchExpression, planSearch, tieredExpressions, type ParsedQuery } from './query.js';
import { expandQuery, lookupVocabulary, VOCAB_CAP } from './expand.js';
import { searchHits } from './hits.js';
import type { Executor, IndexDoc, SearchHit, SearchIndex, SearchQuery, SearchResults } from './types.js';
import { docKey, ID_SPACE } from './doc-key.js';
import { popularTags, queryFilters } from './filters.js';

export const FTS_TABLE = 'search_fts';
export const DOCS_TABLE = 'search_docs';

/**
 * BM25 weights, in COLUMNS order. A word in the title counts most, then the
 * description, then the body. The norm columns only ever add to a stem
 * match (see query.ts), so their weight is the bonus for the reader's exact
 * spelling.
 */
export const WEIGHTS: Record<(typeof COLUMNS)[number], number> = {
  title_stem: 6,
  title_norm: 3,
  desc_stem: 3,
  desc_norm: 1.5,
  body_stem: 1,
  body_norm: 0.5,
};
const BM25 = sql.raw(`bm25(${FTS_TABLE}, ${COLUMNS.map((c) => WEIGHTS[c]).join(', ')})`);
const fts = sql.raw(FTS_TABLE);

/**
 * Matches are counted up to this many; past it the total is given as a
 * lower bound ("more than 10,000"), as Elasticsearch's track_total_hits
 * does by default. Counting a common two-word query's 40,000 matches at
 * 100,000 articles was a third of the query's time, and nobody pages past
 * the ten-thousandth result (MAX_PAGE × the page size stops there).
 */
export const COUNT_CAP = 10_000;
/** Queries with at most this many matches are ranked over all of them. */
export const EXACT_RANK_LIMIT = 500;
/** Above that, BM25 ranks this many most recent matches. */
export const RANK_WINDOW = 500;
export const MAX_PAGE = 1000;
export const MAX_LIMIT = 100;

// ---------------------------------------------------------------- schema

/** True when `db` speaks SQLite: the search migration is SQLite-only. */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** The migration's body: the tables, filled from the articles already stored. */
export async function createSearchTable(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE ${sql.raw(FTS_TABLE)} USING fts5(
    ${sql.raw(COLUMNS.join(', '))},
    tokenize = 'ascii', content = '', contentless_delete = 1
  )`.execute(db);
  // No foreign key: remove() must still find the document after its article row is deleted.
  await sql`CREATE TABLE ${sql.raw(DOCS_TABLE)} (article_id INTEGER PRIMARY KEY, doc INTEGER NOT NULL)`.execute(db);
  await fillIndex(db as unknown as Executor);
}

// ---------------------------------------------------------------- writing

async function removeDoc(db: Executor, id: number): Promise<void> {
  const { rows } = await sql<{ doc: number }>`SELECT doc FROM ${sql.raw(DOCS_TABLE)} WHERE article_id = ${id}`.execute(db);
  if (rows.length === 0) return;
  await sql`DELETE FROM ${sql.raw(FTS_TABLE)} WHERE rowid = ${rows[0]!.doc}`.execute(db);
  await sql`DELETE FROM ${sql.raw(DOCS_TABLE)} WHERE article_id = ${id}`.execute(db);
}

async function writeDoc(db: Executor, doc: IndexDoc): Promise<void> {
  let publishedAt = doc.publishedAt;
  if (publishedAt === undefined) {
    const row = await db.selectFrom('articles').select('published_at').where('id', '=', doc.id).executeTakeFirst();
    publishedAt = row?.published_at ?? null;
  }
  const key = docKey(doc.id, publishedAt);
  const { rows } = await sql<{ doc: number }>`SELECT doc FROM ${sql.raw(DOCS_TABLE)} WHERE article_id = ${doc.id}`.execute(db);
  if (rows.length && rows[0]!.doc !== key) await sql`DELETE FROM ${sql.raw(FTS_TABLE)} WHERE rowid = ${rows[0]!.doc}`.execute(db);
  await insertDoc(db, key, doc.id, doc.title, doc.description, doc.sections);
}

async function insertDoc(db: Executor, key: number, id: number, title: string, description: string, sections: Section[]): Promise<void> {
  const c = indexColumns(title, description, sections);
  await sql`INSERT OR REPLACE INTO ${sql.raw(FTS_TABLE)} (rowid, ${sql.raw(COLUMNS.join(', '))})
    VALUES (${key}, ${c.title_stem}, ${c.title_norm}, ${c.desc_stem}, ${c.desc_norm}, ${c.body_stem}, ${c.body_norm})`.execute(db);
  await sql`INSERT OR REPLACE INTO ${sql.raw(DOCS_TABLE)} (article_id, doc) VALUES (${id}, ${key})`.execute(db);
}

/** FTS5 buffers this much new index data in memory before writing a segment (its default, 1 MB, makes many small segments to merge). */
const HASH_SIZE = 8 * 1024 * 1024;
/** Rows per INSERT statement when rebuilding. */
const BATCH = 25;

/** Rebuilds of more articles than this analyse on a worker thread while the index is written. */
const PARALLEL_FROM = 2000;
const READ_BATCH = 500;

type ArticleRow = { id: number; title: string; description: string; sections: string; published_at: string | null };

/** Analyses batches on a worker thread; `analyse(rows)` resolves with their columns. */
class Analyser {
  private worker: Worker;
  private waiting = new Map<number, { resolve: (c: IndexColumns[]) => void; reject: (e: unknown) => void }>();
  private next = 0;
  constructor() {
    this.worker = new Worker(new URL('./analyse-worker.js', import.meta.url));
    this.worker.on('message', (res: AnalyseResponse) => {
      this.waiting.get(res.batch)?.resolve(res.columns);
      this.waiting.delete(res.batch);
    });
    this.worker.on('error', (e) => {
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    });
  }
  analyse(rows: ArticleRow[]): Promise<IndexColumns[]> {
    const batch = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(batch, { resolve, reject });
      this.worker.postMessage({ batch, rows: rows.map((r) => ({ title: r.title, description: r.description, sections: r.sections })) });
    });
  }
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

const analyseHere = async (rows: ArticleRow[]): Promise<IndexColumns[]> =>
  rows.map((r) => indexColumns(r.title, r.description, JSON.parse(r.sections) as Section[]));

/**
 * Empties the index and indexes every published article again. Returns how
 * many it indexed. Runs in the caller's transaction, if any.
 *
 * Articles are read 500 at a time and written 25 rows per statement. For a
 * large rebuild the analysis of the next batch runs on a worker thread while
 * this one writes the previous batch into FTS5 (the two costs are of the
 * same order, so on two cores a rebuild takes about the larger of them).
 */
export async function fillIndex(
  db: Executor,
  onProgress?: (done: number, total: number) => void,
  { parallelFrom = PARALLEL_FROM }: { parallelFrom?: number } = {},
): Promise<number> {
  const config = (name: string, value: number) => sql`INSERT INTO ${fts} (${fts}, rank) VALUES (${name}, ${sql.raw(String(value))})`.execute(db);
  await config('hashsize', HASH_SIZE);
  await sql`INSERT INTO ${fts} (${fts}) VALUES ('delete-all')`.execute(db);
  // Merge 16 segments at a time while loading rather than 4: the 'optimize'
  // at the end merges everything anyway. (Not 0: FTS5 fails with SQLITE_FULL
  // past 2,000 segments, which 100,000 articles reach.)
  await config('automerge', 16);
  await sql`DELETE FROM ${sql.raw(DOCS_TABLE)}`.execute(db);
  const published = db.selectFrom('articles').where('status', '=', 'published');
  const { n } = await published.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const read = (after: number) =>
    published.select(['id', 'title', 'description', 'sections', 'published_at']).where('id', '>', after).orderBy('id').limit(READ_BATCH).execute();
  const worker = total > parallelFrom ? new Analyser() : null;
  const analyse = worker ? (rows: ArticleRow[]) => worker.analyse(rows) : analyseHere;
  let done = 0;
  try {
    let rows = await read(0);
    let columns = rows.length ? analyse(rows) : null;
    while (rows.length && columns) {
      // Start on the next batch before writing this one.
      const nextRows = await read(rows[rows.length - 1]!.id);
      const nextColumns = nextRows.length ? analyse(nextRows) : null;
      const cols = await columns;
      const keys = rows.map((r) => docKey(r.id, r.published_at));
      for (let i = 0; i < rows.length; i += BATCH) {
        const values = cols
          .slice(i, i + BATCH)
          .map((c, j) => sql`(${keys[i + j]!}, ${c.title_stem}, ${c.title_norm}, ${c.desc_stem}, ${c.desc_norm}, ${c.body_stem}, ${c.body_norm})`);
        await sql`INSERT INTO ${fts} (rowid, ${sql.raw(COLUMNS.join(', '))}) VALUES ${sql.join(values)}`.execute(db);
      }
      await sql`INSERT INTO ${sql.raw(DOCS_TABLE)} (article_id, doc) VALUES ${sql.join(rows.map((r, i) => sql`(${r.id}, ${keys[i]!})`))}`.execute(db);
      done += rows.length;
      onProgress?.(done, total);
      rows = nextRows;
      columns = nextColumns;
    }
  } finally {
    await worker?.close();
  }
  // Merge the segments the bulk load left, so queries read one b-tree per term,
  // and merge incrementally again (FTS5's defaults) for the saves to come.
  await sql`INSERT INTO ${fts} (${fts}) VALUES ('optimize')`.execute(db);
  await config('automerge', 4);
  return done;
}

// ---------------------------------------------------------------- reading

/** Four significant digits: BM25 values are tiny on a small index. */
const round = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));
const ARTICLE_ID = sql.raw(`(${FTS_TABLE}.rowid % ${ID_SPACE})`);

export class SqliteFtsIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async index(db: Executor, doc: IndexDoc): Promise<void> {
    if (doc.published) await writeDoc(db, doc);
    else await removeDoc(db, doc.id);
  }

  async remove(db: Executor, id: number): Promise<void> {
    await removeDoc(db, id);
  }

  async rebuild(onProgress?: (done: number, total: number) => void): Promise<number> {
    return this.db.transaction().execute((trx) => fillIndex(trx, onProgress));
  }

  /**
   * Each token's article count up to `cap` (VOCAB_CAP unless given), one
   * scalar subquery per token in a single statement: FTS5 reads at most
   * `cap` rowids of each doclist. (Tokens are analysed index tokens: no '"' in them, see indexToken.)
   */
  async docFreqs(tokens: string[], cap = VOCAB_CAP): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < tokens.length; i += 200) {
      const part = tokens.slice(i, i + 200);
      const cols = part.map(
        (t, j) => sql`(SELECT count(*) FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ${`"${t}"`} LIMIT ${cap})) AS ${sql.raw(`c${j}`)}`,
      );
      const { rows } = await sql<Record<string, number>>`SELECT ${sql.join(cols)}`.execute(this.db);
      part.forEach((t, j) => {
        const n = Number(rows[0]?.[`c${j}`] ?? 0);
        if (n > 0) out.set(t, n);
      });
    }
    return out;
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    const plan = planSearch(query, MAX_PAGE, MAX_LIMIT);
    const { page, limit, summary } = plan;
    let parsed = plan.parsed;
    const none = async (): Promise<SearchResults> => ({
      total: 0,
      totalExact: true,
      page,
      limit,
      hits: [],
      fallback: false,
      query: summary,
      suggestions: { tags: await popularTags(this.db) },
    });
    if (summary.empty) return none();

    const filters = await queryFilters(this.db, parsed, query);
    if (!filters) return none();
    const df = await lookupVocabulary(parsed, (tokens, cap) => this.docFreqs(tokens, cap));
    if (df) parsed = expandQuery(parsed, df);
    const { tagIds } = filters;
    const whereOn = filters.on;
    const where = whereOn(sql`${fts}.rowid`, ARTICLE_ID);
    const offset = (page - 1) * limit;

    let total: number;
    let ranked: { id: number; score: number }[];
    let fallback = false;
    if (parsed.must.length === 0) {
      ({ total, ranked } = await this.tagListing(parsed, tagIds[0]!, whereOn(sql`d.doc`, sql`d.article_id`), limit, offset));
    } else {
      let mode: 'all' | 'any' = 'all';
      total = await this.count(matchExpression(parsed, mode, { exactBonus: false })!, where);
      if (total === 0 && parsed.must.length > 1) {
        mode = 'any';
        total = await this.count(matchExpression(parsed, mode, { exactBonus: false })!, where);
        fallback = total > 0;
      }
      const sort = query.sort ?? 'relevance';
      ranked = total > offset ? await this.rank(parsed, mode, where, sort, total, limit, offset) : [];
    }
    if (total === 0) return none();
    return { total: Math.min(total, COUNT_CAP), totalExact: total <= COUNT_CAP, page, limit, hits: await this.hits(ranked, parsed), fallback, query: summary };
  }

  /** Matches up to COUNT_CAP + 1 (one more says there are more). */
  private async count(expr: string, where: RawBuilder<unknown>): Promise<number> {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ${expr} AND ${where} LIMIT ${COUNT_CAP + 1})`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * One page of matches, best first or newest first, with their scores.
   *
   * - Newest first: the page straight from FTS5's rowid order, scored by the
   *   stems-only BM25 (the score is only shown; the exact forms would double
   *   what BM25 reads to weigh each term).
   * - Best first: BM25 with the reader's exact forms OR'd in for their bonus
   *   (see query.ts), over every match up to EXACT_RANK_LIMIT, else over the
   *   RANK_WINDOW newest matches; past the window, newest first. Up to
   *   EXACT_RANK_LIMIT, when the words have alternatives (expand.ts), the
   *   articles matching by the words' own stems come first, ranked without
   *   the alternatives (tieredExpressions); within the window the
   *   alternatives are ranked as terms of their own.
   */
  private async rank(
    parsed: ParsedQuery,
    mode: 'all' | 'any',
    where: RawBuilder<unknown>,
    sort: 'relevance' | 'date',
    total: number,
    limit: number,
    offset: number,
  ): Promise<{ id: number; score: number }[]> {
    type Row = { doc: number; rank: number };
    let rows: Row[];
    if (sort === 'date' || (total > EXACT_RANK_LIMIT && offset >= RANK_WINDOW)) {
      ({ rows } = await sql<Row>`SELECT ${fts}.rowid AS doc, ${BM25} AS rank FROM ${fts}
        WHERE ${fts} MATCH ${matchExpression(parsed, mode, { exactBonus: false })!} AND ${where}
        ORDER BY ${fts}.rowid DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db));
    } else if (total <= EXACT_RANK_LIMIT) {
      const page = (expr: string, n: number, skip: number) =>
        sql<Row>`SELECT ${fts}.rowid AS doc, ${BM25} AS rank FROM ${fts}
          WHERE ${fts} MATCH ${expr} AND ${where}
          ORDER BY rank, ${fts}.rowid DESC LIMIT ${n} OFFSET ${skip}`.execute(this.db);
      const tiers = tieredExpressions(parsed, mode);
      if (!tiers) ({ rows } = await page(matchExpression(parsed, mode)!, limit, offset));
      else {
        // Articles matching by the words' own stems first, then those matched only through an alternative (see tieredExpressions).
        const { rows: first } = await page(tiers.first, offset + limit, 0);
        rows = first.slice(offset);
        if (first.length < offset + limit) {
          const { rows: rest } = await page(tiers.rest, Math.min(limit, offset + limit - first.length), Math.max(0, offset - first.length));
          // All of the first tier is in hand: show the rest's scores no higher than its last.
          const floor = first.at(-1)?.rank;
          rows = rows.concat(floor === undefined ? rest : rest.map((r) => ({ ...r, rank: Math.max(r.rank, floor) })));
        }
      }
    } else {
      ({ rows } = await sql<Row>`SELECT doc, rank FROM (
          SELECT ${fts}.rowid AS doc, ${BM25} AS rank FROM ${fts}
          WHERE ${fts} MATCH ${matchExpression(parsed, mode)!} AND ${where}
          ORDER BY ${fts}.rowid DESC LIMIT ${RANK_WINDOW})
        ORDER BY rank, doc DESC LIMIT ${Math.min(limit, RANK_WINDOW - offset)} OFFSET ${offset}`.execute(this.db));
    }
    return rows.map((r) => ({ id: r.doc % ID_SPACE, score: round(-r.rank) }));
  }

  /** Tags only: the tags' articles, newest first, less any exclusions. */
  private async tagListing(parsed: ParsedQuery, tagId: number, where: RawBuilder<unknown>, limit: number, offset: number) {
    const excluded = exclusionExpression(parsed);
    const from = sql`FROM article_tags t JOIN ${sql.raw(DOCS_TABLE)} d ON d.article_id = t.article_id
      WHERE t.tag_id = ${tagId} AND ${where}${excluded ? sql` AND d.doc NOT IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${excluded})` : sql``}`;
    const { rows: counted } = await sql<{ n: number }>`SELECT count(*) AS n ${from}`.execute(this.db);
    const { rows } = await sql<{ doc: number }>`SELECT d.doc AS doc ${from} ORDER BY d.doc DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return { total: Number(counted[0]?.n ?? 0), ranked: rows.map((r) => ({ id: r.doc % ID_SPACE, score: 0 })) };
  }

  /** The page's articles with their tags, titles highlighted and snippets cut from the original text. */
  private async hits(ranked: { id: number; score: number }[], parsed: ParsedQuery): Promise<SearchHit[]> {
    if (ranked.length === 0) return [];
    const ids = ranked.map((r) => r.id);
    type Row = { id: number; slug: string; title: string; description: string; sections: string; published_at: string | null; status: string; genre: string; tags: string };
    const { rows } = await sql<Row>`SELECT a.id, a.slug, a.title, a.description, a.sections, a.published_at, a.status, a.genre,
        (SELECT json_group_array(name) FROM (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
          WHERE at.article_id = a.id ORDER BY at.position)) AS tags
      FROM articles a WHERE a.id IN (${sql.join(ids)})`.execute(this.db);
    return searchHits(ranked, rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] })), parsed);
  }
}
