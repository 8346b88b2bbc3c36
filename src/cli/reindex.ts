/** `sahifa reindex`: rebuilds the search index from the stored articles. */
import { parseArgs } from 'node:util';
import { SqliteStore } from '../store/sqlite.js';
import { openStore } from '../store/open.js';
import { dbPath } from './args.js';

export async function reindexCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  const db = dbPath(values.db);
  const store = await openStore(db);
  try {
    if (!(store instanceof SqliteStore)) throw new Error('reindex supports SQLite stores only');
    const started = performance.now();
    const n = await store.searchIndex.rebuild((done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r indexed ${done}/${total}`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    console.log(`sahifa: reindexed ${n} published articles of ${db} in ${seconds.toFixed(1)} s`);
    return 0;
  } finally {
    await store.close();
  }
}
