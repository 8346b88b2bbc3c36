/**
 * `sahifa suggest FILE`: hashtags, a description and the entities named, for
 * the articles of a file (any format `sahifa import` reads), as JSON — one
 * object per article. Similar articles in the database (--db) lend their tags.
 */
import { parseArgs } from 'node:util';
import { suggest } from '../related/suggest.js';
import { formatOf, IMPORT_FORMATS, parseFile, type ImportFormat } from '../services/import.js';
import { openStore } from '../store/open.js';
import { UsageError, dbPath } from './args.js';

export async function suggestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, format: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('suggest needs one FILE');
  const file = positionals[0]!;
  const format = (values.format as ImportFormat | undefined) ?? formatOf(file) ?? 'text';
  if (!IMPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${format}"`);
  const inputs = await parseFile(file, format);
  const store = await openStore(dbPath(values.db));
  try {
    for (const input of inputs) console.log(JSON.stringify(await suggest(store, input), null, 2));
    return 0;
  } finally {
    await store.close();
  }
}
