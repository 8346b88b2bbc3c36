/**
 * The search index's document key (the FTS5 rowid on SQLite, a column on
 * PostgreSQL): the publication minute, then the article id. Ordering by it
 * is ordering by date, and "public now" is a range on it.
 */

/** 2^27: ids below 134 million. */
export const ID_SPACE = 134_217_728;
/** 2^26 minutes since 1970: until 2097. (2^26 × 2^27 = 2^53, exact in a JS number.) */
const MINUTE_SPACE = 67_108_864;

const minuteOf = (ms: number) => Math.min(MINUTE_SPACE - 1, Math.max(0, Math.floor(ms / 60_000)));

/** The FTS5 rowid of an article: its publication minute, then its id. */
export function docKey(id: number, publishedAt: string | null): number {
  if (!Number.isSafeInteger(id) || id < 0 || id >= ID_SPACE) throw new RangeError(`article id ${id} out of the search index's range`);
  const ms = publishedAt === null ? NaN : Date.parse(publishedAt);
  return minuteOf(Number.isNaN(ms) ? MINUTE_SPACE * 60_000 : ms) * ID_SPACE + id;
}

/** Rowids below this are public at `now`: published in an earlier minute (the current minute's are checked one by one). */
export function publicBound(now = Date.now()): number {
  return minuteOf(now) * ID_SPACE;
}

/** The first key of the minute holding `iso`: a range of publication times is a range of keys. */
export function keyAt(iso: string): number {
  return minuteOf(Date.parse(iso)) * ID_SPACE;
}
