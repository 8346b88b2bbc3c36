/**
 * Keeping the related-news data right as articles come and go: the term
 * statistics count exactly the published articles (after deletes,
 * unpublications and status changes they equal what a rebuild from scratch
 * gives), `sahifa reindex --related` rebuilds a database that has no
 * related data, and a save does not wait for the topic space's training.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { ArticleInput } from '../../src/content/article.js';
import { DESKS } from '../../src/related/desk-lexicon.js';
import { mainDesk } from '../../src/related/desks.js';
import { rebuildRelated, RelatedEngine } from '../../src/related/engine.js';
import { MIN_DOCUMENTS, topicTraining } from '../../src/related/topics.js';
import { saveArticles } from '../../src/services/articles.js';
import { deleteArticle } from '../../src/services/workflow.js';
import { addUser } from '../../src/auth/accounts.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { memoryStore, openAt, testDatabase } from '../helpers/store.js';
import { sahifa } from '../helpers/cli.js';
import { BRIDGE, BRIDGE_DRAFT, BRIDGE_FOLLOW_UP, OTHERS } from './articles.js';


// eslint-disable-next-line @typescript-eslint/no-explicit-any
const raw = (store: SqliteStore) => store.db as unknown as Kysely<any>;

/** What the engine counts: the running counts and every term's document frequency. */
async function statistics(store: SqliteStore) {
  const stats = await store.related.stats();
  const rows = (await raw(store).selectFrom('term_df').select(['term', 'df']).execute()) as { term: string; df: number }[];
  const df = Object.fromEntries(rows.filter((r) => Number(r.df) !== 0).map((r) => [r.term, Number(r.df)]));
  return { docs: stats.docs, totalLength: Math.round(stats.avgLength * stats.docs * 1000) / 1000, df };
}

async function postingsOf(store: SqliteStore, id: number): Promise<number> {
  const row = await raw(store).selectFrom('article_terms').select((eb) => eb.fn.countAll().as('n')).where('article_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function idOf(store: SqliteStore, externalId: string): Promise<number> {
  const row = await raw(store).selectFrom('articles').select('id').where('external_id', '=', externalId).executeTakeFirstOrThrow();
  return row.id as number;
}

test('term statistics count the published articles only, through deletes, unpublications and status changes', async () => {
  const store = await memoryStore();
  try {
    await saveArticles(store, [...OTHERS, BRIDGE, BRIDGE_DRAFT]);
    const published = OTHERS.length + 1;
    let s = await statistics(store);
    assert.equal(s.docs, published, 'the draft is not counted');

    // A term of the bridge story alone: counted once, gone with the story.
    const bridge = await idOf(store, BRIDGE.externalId!);
    const terms = (await store.related.vectors([bridge])).get(bridge)!.vector.terms;
    const own = terms.find((t) => s.df[t] === 1);
    assert.ok(own, 'the bridge story has a word of its own');
    assert.ok((await postingsOf(store, bridge)) > 0);
    await store.deleteArticle(bridge);
    s = await statistics(store);
    assert.equal(s.docs, published - 1, 'a deleted article leaves the count');
    assert.equal(s.df[own], undefined, 'and its words the document frequencies');
    assert.equal(await postingsOf(store, bridge), 0, 'and its postings the index');

    // Unpublished through a save: out; published again: in.
    const other = OTHERS[0]!;
    await saveArticles(store, [{ ...other, status: 'unpublished' }]);
    assert.equal((await statistics(store)).docs, published - 2, 'an unpublished article leaves the count');
    await saveArticles(store, [{ ...other, status: 'published' }]);
    assert.equal((await statistics(store)).docs, published - 1, 'and comes back when published again');

    // A status change the engine learns of without a new text (syncPublication).
    const id = await idOf(store, OTHERS[1]!.externalId!);
    await raw(store).updateTable('articles').set({ status: 'unpublished' }).where('id', '=', id).execute();
    await store.related.syncPublication([id]);
    assert.equal((await statistics(store)).docs, published - 2);
    await raw(store).updateTable('articles').set({ status: 'published' }).where('id', '=', id).execute();
    await store.related.syncPublication([id]);
    await store.related.syncPublication([id]); // twice: counted once
    assert.equal((await statistics(store)).docs, published - 1);

    // After all that, exactly what a rebuild from scratch counts.
    await saveArticles(store, [{ ...BRIDGE_FOLLOW_UP }, { ...OTHERS[2]!, status: 'unpublished' }]);
    const kept = await statistics(store);
    await rebuildRelated(store);
    assert.deepEqual(kept, await statistics(store));
  } finally {
    await store.close();
  }
});

test('deleting an article links again the articles that linked to it', async () => {
  const store = await memoryStore();
  try {
    // No tag in common: the relinking of articles sharing its tags does not reach the original.
    await saveArticles(store, [...OTHERS, BRIDGE, { ...BRIDGE_FOLLOW_UP, tags: ['جسور'] }]);
    const bridge = await idOf(store, BRIDGE.externalId!);
    const followUp = await idOf(store, BRIDGE_FOLLOW_UP.externalId!);
    const before = (await store.related.links([bridge])).get(bridge)!;
    assert.equal(before.related[0]?.targetId, followUp);
    // A real account: the trash records who deleted (services/trash.ts).
    const user = await addUser(store, { email: 'owner@example.com', role: 'owner', name: 'owner', password: 'كلمة-سر-طويلة-للاختبار' });
    const owner = { userId: user.id, name: 'owner', email: 'owner@example.com', role: 'owner', via: 'key', credential: 'test' } as const;
    await deleteArticle(store, owner, followUp);
    const after = (await store.related.links([bridge])).get(bridge)!;
    const targets = [...after.related, ...after.seeAlso].map((l) => l.targetId);
    assert.ok(!targets.includes(followUp));
    assert.equal(targets.length, before.related.length + before.seeAlso.length, 'no hole where the deleted story was');
  } finally {
    await store.close();
  }
});


test('sahifa reindex --related rebuilds the related data of a database that has none', async () => {
  const place = testDatabase();
  let store = await openAt(place.location);
  try {
    await saveArticles(store, [...OTHERS, BRIDGE, BRIDGE_FOLLOW_UP, BRIDGE_DRAFT]);
    const bridge = await idOf(store, BRIDGE.externalId!);
    const linksBefore = await store.related.links([bridge]);
    const before = await statistics(store);
    // As a database made before migration 0003 would be: articles, no related data, no links.
    await store.related.reset();
    await raw(store).deleteFrom('article_links').execute();
    await store.close();

    const out = await sahifa('reindex', '--related', '--db', place.location);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /rebuilt related news for 9 articles/);
    assert.doesNotMatch(out.stdout, /reindexed \d+ published/, '--related alone leaves the search index');

    store = await openAt(place.location);
    assert.deepEqual(await statistics(store), before);
    assert.deepEqual(await store.related.links([bridge]), linksBefore);
    const page = await store.getArticle((await store.getArticleById(bridge))!.slug);
    assert.equal(page?.related[0]?.title, BRIDGE_FOLLOW_UP.title);

    const both = await sahifa('reindex', '--db', place.location);
    assert.equal(both.code, 0, both.stderr);
    assert.match(both.stdout, /reindexed 8 published articles/);
    assert.match(both.stdout, /rebuilt related news for 9 articles/);
  } finally {
    await store.close();
    await place.drop();
  }
});

/** Articles of made-up words enough for a topic space: each mixes words of two of twelve subjects. */
function manyArticles(n: number): ArticleInput[] {
  const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهي';
  const word = (subject: number, k: number) =>
    [letters[(subject * 7 + k) % letters.length], letters[(k * 5 + subject) % letters.length], letters[(subject + k * 3) % letters.length], 'ون'].join('');
  return Array.from({ length: n }, (_, i) => {
    const a = i % 12;
    const b = (i * 5 + 3) % 12;
    const words = Array.from({ length: 40 }, (_, k) => word(k % 3 === 0 ? b : a, (i * 13 + k * 7) % 40));
    // One desk's words a subject: even subjects are the sports desk's, odd ones the economy desk's.
    const desk = a % 2 === 0 ? 'مباراة الفريق' : 'أسعار النفط';
    return {
      title: `خبر ${words.slice(0, 4).join(' ')}`,
      description: '',
      tags: [],
      body: [words.slice(0, 20).join(' '), words.slice(20).join(' '), desk].join('\n\n'),
      externalId: `test:many-${i}`,
      publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString(),
    };
  });
}

test('the save that makes the topic space due does not wait for its training', async () => {
  const store = await memoryStore();
  try {
    const articles = manyArticles(MIN_DOCUMENTS + 20);
    await saveArticles(store, articles.slice(0, MIN_DOCUMENTS - 10));
    assert.equal(topicTraining(store.related), undefined, 'not due below the minimum');
    await saveArticles(store, articles.slice(MIN_DOCUMENTS - 10));
    const training = topicTraining(store.related);
    assert.ok(training, 'due: started after the save');
    assert.equal(await store.related.topicModelSize(), null, 'the save returned before the space was written');
    assert.equal(await training, true);
    assert.equal(await store.related.topicModelSize(), MIN_DOCUMENTS + 20);
    const id = await idOf(store, 'test:many-0');
    assert.ok((await store.related.profiles([id])).get(id)?.topics, 'articles have their topic vectors');
    // The desks the articles' words name are placed in the space, and each article gets its affinities to them.
    const centroids = await store.related.deskCentroids();
    assert.deepEqual(
      DESKS.filter((_, d) => centroids?.[d]).map((d) => d.name),
      ['economy', 'sport'],
    );
    for (const c of centroids!) if (c) assert.ok(Math.abs(Math.hypot(...c) - 1) < 1e-4, 'unit centroids');
    const near = (await new RelatedEngine(store).profiles([id])).get(id)!;
    assert.equal(mainDesk(near.topicDesks ?? null)?.name, 'sport', 'a sports subject\'s article is nearest the sports desk');
    // Later saves fold into the space; the next training waits for the collection to double.
    await saveArticles(store, manyArticles(MIN_DOCUMENTS + 30).slice(MIN_DOCUMENTS + 20));
    assert.equal(topicTraining(store.related), undefined);
  } finally {
    await store.close();
  }
});
