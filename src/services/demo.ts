/**
 * The demo newsroom: articles we wrote in the seed's text shape, under
 * demo/articles, loaded through the same importer. A file name starts with
 * its date and time (YYYY-MM-DD-HHMM); the dates are moved forward together
 * so that the newest story is an hour old whenever the demo is installed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleInput, Correction, LiveState } from '../content/article.js';
import type { Store } from '../store/store.js';
import { saveArticles } from './articles.js';
import { checkProfile } from './authors.js';
import { parseFile } from './import.js';

export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/articles');
/**
 * A story's live coverage, beside it: demo/live/<the story's file name, .json>
 * holds `{"live": "live" | "ended", "updates": [{"at", "text", "key"?}]}`, the times
 * moved forward with the stories'.
 */
export const DEMO_LIVE_DIR = path.resolve(DEMO_DIR, '../live');

/**
 * Corrections published under some stories, demo/corrections.json beside
 * the articles: by file name, `[{"at", "text"}]`, the times moved forward with
 * the stories' (they fill the corrections page, /corrections).
 */
async function correctionsOf(dir: string): Promise<Record<string, Correction[]>> {
  try {
    return JSON.parse(await readFile(path.resolve(dir, '../corrections.json'), 'utf8')) as Record<string, Correction[]>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
}

/**
 * The demo's reporters, demo/authors.json beside the articles: by desk (the
 * word after the time in a story's file name), a byline and its profile;
 * and the stories two desks signed together, by file name. Stories of a desk
 * without one are signed by the newsroom. The opinion and analysis desks'
 * stories are of that genre (content/genre.ts).
 */
interface DemoAuthors {
  desks: Record<string, { byline: string; jobTitle: string; bio: string }>;
  'co-authored': Record<string, string[]>;
}
const NEWSROOM_BYLINE = 'فريق صحيفة';

async function authorsOf(dir: string): Promise<DemoAuthors> {
  try {
    return JSON.parse(await readFile(path.resolve(dir, '../authors.json'), 'utf8')) as DemoAuthors;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { desks: {}, 'co-authored': {} };
    throw e;
  }
}

interface DemoCoverage {
  live: LiveState;
  updates: { at: string; text: string; key?: true }[];
}

async function coverageOf(file: string): Promise<DemoCoverage | null> {
  try {
    return JSON.parse(await readFile(path.join(DEMO_LIVE_DIR, file.replace(/\.txt$/, '.json')), 'utf8')) as DemoCoverage;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

const DATED = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})-(?:([a-z]+)-)?/;

/**
 * The stories the demo's home page leads with, as an editor would pick them:
 * not simply the newest (the crossings reopening is weeks older than the
 * latest news below it, and stays on top until unfeatured).
 */
const FEATURED = new Set([
  '2026-11-20-2245-culture-cairo-film-festival-awards.txt',
  '2026-11-12-0905-politics-amman-refugees-conference.txt',
  '2026-10-05-0745-politics-syria-turkey-crossings-reopen.txt',
]);

export async function loadDemo(store: Store, dir = DEMO_DIR, now = Date.now()): Promise<number> {
  const files = (await readdir(dir)).filter((f) => DATED.test(f) && f.endsWith('.txt')).sort();
  const authors = await authorsOf(dir);
  const corrections = await correctionsOf(dir);
  const dated: { input: ArticleInput; time: number; coverage: DemoCoverage | null; corrected: Correction[] }[] = [];
  for (const file of files) {
    const [, y, mo, d, h, mi, desk] = DATED.exec(file)!;
    const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
    const [input] = await parseFile(path.join(dir, file), 'text');
    const author = (desk && authors.desks[desk]?.byline) || NEWSROOM_BYLINE;
    const coAuthors = (authors['co-authored'][file] ?? []).flatMap((d) => authors.desks[d]?.byline ?? []);
    const genre = desk === 'opinion' || desk === 'analysis' ? desk : 'news';
    dated.push({ input: { ...input!, externalId: `demo:${file}`, author, coAuthors, featured: FEATURED.has(file), genre }, time, coverage: await coverageOf(file), corrected: corrections[file] ?? [] });
  }
  // The newest story, or live update, is an hour old.
  const newest = Math.max(...dated.flatMap((a) => [a.time, ...(a.coverage?.updates ?? []).map((u) => Date.parse(u.at))]));
  const shift = Math.max(0, now - 60 * 60 * 1000 - newest);
  const moved = (time: number) => new Date(time + shift).toISOString();
  const inputs = dated.map(({ input, time, coverage, corrected }) => ({
    ...input,
    publishedAt: moved(time),
    ...(corrected.length ? { corrections: corrected.map((c) => ({ ...c, at: moved(Date.parse(c.at)) })) } : {}),
    ...(coverage ? { live: coverage.live, liveUpdates: coverage.updates.map((u, i) => ({ ...u, id: i + 1, at: moved(Date.parse(u.at)) })) } : {}),
  }));
  await saveArticles(store, inputs);
  for (const { byline, jobTitle, bio } of Object.values(authors.desks)) {
    await store.newsroom.setAuthorProfile(byline, checkProfile({ jobTitle, bio, links: [] }, null));
  }
  // Autovacuum never analyses a table this small on PostgreSQL (under its 50-row threshold): without statistics an article page took 3× the server time.
  await store.refreshStatistics();
  return inputs.length;
}
