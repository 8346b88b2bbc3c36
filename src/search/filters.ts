/**
 * The filters both engines put on a query, written once: "public now" on
 * the document key (articles of earlier minutes are public by their key
 * alone; those of the current minute are checked against their row), the
 * #tags a result must have and the -#tags it must not; plus the tag lookup
 * and the popular tags a page with no results suggests.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { tagKey } from '../content/tags.js';
import type { Database } from '../store/schema.js';
import type { ParsedQuery } from './query.js';
import { ID_SPACE, keyAt, publicBound } from './doc-key.js';
import type { TagSuggestion } from './types.js';

export async function tagIdOf(db: Kysely<Database>, name: string): Promise<number | undefined> {
  const key = tagKey(name);
  if (!key) return undefined;
  const row = await db.selectFrom('tags').select('id').where('key', '=', key).executeTakeFirst();
  return row?.id;
}

/** The tags of the latest 500 public articles, most used first. */
export async function popularTags(db: Kysely<Database>, limit = 8): Promise<TagSuggestion[]> {
  const now = new Date().toISOString();
  const { rows } = await sql<{ name: string; n: number | string }>`SELECT t.name, count(*) AS n
    FROM article_tags x JOIN tags t ON t.id = x.tag_id
    WHERE x.article_id IN (
      SELECT id FROM articles WHERE status = 'published' AND published_at <= ${now}
      ORDER BY published_at DESC, id DESC LIMIT 500)
    GROUP BY t.id, t.name ORDER BY n DESC, t.name LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ name: r.name, count: Number(r.n) }));
}

export interface QueryFilters {
  /** The tags every result has (their ids). */
  tagIds: number[];
  /** `sql` that filters a document by its key and article id. */
  on(key: RawBuilder<unknown>, id: RawBuilder<unknown>): RawBuilder<unknown>;
}

/**
 * The query's filters at `nowMs`, within the publication times `range` asks
 * for (a range of document keys); null when a required tag does not exist
 * (nothing can match).
 */
export async function queryFilters(
  db: Kysely<Database>,
  parsed: ParsedQuery,
  range: { from?: string; to?: string } = {},
  nowMs = Date.now(),
): Promise<QueryFilters | null> {
  const bound = publicBound(nowMs);
  const minuteStart = new Date(Math.floor(nowMs / 60_000) * 60_000).toISOString();
  const thisMinute = sql`SELECT id FROM articles WHERE status = 'published'
    AND published_at >= ${minuteStart} AND published_at <= ${new Date(nowMs).toISOString()}`;
  const tagIds: number[] = [];
  for (const name of parsed.tags) {
    const id = await tagIdOf(db, name);
    if (id === undefined) return null;
    tagIds.push(id);
  }
  const notTags: number[] = [];
  for (const name of parsed.notTags) {
    const id = await tagIdOf(db, name);
    if (id !== undefined) notTags.push(id);
  }
  return {
    tagIds,
    on: (key, id) =>
      sql.join(
        [
          sql`${key} < ${bound + ID_SPACE}`,
          sql`(${key} < ${bound} OR ${id} IN (${thisMinute}))`,
          ...(range.from ? [sql`${key} >= ${keyAt(range.from)}`] : []),
          ...(range.to ? [sql`${key} < ${keyAt(range.to)}`] : []),
          ...tagIds.map((t) => sql`${id} IN (SELECT article_id FROM article_tags WHERE tag_id = ${t})`),
          ...(notTags.length ? [sql`${id} NOT IN (SELECT article_id FROM article_tags WHERE tag_id IN (${sql.join(notTags)}))`] : []),
        ],
        sql` AND `,
      ),
  };
}
