import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ANALYSIS_VERSION } from '../../src/arabic/analyzer.js';
import { PROFILE_VERSION } from '../../src/related/profile.js';
import { saveArticles } from '../../src/services/articles.js';
import { rebuildAtStart, staleParts } from '../../src/services/reanalysis.js';
import { PART_VERSIONS } from '../../src/store/part-versions.js';
import { article, testDatabase } from '../helpers/store.js';
import { sahifa } from '../helpers/cli.js';

const PLAN = article({
  title: 'الحكومة تعلن خطتها للنقل: ثلاث مراحل حتى عام 2030',
  body: 'أعلنت وزارة النقل الخطة الجديدة لتوسيع شبكة القطارات بين المدن.\n\nوتشمل الخطة خطاً سريعاً يربط العاصمة بالموانئ.',
});

/** A database as an older Sahifa left it: its articles indexed, no record of the analysis that did it (before migration 0009). */
async function forgetVersions(store: Awaited<ReturnType<ReturnType<typeof testDatabase>['open']>>) {
  await sql`drop table analysis_versions`.execute(store.db);
  // Later migrations too: an older Sahifa had not run them either (they run again, in order).
  await sql`delete from kysely_migration where name >= '0009_analysis_versions'`.execute(store.db);
}

test('a new database is built by this analysis; one from before the record counts as stale and is rebuilt at start', async () => {
  const place = testDatabase();
  let store = await place.open();
  try {
    assert.deepEqual(await staleParts(store), [], 'a new database records the current version');
    assert.deepEqual(await store.analysisVersions(), { search: ANALYSIS_VERSION, related: ANALYSIS_VERSION * 100 + PROFILE_VERSION });
    await saveArticles(store, [PLAN, article(), article()]);
    assert.deepEqual(await staleParts(store), [], 'saves keep it');

    await forgetVersions(store);
    await store.close();
    store = await place.open(); // migration 0009 runs again, now over a database that holds articles
    assert.deepEqual(await store.analysisVersions(), {});
    assert.deepEqual(await staleParts(store), ['search', 'related']);

    // A large site, or a shared (PostgreSQL) one, is told the command and left as it is.
    const said: string[] = [];
    const quiet = { where: place.location, log: (l: string) => said.push(l), warn: (l: string) => said.push(`warn: ${l}`) };
    assert.deepEqual(await rebuildAtStart(store, { ...quiet, shared: false, upTo: 2 }), []);
    assert.deepEqual(await rebuildAtStart(store, { ...quiet, shared: true }), []);
    assert.equal(said.length, 2);
    for (const line of said) assert.match(line, /^warn: .*older version of the text analysis.*sahifa reindex --db /);
    assert.deepEqual(await staleParts(store), ['search', 'related']);

    // A small single-machine site is rebuilt, and says so.
    said.length = 0;
    const rebuilt = await rebuildAtStart(store, { ...quiet, shared: false });
    assert.deepEqual(rebuilt.map((r) => [r.part, r.articles]), [['search', 3], ['related', 3]]);
    assert.match(said[0]!, /rebuilding for 3 published articles/);
    assert.deepEqual(await staleParts(store), []);
    const found = await store.search({ q: 'الخطه', page: 1, limit: 10 });
    assert.deepEqual(found.hits.map((h) => h.title), [PLAN.title]);
    assert.ok((await store.getArticle(found.hits[0]!.slug))!.related.length > 0, 'links rebuilt');
  } finally {
    await store.close();
    await place.drop();
  }
});

test('sahifa reindex records the analysis it rebuilt with, part by part', async () => {
  const place = testDatabase();
  const store = await place.open();
  try {
    await saveArticles(store, [PLAN, article()]);
    await forgetVersions(store);
    await store.close();

    const search = await sahifa('reindex', '--db', place.location, '--search');
    assert.equal(search.code, 0, search.stderr);
    assert.match(search.stdout, /reindexed 2 published articles/);
    let reopened = await place.open();
    assert.deepEqual(await staleParts(reopened), ['related']);
    await reopened.close();

    const both = await sahifa('reindex', '--db', place.location);
    assert.equal(both.code, 0, both.stderr);
    assert.match(both.stdout, /rebuilt related news for 2 articles/);
    reopened = await place.open();
    assert.deepEqual(await staleParts(reopened), []);
    await reopened.close();
  } finally {
    await place.drop();
  }
});

test('related data made before profiles held desk shares are rebuilt, and search is left as it is', async () => {
  const place = testDatabase();
  let store = await place.open();
  try {
    const [saved] = await saveArticles(store, [PLAN, article(), article()]);
    const id = saved!.article.id;
    assert.ok((await store.related.profiles([id])).get(id)!.desks, 'a new profile holds its desk shares');
    // As the Sahifa before desk shares left it: the analysis's version alone, profiles without shares.
    await store.setAnalysisVersion('related', ANALYSIS_VERSION);
    await sql`update related_profiles set desks = null`.execute(store.db);
    await store.close();
    store = await place.open();
    assert.deepEqual(await staleParts(store), ['related']);
    const said: string[] = [];
    const rebuilt = await rebuildAtStart(store, { where: place.location, shared: false, log: (l) => said.push(l), warn: (l) => said.push(l) });
    assert.deepEqual(rebuilt.map((r) => r.part), ['related']);
    assert.deepEqual(await store.analysisVersions(), PART_VERSIONS);
    assert.ok((await store.related.profiles([id])).get(id)!.desks, 'the rebuilt profile holds them again');
  } finally {
    await store.close();
    await place.drop();
  }
});
