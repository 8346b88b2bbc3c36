/** Shared bits of the CLI: where the database is, and errors users can read. */

export const DEFAULT_DB = './data/sahifa.db';

export class UsageError extends Error {}

export function dbPath(flag: string | undefined, env = process.env): string {
  return flag ?? env.SAHIFA_DB ?? DEFAULT_DB;
}
