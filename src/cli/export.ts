/**
 * `sahifa export [--db PATH] [FILE]`: every article as JSON lines (to FILE,
 * or standard output without one or with `-`), which `sahifa import` reads back whole.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { exportLines } from '../services/export.js';
import { openStore } from '../store/open.js';
import { UsageError, dbPath, existingDatabase } from './args.js';

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals.length > 1) throw new UsageError('export takes at most one FILE');
  const file = positionals[0] === '-' ? undefined : positionals[0];
  if (file !== undefined && existsSync(file)) throw new UsageError(`"${file}" exists: export writes a new file`);
  const store = await openStore(existingDatabase(dbPath(values.db)));
  let count = 0;
  try {
    const lines = Readable.from(
      (async function* () {
        for await (const line of exportLines(store)) {
          count++;
          yield line;
        }
      })(),
    );
    // pipeline leaves process.stdout open (it never destroys stdout or stderr).
    await pipeline(lines, file === undefined ? process.stdout : createWriteStream(file, { flags: 'wx' }));
    console.error(`exported ${count} article${count === 1 ? '' : 's'}${file ? ` to ${file}` : ''}`);
    return 0;
  } finally {
    await store.close();
  }
}
