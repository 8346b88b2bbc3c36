/**
 * `sahifa reindex [--search] [--related]`: rebuilds, from the stored
 * articles, the search index and the related-news data (profiles, term
 * statistics, topic space and the stored links: rebuildRelated in
 * src/related/engine.ts). Without a flag, both. For a database made before
 * migration 0003, or after an upgrade changed the text analysis (a new
 * stemmer): see src/services/reanalysis.ts, which also records the version.
 */
import { parseArgs } from 'node:util';
import { reanalyse, ANALYSED_PARTS } from '../services/reanalysis.js';
import type { AnalysedPart } from '../store/store.js';
import { KyselyStore } from '../store/kysely-store.js';
import { openStore } from '../store/open.js';
import { dbPath } from './args.js';

const DONE: Record<AnalysedPart, string> = { search: 'reindexed {n} published articles', related: 'rebuilt related news for {n} articles' };

export async function reindexCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, search: { type: 'boolean' }, related: { type: 'boolean' } } });
  const parts = ANALYSED_PARTS.filter((p) => values[p] || (!values.search && !values.related));
  const db = dbPath(values.db);
  const store = await openStore(db);
  try {
    if (!(store instanceof KyselyStore)) throw new Error('reindex supports Sahifa stores only');
    const rebuilt = await reanalyse(store, parts, (part, done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r ${part === 'search' ? 'indexed' : 'linked'} ${done}/${total}${done === total ? '\n' : ''}`);
    });
    for (const r of rebuilt) console.log(`sahifa: ${DONE[r.part].replace('{n}', String(r.articles))} of ${db} in ${r.seconds.toFixed(1)} s`);
    return 0;
  } finally {
    await store.close();
  }
}
