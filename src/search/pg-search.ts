/**
 * The PostgreSQL engine of search: the same SearchIndex as sqlite-fts.ts,
 * over the same analysis, so that the same data gives the same results.
 *
 * The index is one row per published article in `search_pg`: its document
 * key (publication minute × 2^27 + id, as in sqlite-fts.ts, so "public now"
 * and "newest first" are the same ranges and orders) and a tsvector with a
 * GIN index. The tsvector holds the tokens fields.ts computes — light stems
 * and `·`-marked normalized forms, `¤`-marked stop words — with their word
 * positions and the field's weight: title A, description B, body C. A
 * word's stem and norm share its position, so phrases match in either form;
 * fields are a position apart, so no phrase runs from one into the next.
 * Each pair of neighbouring stems in a field is also a lexeme ('a b', no
 * position) in a second tsvector, `pairs`, with its own GIN index: a phrase
 * is matched by its pairs, which the index answers exactly, where `a <-> b`
 * makes PostgreSQL recheck the positions in every candidate's tsvector (read
 * from TOAST: 9.1 ms against 1.4 ms for a common two-word phrase at 5,000
 * articles, growing with the archive). A longer phrase adds `<->` on `doc`,
 * checked only on the articles that have all its pairs. The pairs are a
 * column apart so that ranking, which reads `doc` for every scored article,
 * does not read them (they would be half its bytes) and they do not count in
 * its length normalization.
 *
 * The tsvector is written as a tsvector literal, not by to_tsvector(): the
 * analysis is ours already, and PostgreSQL's parser would split our tokens
 * at the marks (or not, depending on the database's locale) and fold them.
 * Every lexeme is quoted and escaped, in documents and in queries alike, so
 * no text can reach PostgreSQL as tsquery syntax.
 *
 * Queries are parsed by query.ts and written as a tsquery: words AND'd (or
 * OR'd, in the any-word fallback), phrases with <->, exclusions with !.
 * Membership is decided on the stem tokens, as on SQLite. Ranking is
 * ts_rank_cd with the field weights (title 1, description 1/2, body 1/6, the
 * ratios of the FTS5 BM25 weights) and a length normalization, plus half as
 * much again for the reader's exact forms (the norm tokens), which is what
 * the norm columns add on SQLite. ts_rank_cd has no IDF, so the order of
 * multi-word queries can differ from BM25's where scores are close. As there, above EXACT_RANK_LIMIT matches only the
 * RANK_WINDOW newest are ranked. Snippets and highlights are cut from the
 * original text in TypeScript (snippet.ts), as on SQLite.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Section } from '../content/body.js';
import type { Database } from '../store/schema.js';
import { EMPTY_TOKEN, indexColumns, type IndexColumns } from './fields.js';
import { hasAlternatives, planSearch, withoutAlternatives, type ParsedQuery, type QueryItem } from './query.js';
import { expandQuery, lookupVocabulary, VOCAB_CAP } from './expand.js';
import { searchHits } from './hits.js';
import { docKey } from './doc-key.js';
import { COUNT_CAP, EXACT_RANK_LIMIT, MAX_LIMIT, MAX_PAGE, RANK_WINDOW } from './sqlite-fts.js';
import type { Executor, IndexDoc, SearchHit, SearchIndex, SearchQuery, SearchResults } from './types.js';
import { tagNamesByArticle } from '../store/tag-names.js';
import { popularTags, queryFilters } from './filters.js';

export const PG_SEARCH_TABLE = 'search_pg';
const table = sql.raw(PG_SEARCH_TABLE);

/** ts_rank_cd's weights, for D, C, B, A: body (C) 1/6, description (B) 1/2, title (A) 1. D is unused. */
export const PG_WEIGHTS = '{0.1, 0.1667, 0.5, 1.0}';
/** What the reader's exact forms add to the score of the stems, as a share (the norm columns' BM25 weight is half the stems'). */
export const EXACT_BONUS = 0.5;
/**
 * ts_rank_cd's normalization: 8 divides by the number of distinct lexemes,
 * a length normalization that grows more slowly than the length, as BM25's
 * does. Over the demo newsroom it gives SQLite's best article for 158 of 174
 * queries (without normalization 148, dividing by the length 157); over the
 * 179 of test/postgres/search-parity.test.ts, 163.
 */
export const PG_NORMALIZATION = 8;

// ---------------------------------------------------------------- schema

/** Migration 0002_search on PostgreSQL: the table and its indexes (migration 0007 adds the pairs and fills it). */
export async function createPgSearchTable(db: Kysely<unknown>): Promise<void> {
  // No foreign key: as on SQLite, remove() must still find the document after its article row is deleted.
  await sql`CREATE TABLE ${table} (article_id integer PRIMARY KEY, doc_key bigint NOT NULL, doc tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX search_pg_doc ON ${table} USING gin (doc)`.execute(db);
  await sql`CREATE INDEX search_pg_key ON ${table} (doc_key)`.execute(db);
}

/** Migration 0007 on PostgreSQL: the pairs column and its index; the index is filled again. */
export async function addPgPhrasePairs(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE ${table} ADD COLUMN pairs tsvector NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX search_pg_pairs ON ${table} USING gin (pairs)`.execute(db);
  await fillPgIndex(db as unknown as Executor);
}

// ---------------------------------------------------------------- lexemes

/** PostgreSQL's limits: a lexeme's bytes, a position, positions per lexeme. */
const MAX_LEXEME_BYTES = 2046;
const MAX_POSITION = 16383;
const MAX_POSITIONS = 256;
/** Words of one field indexed at most (a tsvector is at most 1 MB). */
const MAX_FIELD_WORDS = 100_000;

/** A token cut to PostgreSQL's lexeme size, at a character boundary (documents and queries alike). */
export function fitLexeme(token: string): string {
  if (token.length * 3 <= MAX_LEXEME_BYTES || Buffer.byteLength(token) <= MAX_LEXEME_BYTES) return token;
  let out = '';
  let bytes = 0;
  for (const ch of token) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > MAX_LEXEME_BYTES) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** A lexeme as tsvector and tsquery literals write it: quoted, with quotes doubled and backslashes escaped. */
export function quoteLexeme(token: string): string {
  return `'${fitLexeme(token).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const tokensOf = (column: string) => (column ? column.split(' ') : []);

/**
 * The tsvector literals of an article's index columns: `doc`, every stem and
 * norm token with its word position and its field's weight; `pairs`, the
 * pairs of neighbouring stems of each field, without positions.
 */
export function tsvectorLiterals(c: IndexColumns): { doc: string; pairs: string } {
  const positions = new Map<string, string[]>();
  const add = (token: string | undefined, at: string) => {
    if (!token || token === EMPTY_TOKEN) return;
    const list = positions.get(token);
    if (!list) positions.set(token, [at]);
    else if (list.length < MAX_POSITIONS) list.push(at);
  };
  const pairs = new Set<string>();
  let offset = 0;
  const fields: [string, string, 'A' | 'B' | 'C'][] = [
    [c.title_stem, c.title_norm, 'A'],
    [c.desc_stem, c.desc_norm, 'B'],
    [c.body_stem, c.body_norm, 'C'],
  ];
  for (const [stemColumn, normColumn, weight] of fields) {
    const stems = tokensOf(stemColumn);
    const norms = tokensOf(normColumn);
    const words = Math.min(stems.length, MAX_FIELD_WORDS);
    for (let i = 0; i < words; i++) {
      const at = `${Math.min(offset + i + 1, MAX_POSITION)}${weight}`;
      add(stems[i], at);
      add(norms[i], at);
      if (i > 0) {
        const pair = pairLexeme(stems[i - 1], stems[i]);
        if (pair) pairs.add(pair);
      }
    }
    // One position between fields: a phrase never spans two.
    offset += words + 1;
  }
  const parts: string[] = [];
  for (const [token, at] of positions) parts.push(`${quoteLexeme(token)}:${at.join(',')}`);
  return { doc: parts.join(' '), pairs: [...pairs].map(quoteLexeme).join(' ') };
}

/**
 * The lexeme of two neighbouring stems, or null when either is missing.
 * A space cannot occur in a token (tokenize.ts), so a pair is never a word.
 */
export function pairLexeme(a: string | undefined, b: string | undefined): string | null {
  if (!a || !b || a === EMPTY_TOKEN || b === EMPTY_TOKEN) return null;
  return `${a} ${b}`;
}

// ---------------------------------------------------------------- queries

const phrase = (tokens: string[]) => (tokens.length === 1 ? quoteLexeme(tokens[0]!) : `(${tokens.map(quoteLexeme).join(' <-> ')})`);

/** A word's or a phrase's exact forms (norm tokens), in order. */
const normsOf = (item: QueryItem) => phrase(item.terms.map((t) => t.normToken));

/** A word: its stem or any alternative (see expand.ts); a phrase: its stems in order. */
const stemsOf = (item: QueryItem) => {
  const t = item.terms[0]!;
  if (item.kind === 'word' && t.alts.length > 0) return `(${[t.stem, ...t.alts].map(quoteLexeme).join(' | ')})`;
  return phrase(item.terms.map((t) => t.stem));
};

/**
 * The tsquery on `doc` of the words and phrases: every one ('all') or any
 * ('any'), on their stem tokens, phrases by position, less the exclusions.
 * Null when there is nothing to match. What ts_rank_cd scores; matching
 * goes by matchParts, which also uses the pairs.
 */
export function tsqueryText(q: ParsedQuery, mode: 'all' | 'any', { exclusions = true } = {}): string | null {
  if (q.must.length === 0) return null;
  const joined = q.must.map(stemsOf).join(mode === 'all' ? ' & ' : ' | ');
  const excluded = exclusions ? excludedTsquery(q) : null;
  return excluded ? `(${joined}) & !(${excluded})` : `(${joined})`;
}

/** The pair lexemes of a phrase's stems (quoted), where each pair can be formed; else empty. */
function phrasePairs(item: QueryItem): string[] {
  if (item.kind !== 'phrase' || item.terms.length < 2) return [];
  const stems = item.terms.map((t) => t.stem);
  const pairs = stems.slice(1).map((t, i) => pairLexeme(stems[i], t));
  return pairs.every((p) => p !== null) ? pairs.map((p) => quoteLexeme(p!)) : [];
}

/** A condition as tsqueries on the two columns, each null when it has no part. */
export interface MatchParts {
  doc: string | null;
  pairs: string | null;
}

/**
 * How a list of items is matched ('all' of them, or 'any') as tsqueries on
 * `doc` and `pairs`. With 'all', a two-word phrase is its pair alone, a
 * longer one its pairs and its `<->` on doc; with 'any', the columns are
 * OR'd, so a longer phrase is its `<->` alone (on doc).
 */
export function matchParts(items: QueryItem[], mode: 'all' | 'any'): MatchParts {
  const doc: string[] = [];
  const pairs: string[] = [];
  for (const item of items) {
    const own = phrasePairs(item);
    if (own.length === 1) pairs.push(own[0]!);
    else if (own.length > 1 && mode === 'all') {
      pairs.push(...own);
      doc.push(stemsOf(item));
    } else doc.push(stemsOf(item));
  }
  const join = mode === 'all' ? ' & ' : ' | ';
  return { doc: doc.length ? doc.join(join) : null, pairs: pairs.length ? pairs.join(join) : null };
}

/** The SQL of match parts on the search row `alias`: AND'd ('all') or OR'd ('any'); null when empty. */
function partsSql(parts: MatchParts, mode: 'all' | 'any', alias: string): RawBuilder<unknown> | null {
  const conds: RawBuilder<unknown>[] = [];
  if (parts.doc) conds.push(sql`${sql.ref(`${alias}.doc`)} @@ ${tsquery(parts.doc)}`);
  if (parts.pairs) conds.push(sql`${sql.ref(`${alias}.pairs`)} @@ ${tsquery(parts.pairs)}`);
  if (conds.length === 0) return null;
  return sql`(${sql.join(conds, sql.raw(mode === 'all' ? ' AND ' : ' OR '))})`;
}

/** The exclusions as a tsquery on `doc` (phrases by position), any of which rules an article out; null when there are none. */
function excludedTsquery(q: ParsedQuery): string | null {
  return q.not.length ? q.not.map(stemsOf).join(' | ') : null;
}

/**
 * The condition of matching articles: the words and phrases ('all' or
 * 'any'), less the exclusions. The exclusions stay inside the doc tsquery
 * where there is one to AND them to, so that the GIN index applies them: as a
 * separate `NOT (doc @@ …)` PostgreSQL reads the tsvector of every match
 * (600 ms for «فيسبوك -واتساب» at 100,000 articles, against 40).
 */
export function matchSql(q: ParsedQuery, mode: 'all' | 'any', alias = 's'): RawBuilder<unknown> {
  const parts = matchParts(q.must, mode);
  const excluded = excludedTsquery(q);
  if (excluded && mode === 'all' && parts.doc) return partsSql({ ...parts, doc: `(${parts.doc}) & !(${excluded})` }, mode, alias)!;
  const must = partsSql(parts, mode, alias)!;
  return excluded ? sql`(${must} AND NOT (${sql.ref(`${alias}.doc`)} @@ ${tsquery(excluded)}))` : must;
}

/** Every word ('all') or any ('any') by its own stem or exact form, without alternatives: the first ranking tier (see tieredExpressions in query.ts). */
export function ownFormsTsquery(q: ParsedQuery, mode: 'all' | 'any'): string {
  return withoutAlternatives(q)
    .must.map((item) => (item.kind === 'word' ? `(${quoteLexeme(item.terms[0]!.stem)} | ${quoteLexeme(item.terms[0]!.normToken)})` : stemsOf(item)))
    .join(mode === 'all' ? ' & ' : ' | ');
}

/** Any of the reader's exact forms (norm tokens): what earns the exact-form bonus. */
export function exactFormsTsquery(q: ParsedQuery): string | null {
  return q.must.length ? q.must.map(normsOf).join(' | ') : null;
}

const tsquery = (text: string) => sql`cast(${text} as tsquery)`;

// ---------------------------------------------------------------- writing

async function writeDoc(db: Executor, doc: IndexDoc): Promise<void> {
  let publishedAt = doc.publishedAt;
  if (publishedAt === undefined) {
    const row = await db.selectFrom('articles').select('published_at').where('id', '=', doc.id).executeTakeFirst();
    publishedAt = row?.published_at ?? null;
  }
  const v = tsvectorLiterals(indexColumns(doc.title, doc.description, doc.sections));
  await sql`INSERT INTO ${table} (article_id, doc_key, doc, pairs)
    VALUES (${doc.id}, ${docKey(doc.id, publishedAt)}, cast(${v.doc} as tsvector), cast(${v.pairs} as tsvector))
    ON CONFLICT (article_id) DO UPDATE SET doc_key = excluded.doc_key, doc = excluded.doc, pairs = excluded.pairs`.execute(db);
}

async function removeDoc(db: Executor, id: number): Promise<void> {
  await sql`DELETE FROM ${table} WHERE article_id = ${id}`.execute(db);
}

const READ_BATCH = 500;
const WRITE_BATCH = 100;

/**
 * Empties the index and indexes every published article again; returns how
 * many. Runs in the caller's transaction, if any.
 */
export async function fillPgIndex(db: Executor, onProgress?: (done: number, total: number) => void): Promise<number> {
  await sql`DELETE FROM ${table}`.execute(db);
  const published = db.selectFrom('articles').where('status', '=', 'published');
  const { n } = await published.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  let done = 0;
  for (let after = 0; ; ) {
    const rows = await published
      .select(['id', 'title', 'description', 'sections', 'published_at'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(READ_BATCH)
      .execute();
    if (rows.length === 0) break;
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const values = rows.slice(i, i + WRITE_BATCH).map((r) => {
        const v = tsvectorLiterals(indexColumns(r.title, r.description, JSON.parse(r.sections) as Section[]));
        return sql`(${r.id}, ${docKey(r.id, r.published_at)}, cast(${v.doc} as tsvector), cast(${v.pairs} as tsvector))`;
      });
      await sql`INSERT INTO ${table} (article_id, doc_key, doc, pairs) VALUES ${sql.join(values)}`.execute(db);
    }
    done += rows.length;
    onProgress?.(done, total);
    after = rows[rows.length - 1]!.id;
  }
  return done;
}

// ---------------------------------------------------------------- reading

/** Four significant digits, as on SQLite. */
const round = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));

export class PgSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async index(db: Executor, doc: IndexDoc): Promise<void> {
    if (doc.published) await writeDoc(db, doc);
    else await removeDoc(db, doc.id);
  }

  async remove(db: Executor, id: number): Promise<void> {
    await removeDoc(db, id);
  }

  async rebuild(onProgress?: (done: number, total: number) => void): Promise<number> {
    return this.db.transaction().execute((trx) => fillPgIndex(trx, onProgress));
  }

  /** Each token's article count up to `cap`, one scalar subquery per token in a single statement (the GIN index answers each). */
  async docFreqs(tokens: string[], cap = VOCAB_CAP, db: Executor = this.db): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < tokens.length; i += 200) {
      const part = tokens.slice(i, i + 200);
      const cols = part.map(
        (t, j) =>
          sql`(SELECT count(*) FROM (SELECT 1 FROM ${table} s WHERE s.doc @@ ${tsquery(quoteLexeme(t))} LIMIT ${cap}) AS v) AS ${sql.raw(`c${j}`)}`,
      );
      const { rows } = await sql<Record<string, string>>`SELECT ${sql.join(cols)}`.execute(db);
      part.forEach((t, j) => {
        const n = Number(rows[0]?.[`c${j}`] ?? 0);
        if (n > 0) out.set(t, n);
      });
    }
    return out;
  }

  /**
   * A search's statements run in one read transaction that turns sequential
   * scans off. Once the table has statistics, the planner prices `doc @@ q`
   * on a sequential scan as cheap (it does not count reading each row's
   * TOASTed tsvector), and under a LIMIT it chose that scan, or a walk of the
   * date index testing every row, over the GIN index: 160–270 ms a statement
   * at 30,000 articles. The GIN index is the right answer for every
   * statement here (the date condition is written so the date index cannot
   * take its place, see searchIn).
   */
  async search(query: SearchQuery): Promise<SearchResults> {
    return this.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return this.searchIn(trx, query);
    });
  }

  private async searchIn(db: Executor, query: SearchQuery): Promise<SearchResults> {
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
      suggestions: { tags: await popularTags(db) },
    });
    if (summary.empty) return none();

    const filters = await queryFilters(db, parsed, query);
    if (!filters) return none();
    const df = await lookupVocabulary(parsed, (tokens, cap) => this.docFreqs(tokens, cap, db));
    if (df) parsed = expandQuery(parsed, df);
    const { tagIds } = filters;
    const whereOn = filters.on;
    const offset = (page - 1) * limit;

    let total: number;
    let ranked: { id: number; score: number }[];
    let fallback = false;
    if (parsed.must.length === 0) {
      ({ total, ranked } = await this.tagListing(db, parsed, tagIds[0]!, whereOn(sql`d.doc_key`, sql`d.article_id`), limit, offset));
    } else {
      // doc_key + 0: not a condition the date index can serve, so that the GIN index is the
      // planner's only way in (see search()); the date range is then tested on the GIN's matches.
      const where = whereOn(sql`(s.doc_key + 0)`, sql`s.article_id`);
      let mode: 'all' | 'any' = 'all';
      total = await this.count(db, matchSql(parsed, mode), where);
      if (total === 0 && parsed.must.length > 1) {
        mode = 'any';
        total = await this.count(db, matchSql(parsed, mode), where);
        fallback = total > 0;
      }
      const sort = query.sort ?? 'relevance';
      ranked = total > offset ? await this.rank(db, parsed, mode, where, sort, total, limit, offset) : [];
    }
    if (total === 0) return none();
    return { total: Math.min(total, COUNT_CAP), totalExact: total <= COUNT_CAP, page, limit, hits: await this.hits(db, ranked, parsed), fallback, query: summary };
  }

  /** Matches up to COUNT_CAP + 1 (one more says there are more), as on SQLite. */
  private async count(db: Executor, matching: RawBuilder<unknown>, where: RawBuilder<unknown>): Promise<number> {
    const { rows } = await sql<{ n: string }>`WITH m AS MATERIALIZED (SELECT 1 FROM ${table} s WHERE ${matching} AND ${where})
      SELECT count(*) AS n FROM (SELECT 1 FROM m LIMIT ${COUNT_CAP + 1}) AS c`.execute(db);
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * One page of matches, best first or newest first, with their scores: as
   * on SQLite (see SqliteFtsIndex.rank), with ts_rank_cd for BM25. Newest
   * first shows the stems' score only; best first adds the exact forms'.
   */
  private async rank(
    db: Executor,
    parsed: ParsedQuery,
    mode: 'all' | 'any',
    where: RawBuilder<unknown>,
    sort: 'relevance' | 'date',
    total: number,
    limit: number,
    offset: number,
  ): Promise<{ id: number; score: number }[]> {
    const matching = matchSql(parsed, mode);
    const rank = (query: string) => sql`ts_rank_cd(${PG_WEIGHTS}::float4[], s.doc, ${tsquery(query)}, ${sql.raw(String(PG_NORMALIZATION))})`;
    const stems = rank(tsqueryText(parsed, mode, { exclusions: false })!);
    const exact = sql`${stems} + ${EXACT_BONUS}::float4 * ${rank(exactFormsTsquery(parsed)!)}`;
    type Row = { id: number; score: number };
    let rows: Row[];
    // The keys of the rows to score are chosen first and the rows scored after: written as one
    // SELECT, PostgreSQL computes ts_rank_cd (cost 1 to its planner, so not postponed past the
    // sort) for every match, reading each article's whole tsvector, before it sorts and cuts:
    // 1.4 s for a two-word query at 50,000 articles.
    // The matches in a CTE planned on its own, so that the LIMIT cannot draw the planner to a walk
    // of the date index testing each row's tsvector (see search()).
    const newest = (n: number, skip: number) => sql`WITH m AS MATERIALIZED (SELECT s.article_id AS id, s.doc_key FROM ${table} s
      WHERE ${matching} AND ${where}) SELECT id FROM m ORDER BY doc_key DESC LIMIT ${n} OFFSET ${skip}`;
    if (sort === 'date' || (total > EXACT_RANK_LIMIT && offset >= RANK_WINDOW)) {
      ({ rows } = await sql<Row>`SELECT s.article_id AS id, ${stems} AS score
        FROM (${newest(limit, offset)}) AS w JOIN ${table} s ON s.article_id = w.id
        ORDER BY s.doc_key DESC`.execute(db));
    } else if (total <= EXACT_RANK_LIMIT) {
      if (!hasAlternatives(parsed)) {
        ({ rows } = await sql<Row>`SELECT s.article_id AS id, ${exact} AS score FROM ${table} s
          WHERE ${matching} AND ${where}
          ORDER BY score DESC, s.doc_key DESC LIMIT ${limit} OFFSET ${offset}`.execute(db));
      } else {
        // As on SQLite: the articles matching by the words' own stems first, then those found
        // only through an alternative, their scores shown no higher than the last of the first.
        ({ rows } = await sql<Row>`SELECT m.id,
            CASE WHEN m.own THEN m.sc ELSE LEAST(m.sc, min(m.sc) FILTER (WHERE m.own) OVER ()) END AS score
          FROM (SELECT s.article_id AS id, s.doc_key, ${exact} AS sc, s.doc @@ ${tsquery(ownFormsTsquery(parsed, mode))} AS own
            FROM ${table} s WHERE ${matching} AND ${where}) AS m
          ORDER BY m.own DESC, m.sc DESC, m.doc_key DESC LIMIT ${limit} OFFSET ${offset}`.execute(db));
      }
    } else {
      ({ rows } = await sql<Row>`SELECT s.article_id AS id, ${exact} AS score
        FROM (${newest(RANK_WINDOW, 0)}) AS w JOIN ${table} s ON s.article_id = w.id
        ORDER BY score DESC, s.doc_key DESC LIMIT ${Math.min(limit, RANK_WINDOW - offset)} OFFSET ${offset}`.execute(db));
    }
    return rows.map((r) => ({ id: r.id, score: round(Number(r.score)) }));
  }

  /** Tags only: the tags' articles, newest first, less any exclusions. */
  private async tagListing(db: Executor, parsed: ParsedQuery, tagId: number, where: RawBuilder<unknown>, limit: number, offset: number) {
    const excluded = excludedTsquery(parsed);
    const from = sql`FROM article_tags t JOIN ${table} d ON d.article_id = t.article_id
      WHERE t.tag_id = ${tagId} AND ${where}${excluded ? sql` AND NOT (d.doc @@ ${tsquery(excluded)})` : sql``}`;
    const { rows: counted } = await sql<{ n: string }>`SELECT count(*) AS n ${from}`.execute(db);
    const { rows } = await sql<{ id: number }>`SELECT d.article_id AS id ${from} ORDER BY d.doc_key DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return { total: Number(counted[0]?.n ?? 0), ranked: rows.map((r) => ({ id: r.id, score: 0 })) };
  }

  /** The page's articles with their tags, titles highlighted and snippets cut from the original text. */
  private async hits(db: Executor, ranked: { id: number; score: number }[], parsed: ParsedQuery): Promise<SearchHit[]> {
    if (ranked.length === 0) return [];
    const ids = ranked.map((r) => r.id);
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'slug', 'title', 'description', 'sections', 'published_at', 'status', 'genre'])
      .where('id', 'in', ids)
      .execute();
    const tags = await tagNamesByArticle(db, ids);
    return searchHits(ranked, rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] })), parsed);
  }
}
