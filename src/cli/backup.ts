/**
 * `sahifa backup [--db PATH] DIR`: everything a SQLite site is, copied while
 * it runs into a new folder: the database (one consistent snapshot) and the
 * uploads. Restoring is serving the copy: `sahifa serve --db DIR/sahifa.db`
 * (the uploads are beside it, where the server looks by default).
 */
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isPostgresLocation, openStore } from '../store/open.js';
import { UsageError, dbPath, defaultMediaDir, existingDatabase } from './args.js';

export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('backup needs one DIR, a folder that does not exist yet');
  const location = existingDatabase(dbPath(values.db));
  if (isPostgresLocation(location)) {
    throw new UsageError('on PostgreSQL the database is backed up with pg_dump (and the uploads folder copied); `sahifa export` writes the articles as JSON lines');
  }
  const dir = positionals[0]!;
  if (existsSync(dir)) throw new UsageError(`"${dir}" exists: backup writes a new folder`);
  await mkdir(dir, { recursive: true });
  const store = await openStore(location);
  try {
    const started = Date.now();
    await store.backupTo(path.join(dir, 'sahifa.db'));
    const media = process.env.SAHIFA_MEDIA_DIR ?? defaultMediaDir(location);
    // Uploads are written once under new names and never changed, so a copy taken while the site runs is whole.
    const files = existsSync(media) ? await copyTree(media, path.join(dir, 'media')) : 0;
    const size = (await stat(path.join(dir, 'sahifa.db'))).size;
    console.error(
      `backed up ${location} (${(size / 1048576).toFixed(1)} MB) and ${files} upload${files === 1 ? '' : 's'} to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/** Copies a folder; returns how many files it held. */
async function copyTree(from: string, to: string): Promise<number> {
  await cp(from, to, { recursive: true, errorOnExist: true, force: false });
  const entries = await readdir(to, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}
