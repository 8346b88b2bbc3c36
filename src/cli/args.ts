/** Shared bits of the CLI: where the database is, and errors users can read. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isPostgresLocation } from '../store/open.js';

export const DEFAULT_DB = './data/sahifa.db';

export class UsageError extends Error {}

/**
 * Where the database is: --db, else SAHIFA_DB, else DATABASE_URL when it
 * names PostgreSQL (postgres:// or postgresql://), else ./data/sahifa.db.
 */
export function dbPath(flag: string | undefined, env = process.env): string {
  const url = env.DATABASE_URL && isPostgresLocation(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
  return flag ?? env.SAHIFA_DB ?? url ?? DEFAULT_DB;
}

/** A database location as logs may show it: a URL loses its password. */
export function displayLocation(location: string): string {
  if (!isPostgresLocation(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Where uploads go unless SAHIFA_MEDIA_DIR says: beside a SQLite file, or ./data/media with a database server. */
export function defaultMediaDir(location: string): string {
  return isPostgresLocation(location) ? path.resolve('data', 'media') : path.join(path.dirname(path.resolve(location)), 'media');
}

/** A SQLite file that is not there is a mistyped path, not a new empty site to read (export, backup). */
export function existingDatabase(location: string): string {
  if (!isPostgresLocation(location) && !existsSync(location)) throw new UsageError(`no database at "${location}" (--db, SAHIFA_DB)`);
  return location;
}
