/**
 * Rows of a subquery as one JSON array column, in the engine's own terms
 * (PostgreSQL's json_agg, SQLite's json_group_array), so that a page's
 * article, tags, links and image come back from ONE statement: on
 * PostgreSQL each statement is a round trip to the server, and an uncached
 * page paid three or four of them (issue #7).
 *
 * The subquery must name its columns (no selectAll) and should not nest
 * another jsonRows: SQLite returns the array as text, and text inside text
 * would need parsing twice. Order: both engines aggregate a subquery's rows
 * in the order it yields them, so an ORDER BY inside is kept.
 */
import type { Kysely, RawBuilder } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import { isPostgres } from './dialect.js';

/** Read it back with parseRows. */
export function jsonRows(db: Kysely<any>, subquery: Parameters<typeof sqliteJsonArrayFrom>[0]): RawBuilder<unknown> {
  return isPostgres(db) ? pgJsonArrayFrom(subquery) : sqliteJsonArrayFrom(subquery);
}

/** A jsonRows column as read back: already parsed by pg, text from SQLite. */
export function parseRows<T>(value: unknown): T[] {
  if (typeof value === 'string') return JSON.parse(value) as T[];
  return (value as T[] | null) ?? [];
}
