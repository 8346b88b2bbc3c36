/**
 * `sahifa export [--db PATH] [FILE]`: every article as JSON lines, then the
 * tags' descriptions and the authors' profiles (to FILE, or standard output
 * without one or with `-`), which `sahifa import` reads back whole.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { exportRecords, type ExportKind } from '../services/export.js';
import { openStore } from '../store/open.js';
import { UsageError, dbPath, existingDatabase } from './args.js';

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals.length > 1) throw new UsageError('export takes at most one FILE');
  const file = positionals[0] === '-' ? undefined : positionals[0];
  if (file !== undefined && existsSync(file)) throw new UsageError(`"${file}" exists: export writes a new file`);
  const store = await openStore(existingDatabase(dbPath(values.db)));
  const count: Record<ExportKind, number> = { article: 0, tag: 0, author: 0 };
  try {
    const lines = Readable.from(
      (async function* () {
        for await (const { kind, line } of exportRecords(store)) {
          count[kind]++;
          yield line;
        }
      })(),
    );
    // pipeline leaves process.stdout open (it never destroys stdout or stderr).
    await pipeline(lines, file === undefined ? process.stdout : createWriteStream(file, { flags: 'wx' }));
    const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    const besides = [count.tag ? n(count.tag, 'tag description', 'tag descriptions') : '', count.author ? n(count.author, 'author profile', 'author profiles') : ''].filter(Boolean);
    console.error(`exported ${n(count.article, 'article', 'articles')}${besides.length ? ` and ${besides.join(', ')}` : ''}${file ? ` to ${file}` : ''}`);
    return 0;
  } finally {
    await store.close();
  }
}
