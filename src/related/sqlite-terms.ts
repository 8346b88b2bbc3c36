/**
 * The related-news engine's SQL, over the tables of schema.ts, through the
 * store's Kysely instance. Written for SQLite and kept to plain SQL (UNION
 * ALL of LIMITed subqueries, GROUP BY, ON CONFLICT upserts), which
 * PostgreSQL runs as well: the same class serves both engines. What it
 * needs of PostgreSQL: subqueries in FROM are named, booleans are written
 * as 0/1 integers (case when), and parameters PostgreSQL cannot type from
 * their context (a VALUES list) are cast. One statement differs: the
 * candidates' postings (postings()), which PostgreSQL reads through arrays.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { isPostgres } from '../store/dialect.js';
import type { Database } from '../store/schema.js';
import type { LinkRules } from '../content/article.js';
import { isLinkable } from '../content/genre.js';
import type { LinkChoice } from '../store/store.js';
import type { DeskCentroids, DeskShares } from './desks.js';
import { fromBytes, toBytes } from './minhash.js';
import { packVector } from './profile.js';
import type { CollectionStats, StoredVector, Vector } from './profile.js';
import type { RelatedTables } from './schema.js';
import type { TopicVector } from './topics.js';
import type { ArticleSource, NewProfile, PreviousProfile, RelatedStore, StoredProfile } from './types.js';

/** Postings kept per article: its strongest terms. */
export const POSTINGS_PER_ARTICLE = 60;

/** Rows per multi-row statement (SQLite allows 32,766 parameters). */
const CHUNK = 500;

const floatBytes = (v: Float32Array): Uint8Array => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
// Copied: a driver's buffer may not be 4-byte aligned.
const floats = (b: Uint8Array): Float32Array => new Float32Array(Uint8Array.from(b).buffer);
const unpack = (terms: string, weights: Uint8Array): StoredVector => ({ terms: terms ? terms.split('\n') : [], weights: floats(weights) });

/** The articles' tag ids, each article's in the order of its tags. */
async function tagIdsOf(db: Db, ids: number[]): Promise<Map<number, number[]>> {
  const rows = await db.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).orderBy('article_id').orderBy('position').execute();
  const tagsOf = new Map<number, number[]>();
  for (const t of rows) {
    const list = tagsOf.get(t.article_id);
    if (list) list.push(t.tag_id);
    else tagsOf.set(t.article_id, [t.tag_id]);
  }
  return tagsOf;
}

/** Lists cut to the size a statement binds at once (SQLite allows 32,766 parameters, PostgreSQL 65,535). */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Db = Kysely<Database & RelatedTables>;

/** Ids of the articles naming an entity, as a subquery (for the store's list query). */
export function articlesNaming(entity: string): Expression<number> {
  return sql<number>`(select article_id from article_entities where entity = ${entity})`;
}

/** Public now: published, with a publication time that has come (over related_public). */
function isPublic(now: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(related_public.published = 1 and related_public.published_at <= ${now})`;
}

/** Postings carry the weight as stored (float32), so that the old ones can be deleted by their key. */
function postingsOf(v: StoredVector, id: number): { term: string; weight: number; article_id: number }[] {
  return v.terms.slice(0, POSTINGS_PER_ARTICLE).map((term, i) => ({ term, weight: v.weights[i]!, article_id: id }));
}

async function deletePostings(trx: Kysely<any>, postings: { term: string; weight: number; article_id: number }[]): Promise<void> {
  for (const rows of chunks(postings, 300)) {
    // Typed: PostgreSQL reads untyped VALUES parameters as text.
    const keys = sql.join(rows.map((r) => sql`(${r.term}, cast(${r.weight} as double precision), cast(${r.article_id} as integer))`));
    await sql`delete from article_terms where (term, weight, article_id) in (values ${keys})`.execute(trx);
  }
}

/** Adds changes to the document frequencies and to the running counts (docs, total_length). */
async function adjustStatistics(trx: Db, delta: Map<string, number>, docs: number, length: number): Promise<void> {
  const changes = [...delta].filter(([, d]) => d !== 0).map(([term, df]) => ({ term, df }));
  for (const rows of chunks(changes)) {
    await trx
      .insertInto('term_df')
      .values(rows)
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql<number>`term_df.df + excluded.df` }))
      .execute();
  }
  // Terms no counted article has any more.
  const dropped = changes.filter((c) => c.df < 0).map((c) => c.term);
  for (const part of chunks(dropped)) await trx.deleteFrom('term_df').where('term', 'in', part).where('df', '<=', 0).execute();
  if (docs === 0 && length === 0) return;
  for (const [key, change] of [['docs', docs], ['total_length', length]] as const) {
    await trx
      .insertInto('related_meta')
      .values({ key, value: String(change) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`cast(cast(related_meta.value as double precision) + ${change} as text)` }))
      .execute();
  }
}

/**
 * Takes articles out of the engine, inside the caller's transaction (the
 * store's delete runs it before the article's row goes): the terms of a
 * counted profile leave the document frequencies and the running counts,
 * the postings leave article_terms (which has no foreign key), and the
 * article's other rows go.
 */
export async function forgetArticles(db: Kysely<any>, ids: number[]): Promise<void> {
  const trx = (db as Kysely<Database>).withTables<RelatedTables>();
  for (const part of chunks(ids)) {
    const rows = await trx
      .selectFrom('related_vectors')
      .innerJoin('related_profiles', 'related_profiles.article_id', 'related_vectors.article_id')
      .innerJoin('related_public', 'related_public.article_id', 'related_vectors.article_id')
      .select(['related_vectors.article_id', 'related_vectors.terms', 'related_vectors.weights', 'related_profiles.length', 'related_public.published'])
      .where('related_vectors.article_id', 'in', part)
      .execute();
    const delta = new Map<string, number>();
    let removed = 0;
    let lengthChange = 0;
    const postings: { term: string; weight: number; article_id: number }[] = [];
    for (const r of rows) {
      const v = unpack(r.terms, r.weights);
      postings.push(...postingsOf(v, r.article_id));
      if (Number(r.published) !== 1) continue;
      for (const t of v.terms) delta.set(t, (delta.get(t) ?? 0) - 1);
      removed--;
      lengthChange -= r.length;
    }
    await deletePostings(trx, postings);
    await adjustStatistics(trx, delta, removed, lengthChange);
    // The rest would go with the article's row; removed here so that forgetting is whole on its own.
    for (const table of ['article_entities', 'related_vectors', 'related_profiles', 'related_public'] as const) {
      await trx.deleteFrom(table).where('article_id', 'in', part).execute();
    }
  }
}

export class SqliteRelatedStore implements RelatedStore {
  private readonly db: Db;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<RelatedTables>();
  }

  async stats(): Promise<CollectionStats> {
    const rows = await this.db.selectFrom('related_meta').select(['key', 'value']).where('key', 'in', ['docs', 'total_length']).execute();
    const meta = new Map(rows.map((r) => [r.key, Number(r.value)]));
    const docs = meta.get('docs') ?? 0;
    return { docs, avgLength: docs ? (meta.get('total_length') ?? 0) / docs : 0 };
  }

  async analyze(): Promise<void> {
    // PostgreSQL plans the candidates' statement by the postings' statistics, which autovacuum
    // brings up to date only later: right after an import wrote them, its plans took 4.5 ms a
    // statement against 0.3. SQLite's plans for these tables do not depend on statistics.
    if (isPostgres(this.db)) await sql`ANALYZE article_terms, related_public, related_profiles, related_vectors, term_df`.execute(this.db);
  }

  async documentFrequencies(terms: Iterable<string>): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks([...new Set(terms)])) {
      const rows = await this.db.selectFrom('term_df').select(['term', 'df']).where('term', 'in', part).execute();
      for (const r of rows) out.set(r.term, Number(r.df));
    }
    return out;
  }

  async stale(ids: number[]): Promise<number[]> {
    const out: number[] = [];
    for (const part of chunks(ids)) {
      const rows = await this.db
        .selectFrom('articles')
        .leftJoin('related_profiles', 'related_profiles.article_id', 'articles.id')
        .select('articles.id')
        .where('articles.id', 'in', part)
        .where((eb) =>
          eb.or([eb('related_profiles.indexed_at', 'is', null), eb('related_profiles.indexed_at', '<>', eb.ref('articles.updated_at'))]),
        )
        .execute();
      for (const r of rows) out.push(r.id);
    }
    return out;
  }

  async sources(ids: number[]): Promise<ArticleSource[]> {
    const out: ArticleSource[] = [];
    for (const part of chunks(ids)) {
      const rows = await this.db
        .selectFrom('articles')
        .select(['id', 'title', 'description', 'body', 'updated_at', 'status', 'published_at', 'genre'])
        .where('id', 'in', part)
        .execute();
      const tagsOf = await tagIdsOf(this.db, part);
      for (const r of rows) {
        out.push({
          id: r.id,
          title: r.title,
          description: r.description,
          body: r.body,
          updatedAt: r.updated_at,
          tagIds: tagsOf.get(r.id) ?? [],
          published: r.status === 'published' && isLinkable(r.genre),
          publishedAt: r.published_at,
        });
      }
    }
    return out;
  }

  async vectors(ids: number[]): Promise<Map<number, PreviousProfile>> {
    const out = new Map<number, PreviousProfile>();
    for (const part of chunks(ids)) {
      const rows = await this.db
        .selectFrom('related_vectors')
        .innerJoin('related_profiles', 'related_profiles.article_id', 'related_vectors.article_id')
        .innerJoin('related_public', 'related_public.article_id', 'related_vectors.article_id')
        .select(['related_vectors.article_id', 'related_vectors.terms', 'related_vectors.weights', 'related_profiles.length', 'related_public.published'])
        .where('related_vectors.article_id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.article_id, { vector: unpack(r.terms, r.weights), length: r.length, counted: Number(r.published) === 1 });
    }
    return out;
  }

  async writeProfiles(profiles: NewProfile[]): Promise<void> {
    if (profiles.length === 0) return;
    const delta = new Map<string, number>();
    let added = 0;
    let lengthChange = 0;
    // Only published articles count in the statistics: a draft's words do not
    // change the weights of the published ones, and an unpublished article's leave them.
    for (const p of profiles) {
      if (p.previous?.counted) {
        for (const t of p.previous.vector.terms) delta.set(t, (delta.get(t) ?? 0) - 1);
        added--;
        lengthChange -= p.previous.length;
      }
      if (p.published) {
        for (const [t] of p.vector) delta.set(t, (delta.get(t) ?? 0) + 1);
        added++;
        lengthChange += p.length;
      }
    }
    await this.db.transaction().execute(async (trx) => {
      await deletePostings(trx, profiles.flatMap((p) => (p.previous ? postingsOf(p.previous.vector, p.id) : [])));
      for (const part of chunks(profiles, 100)) {
        const ids = part.map((p) => p.id);
        await trx.deleteFrom('article_entities').where('article_id', 'in', ids).execute();
        const packed = part.map((p) => ({ p, v: packVector(p.vector) }));
        await trx
          .insertInto('related_public')
          .values(part.map((p) => ({ article_id: p.id, published: p.published ? 1 : 0, published_at: p.publishedAt })))
          .onConflict((oc) =>
            oc.column('article_id').doUpdateSet((eb) => ({ published: eb.ref('excluded.published'), published_at: eb.ref('excluded.published_at') })),
          )
          .execute();
        await trx
          .insertInto('related_profiles')
          .values(
            part.map((p) => ({
              article_id: p.id,
              indexed_at: p.indexedAt,
              length: p.length,
              tags: JSON.stringify(p.tagIds),
              minhash: toBytes(p.minhash),
              topics: p.topics ? floatBytes(p.topics) : null,
              desks: p.desks ? floatBytes(p.desks) : null,
            })),
          )
          .onConflict((oc) =>
            oc.column('article_id').doUpdateSet((eb) => ({
              indexed_at: eb.ref('excluded.indexed_at'),
              length: eb.ref('excluded.length'),
              tags: eb.ref('excluded.tags'),
              minhash: eb.ref('excluded.minhash'),
              topics: eb.ref('excluded.topics'),
              desks: eb.ref('excluded.desks'),
            })),
          )
          .execute();
        await trx
          .insertInto('related_vectors')
          .values(packed.map(({ p, v }) => ({ article_id: p.id, terms: v.terms.join('\n'), weights: floatBytes(v.weights) })))
          .onConflict((oc) => oc.column('article_id').doUpdateSet((eb) => ({ terms: eb.ref('excluded.terms'), weights: eb.ref('excluded.weights') })))
          .execute();
        const postings = packed.flatMap(({ p, v }) => postingsOf(v, p.id));
        for (const rows of chunks(postings)) await trx.insertInto('article_terms').values(rows).onConflict((oc) => oc.doNothing()).execute();
        const entities = part.flatMap((p) => [...p.entities].map(([entity, mentions]) => ({ article_id: p.id, entity, mentions })));
        for (const rows of chunks(entities)) await trx.insertInto('article_entities').values(rows).execute();
      }
      await adjustStatistics(trx, delta, added, lengthChange);
    });
  }

  async linkRules(ids: number[]): Promise<Map<number, LinkRules>> {
    const out = new Map<number, LinkRules>();
    for (const part of chunks(ids)) {
      const rows = await this.db
        .selectFrom('article_link_rules')
        .select(['article_id', 'target_id', 'rule'])
        .where('article_id', 'in', part)
        .orderBy('article_id')
        .orderBy('rule')
        .orderBy('position')
        .execute();
      for (const r of rows) {
        const rules = out.get(r.article_id) ?? { pinned: [], blocked: [] };
        (r.rule === 'pin' ? rules.pinned : rules.blocked).push(r.target_id);
        out.set(r.article_id, rules);
      }
    }
    return out;
  }

  async pinning(ids: number[]): Promise<number[]> {
    const out = new Set<number>();
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('article_link_rules').select('article_id').where('rule', '=', 'pin').where('target_id', 'in', part).execute();
      for (const r of rows) out.add(r.article_id);
    }
    return [...out];
  }

  async syncTags(ids: number[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks(ids)) {
        const tagsOf = await tagIdsOf(trx, part);
        for (const id of part) {
          await trx.updateTable('related_profiles').set({ tags: JSON.stringify(tagsOf.get(id) ?? []) }).where('article_id', '=', id).execute();
        }
      }
    });
  }

  async syncPublication(ids: number[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks(ids)) {
        // The articles whose status moves them in or out of the statistics.
        const flips = await trx
          .selectFrom('related_public')
          .innerJoin('articles', 'articles.id', 'related_public.article_id')
          .innerJoin('related_vectors', 'related_vectors.article_id', 'related_public.article_id')
          .innerJoin('related_profiles', 'related_profiles.article_id', 'related_public.article_id')
          .select(['related_public.article_id', 'related_public.published', 'articles.status', 'articles.genre', 'related_vectors.terms', 'related_profiles.length'])
          .where('related_public.article_id', 'in', part)
          .execute();
        const delta = new Map<string, number>();
        let added = 0;
        let lengthChange = 0;
        for (const f of flips) {
          const was = Number(f.published) === 1;
          const now = f.status === 'published' && isLinkable(f.genre);
          if (was === now) continue;
          const sign = now ? 1 : -1;
          for (const t of f.terms ? f.terms.split('\n') : []) delta.set(t, (delta.get(t) ?? 0) + sign);
          added += sign;
          lengthChange += sign * f.length;
        }
        await adjustStatistics(trx, delta, added, lengthChange);
        await sql`update related_public set
            -- isLinkable (content/genre.ts), in SQL
            published = (select case when status = 'published' and genre <> 'sponsored' then 1 else 0 end from articles where articles.id = related_public.article_id),
            published_at = (select published_at from articles where articles.id = related_public.article_id)
          where article_id in (${sql.join(part)})`.execute(trx);
      }
    });
  }

  async forget(ids: number[]): Promise<void> {
    await this.db.transaction().execute((trx) => forgetArticles(trx, ids));
  }

  async reset(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const table of ['article_terms', 'term_df', 'article_entities', 'topic_terms', 'related_meta', 'related_vectors', 'related_profiles', 'related_public'] as const) {
        await trx.deleteFrom(table).execute();
      }
    });
  }

  async allArticleIds(): Promise<number[]> {
    const rows = await this.db.selectFrom('articles').select('id').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  async profiles(ids: number[]): Promise<Map<number, StoredProfile>> {
    const out = new Map<number, StoredProfile>();
    const now = new Date().toISOString();
    for (const part of chunks(ids)) {
      const rows = await this.db
        .selectFrom('related_profiles')
        .innerJoin('related_public', 'related_public.article_id', 'related_profiles.article_id')
        .select([
          'related_profiles.article_id as id',
          'related_profiles.length',
          'related_profiles.tags',
          'related_profiles.minhash',
          'related_profiles.topics',
          'related_profiles.desks',
          'related_public.published_at',
        ])
        .select(isPublic(now).as('is_public'))
        .where('related_profiles.article_id', 'in', part)
        .execute();
      for (const r of rows) {
        out.set(r.id, {
          id: r.id,
          length: r.length,
          tagIds: JSON.parse(r.tags) as number[],
          minhash: fromBytes(r.minhash),
          publishedAt: r.published_at,
          isPublic: Boolean(r.is_public),
          topics: r.topics ? floats(r.topics) : null,
          desks: r.desks ? floats(r.desks) : null,
        });
      }
    }
    return out;
  }

  async candidates(
    query: Vector,
    { exclude, limit, perTerm, includeUnpublished = false }: { exclude: number; limit: number; perTerm: number; includeUnpublished?: boolean },
  ): Promise<[number, number][]> {
    if (query.length === 0) return [];
    const now = new Date().toISOString();
    const { rows } = await sql<{ id: number; score: number }>`
      select c.id, c.score
      from (
        select article_id as id, sum(s) as score
        from (${this.postings(query, perTerm)}) as postings
        group by article_id
        order by score desc
        limit ${limit * 3}
      ) as c
      join related_public on related_public.article_id = c.id
      where c.id <> ${exclude} and ${includeUnpublished ? sql`1 = 1` : isPublic(now)}
      order by c.score desc
      limit ${limit}`.execute(this.db);
    return rows.map((r) => [r.id, r.score]);
  }

  /** Each query term's `perTerm` strongest postings, as (article_id, s: the posting's weight times the term's). */
  private postings(query: Vector, perTerm: number): RawBuilder<unknown> {
    if (isPostgres(this.db)) {
      // One LATERAL over the terms passed as arrays. PostgreSQL planned the UNION ALL of
      // thirty subqueries in 1.4 ms, longer than it took to run (0.6 ms a query against 2.7).
      const terms = query.map(([t]) => t);
      const weights = query.map(([, w]) => w);
      return sql`select p.article_id, p.weight * q.w as s
        from unnest(cast(${terms} as text[]), cast(${weights} as float8[])) as q(term, w)
        cross join lateral (select article_id, weight from article_terms where term = q.term order by weight desc limit ${perTerm}) as p`;
    }
    // SQLite has no arrays to unnest; it plans the UNION ALL quickly.
    return sql.join(
      query.map(([term, w]) => sql`select article_id, weight * ${w} as s from (select article_id, weight from article_terms where term = ${term} order by weight desc limit ${perTerm}) as t`),
      sql` union all `,
    );
  }

  async describe(ids: number[]): Promise<Map<number, { slug: string; title: string; externalId: string | null }>> {
    const out = new Map<number, { slug: string; title: string; externalId: string | null }>();
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('articles').select(['id', 'slug', 'title', 'external_id']).where('id', 'in', part).execute();
      for (const r of rows) out.set(r.id, { slug: r.slug, title: r.title, externalId: r.external_id });
    }
    return out;
  }

  async links(ids: number[]): Promise<Map<number, { seeAlso: LinkChoice[]; related: LinkChoice[] }>> {
    const out = new Map<number, { seeAlso: LinkChoice[]; related: LinkChoice[] }>(ids.map((id) => [id, { seeAlso: [], related: [] }]));
    for (const part of chunks(ids)) {
      const rows = await this.db
        .selectFrom('article_links')
        .select(['article_id', 'kind', 'target_id', 'score'])
        .where('article_id', 'in', part)
        .orderBy('article_id')
        .orderBy('kind')
        .orderBy('position')
        .execute();
      for (const r of rows) {
        const links = out.get(r.article_id)!;
        (r.kind === 'see_also' ? links.seeAlso : links.related).push({ targetId: r.target_id, score: r.score });
      }
    }
    return out;
  }

  async linkingTo(ids: number[]): Promise<number[]> {
    const out = new Set<number>();
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('article_links').select('article_id').distinct().where('target_id', 'in', part).execute();
      for (const r of rows) out.add(r.article_id);
    }
    return [...out];
  }

  async entitiesOf(id: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('article_entities')
      .select('entity')
      .where('article_id', '=', id)
      .orderBy('mentions', 'desc')
      .orderBy('entity')
      .execute();
    return rows.map((r) => r.entity);
  }

  // --- The topic space (topics.ts) ---

  async topicModelSize(): Promise<number | null> {
    const row = await this.db.selectFrom('related_meta').select('value').where('key', '=', 'topic_docs').executeTakeFirst();
    return row ? Number(row.value) : null;
  }

  async commonTerms(limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('term_df').select('term').where('df', '>=', 2).orderBy('df', 'desc').orderBy('term').limit(limit).execute();
    return rows.map((r) => r.term);
  }

  async eachProfile(visit: (id: number, vector: StoredVector, desks: DeskShares | null) => void): Promise<void> {
    for (let last = 0; ; ) {
      const rows = await this.db
        .selectFrom('related_vectors')
        .innerJoin('related_profiles', 'related_profiles.article_id', 'related_vectors.article_id')
        .select(['related_vectors.article_id', 'related_vectors.terms', 'related_vectors.weights', 'related_profiles.desks'])
        .where('related_vectors.article_id', '>', last)
        .orderBy('related_vectors.article_id')
        .limit(2000)
        .execute();
      if (rows.length === 0) return;
      for (const r of rows) visit(r.article_id, unpack(r.terms, r.weights), r.desks ? floats(r.desks) : null);
      last = rows[rows.length - 1]!.article_id;
    }
  }

  async topicTerms(terms: Iterable<string>): Promise<Map<string, TopicVector>> {
    const out = new Map<string, TopicVector>();
    for (const part of chunks([...new Set(terms)])) {
      const rows = await this.db.selectFrom('topic_terms').select(['term', 'vector']).where('term', 'in', part).execute();
      for (const r of rows) out.set(r.term, floats(r.vector));
    }
    return out;
  }

  async writeTopicModel(docs: number, terms: Map<string, TopicVector>, topics: Map<number, TopicVector | null>, desks: DeskCentroids): Promise<void> {
    const centroids = JSON.stringify(desks.map((c) => (c ? Array.from(c) : null)));
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('topic_terms').execute();
      for (const part of chunks([...terms])) {
        await trx.insertInto('topic_terms').values(part.map(([term, v]) => ({ term, vector: floatBytes(v) }))).execute();
      }
      for (const [id, v] of topics) {
        await trx.updateTable('related_profiles').set({ topics: v ? floatBytes(v) : null }).where('article_id', '=', id).execute();
      }
      await trx
        .insertInto('related_meta')
        .values({ key: 'topic_docs', value: String(docs) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(docs) }))
        .execute();
      await trx
        .insertInto('related_meta')
        .values({ key: 'desk_centroids', value: centroids })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: centroids }))
        .execute();
    });
  }

  async deskCentroids(): Promise<DeskCentroids | null> {
    const row = await this.db.selectFrom('related_meta').select('value').where('key', '=', 'desk_centroids').executeTakeFirst();
    return row ? (JSON.parse(row.value) as (number[] | null)[]).map((c) => (c ? Float32Array.from(c) : null)) : null;
  }
}
