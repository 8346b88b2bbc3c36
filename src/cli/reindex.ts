/**
 * `sahifa reindex [--search] [--related]`: rebuilds, from the stored
 * articles, the search index and the related-news data (profiles, term
 * statistics, topic space and the stored links: rebuildRelated in
 * src/related/engine.ts). Without a flag, both. The related rebuild is for a
 * database made before migration 0003, or after the engine's weights or
 * analysis changed (a new stemmer).
 */
import { parseArgs } from 'node:util';
import { rebuildRelated } from '../related/engine.js';
import { SqliteStore } from '../store/sqlite.js';
import { openStore } from '../store/open.js';
import { dbPath } from './args.js';

function progress(label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\r ${label} ${done}/${total}`);
  };
}

export async function reindexCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, search: { type: 'boolean' }, related: { type: 'boolean' } } });
  const both = !values.search && !values.related;
  const db = dbPath(values.db);
  const store = await openStore(db);
  try {
    if (!(store instanceof SqliteStore)) throw new Error('reindex supports Sahifa stores only');
    if (both || values.search) {
      const started = performance.now();
      const n = await store.searchIndex.rebuild(progress('indexed'));
      if (process.stderr.isTTY) process.stderr.write('\n');
      const seconds = (performance.now() - started) / 1000;
      console.log(`sahifa: reindexed ${n} published articles of ${db} in ${seconds.toFixed(1)} s`);
    }
    if (both || values.related) {
      const started = performance.now();
      const n = await rebuildRelated(store, progress('linked'));
      if (process.stderr.isTTY) process.stderr.write('\n');
      const seconds = (performance.now() - started) / 1000;
      console.log(`sahifa: rebuilt related news for ${n} articles of ${db} in ${seconds.toFixed(1)} s`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
