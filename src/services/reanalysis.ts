/**
 * Rebuilding what the text analysis derived from the articles, after an
 * upgrade changed the analysis (ANALYSIS_VERSION, src/arabic/analyzer.ts) or
 * what a related profile holds (PROFILE_VERSION, src/related/profile.ts):
 * store/part-versions.ts.
 *
 * The search index stores stems and the related engine stores profiles of
 * stems; a new stemmer's query stems do not meet an old stemmer's stored ones
 * (a stemmer that keeps the ة of الخطة gives it another stem than خط), so
 * search silently misses and links drift.
 * Each part records the version that built it (migration 0009). `sahifa
 * reindex` rebuilds; `sahifa serve` rebuilds a small SQLite site on its own
 * before it serves, and names the command for a large one or a PostgreSQL
 * site, whose several web processes must not each rebuild.
 */
import { rebuildRelated } from '../related/engine.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { PART_VERSIONS } from '../store/part-versions.js';
import type { AnalysedPart } from '../store/store.js';

export const ANALYSED_PARTS: readonly AnalysedPart[] = ['search', 'related'];

/**
 * Up to this many articles `sahifa serve` rebuilds stale parts itself: on
 * this project's 2-core machine `sahifa reindex` of the 4,002-article corpus
 * takes 14 s (search 1.5 s, related 12.6 s), a wait at start that beats
 * wrong search results; at 100,000 linking alone takes about ten minutes.
 */
export const REBUILD_AT_START_UP_TO = 5000;

/** The parts built by another analysis than this code's, or by an unknown one. */
export async function staleParts(store: KyselyStore): Promise<AnalysedPart[]> {
  const versions = await store.analysisVersions();
  return ANALYSED_PARTS.filter((part) => versions[part] !== PART_VERSIONS[part]);
}

export interface Rebuilt {
  part: AnalysedPart;
  articles: number;
  seconds: number;
}

/** Rebuilds `parts` with this code's analysis, search first, and records the version of each. */
export async function reanalyse(
  store: KyselyStore,
  parts: readonly AnalysedPart[],
  onProgress?: (part: AnalysedPart, done: number, total: number) => void,
): Promise<Rebuilt[]> {
  const out: Rebuilt[] = [];
  for (const part of ANALYSED_PARTS.filter((p) => parts.includes(p))) {
    const started = performance.now();
    const progress = (done: number, total: number) => onProgress?.(part, done, total);
    const articles = part === 'search' ? await store.searchIndex.rebuild(progress) : await rebuildRelated(store, progress);
    await store.setAnalysisVersion(part, PART_VERSIONS[part]);
    out.push({ part, articles, seconds: (performance.now() - started) / 1000 });
  }
  return out;
}

export interface AtStart {
  /** The database as the operator names it (no password). */
  where: string;
  /** Served by several processes or machines (PostgreSQL): never rebuilt at start. */
  shared: boolean;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** REBUILD_AT_START_UP_TO unless told. */
  upTo?: number;
}

/**
 * `sahifa serve`, before it serves: stale parts of a small single-machine site
 * are rebuilt; otherwise the operator is told the command. Returns what was rebuilt.
 */
export async function rebuildAtStart(store: KyselyStore, at: AtStart): Promise<Rebuilt[]> {
  const stale = await staleParts(store);
  if (stale.length === 0) return [];
  const what = stale.map((p) => (p === 'search' ? 'search index' : 'related news')).join(' and ');
  const articles = await store.countPublic();
  if (at.shared || articles > (at.upTo ?? REBUILD_AT_START_UP_TO)) {
    at.warn(
      `the ${what} of ${at.where} were built by an older version of the text analysis; ` +
        `search may miss articles and links may drift until you run: sahifa reindex --db ${at.where}`,
    );
    return [];
  }
  at.log(`the text analysis changed since the ${what} were built: rebuilding for ${articles} published articles`);
  const rebuilt = await reanalyse(store, stale);
  for (const r of rebuilt) at.log(`rebuilt the ${r.part} data in ${r.seconds.toFixed(1)} s`);
  return rebuilt;
}
