/**
 * Several web processes over one PostgreSQL database: what one writes the
 * others read at once, its change notification (LISTEN/NOTIFY) reaches
 * their render caches, a rolled-back write tells nobody, and scheduled
 * articles are published exactly once however many processes try. Each
 * store instance here has its own pool and listening connection, as a
 * process of its own would.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Change } from '../../src/store/changes.js';
import { PgNotifyBus, payloads } from '../../src/store/pg-notify-bus.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { article, postgresOnly, testDatabase, type TestDatabase } from '../helpers/store.js';
import { scratchDir } from '../helpers/paths.js';

let place: TestDatabase;
/** "Worker 1" writes; "worker 2" serves pages from its render cache. */
let worker1: SqliteStore;
let worker2: SqliteStore;
let app2: FastifyInstance;
const heard: Change[] = [];

before(async () => {
  if (postgresOnly) return;
  place = testDatabase();
  worker1 = await place.open();
  worker2 = await place.open();
  worker2.changes.subscribe((c) => heard.push(c));
  app2 = await buildServer({
    store: worker2,
    site: siteConfig({ timeZone: 'Asia/Riyadh' }, {}),
    newsroom: { scheduler: false, mediaDir: scratchDir('media') },
  });
  await (worker2.changes as PgNotifyBus).ready();
});

after(async () => {
  if (postgresOnly) return;
  await app2.close();
  await worker1.close();
  await worker2.close();
  await place.drop();
});

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('a publish through worker 1 is visible at once through worker 2, and purges its cached pages', { skip: postgresOnly }, async () => {
  assert.ok(worker1.changes instanceof PgNotifyBus && worker2.changes instanceof PgNotifyBus);
  const [first] = await worker1.saveArticles([article({ title: 'خبر أول من العامل الأول: تفاصيل' })]);
  await until('worker 2 to hear the first save', () => heard.some((c) => c.pages.includes(first!.article.id)));
  // Worker 2 renders the home page and keeps it.
  const home = await app2.inject('/');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /خبر أول من العامل الأول/);
  assert.equal((await app2.inject('/')).headers['x-cache'], 'hit');

  const [second] = await worker1.saveArticles([article({ title: 'خبر ثان من العامل الأول: تفاصيل', tags: ['اقتصاد'] })]);
  // Committed means readable by every process, before any notification.
  assert.equal((await worker2.getArticle(second!.article.slug))?.title, 'خبر ثان من العامل الأول: تفاصيل');
  // And the notification reaches worker 2's render cache: the home page is rendered again.
  await until('worker 2 to hear the second save', () => heard.some((c) => c.pages.includes(second!.article.id)));
  const change = heard.find((c) => c.pages.includes(second!.article.id))!;
  assert.ok(change.cards.includes(second!.article.id));
  assert.ok(change.lists.includes('home'));
  const again = await app2.inject('/');
  assert.equal(again.headers['x-cache'], 'miss');
  assert.match(again.body, /خبر ثان من العامل الأول/);
});

test('a write that rolls back notifies nobody; the writer hears its own changes once, at commit', { skip: postgresOnly }, async () => {
  const own: Change[] = [];
  const off = worker1.changes.subscribe((c) => own.push(c));
  const before = heard.length;
  // The second article names a feature image that does not exist: the batch fails inside its transaction.
  await assert.rejects(worker1.saveArticles([article({ title: 'خبر لن يحفظ: تفاصيل' }), article({ featureImage: 987654 })]), /foreign key/i);
  const [saved] = await worker1.saveArticles([article({ title: 'خبر بعد الخطأ: تفاصيل' })]);
  await until('worker 2 to hear the save after the failed one', () => heard.slice(before).some((c) => c.pages.includes(saved!.article.id)));
  assert.equal(heard.length - before, 1, 'only the committed write was heard');
  assert.equal(own.length, 1, 'told at once, and not again when the notification comes back');
  assert.deepEqual(own[0]!.pages, [saved!.article.id]);
  off();
});

test('a change too large for one NOTIFY goes out in pieces, and all of it arrives', { skip: postgresOnly }, async () => {
  const big: Change = {
    pages: Array.from({ length: 3000 }, (_, i) => 100_000 + i),
    cards: Array.from({ length: 3000 }, (_, i) => 100_000 + i),
    lists: ['home', ...Array.from({ length: 200 }, (_, i) => `tag:وسم طويل نسبيا رقم ${i}`)],
  };
  const pieces = payloads('origin', big);
  assert.ok(pieces.length > 3);
  assert.ok(pieces.every((p) => Buffer.byteLength(p) < 8000));
  const before = heard.length;
  worker1.changes.publish(big);
  const union = () => {
    const got = heard.slice(before);
    return {
      pages: new Set(got.flatMap((c) => c.pages)),
      cards: new Set(got.flatMap((c) => c.cards)),
      lists: new Set(got.flatMap((c) => c.lists)),
    };
  };
  await until('every piece', () => union().pages.size === 3000 && union().cards.size === 3000 && union().lists.size === 201);
});

test('scheduled publishing fires once with several processes publishing at the same moment', { skip: postgresOnly }, async () => {
  const workers = [worker1, worker2, await place.open(), await place.open()];
  try {
    const at = new Date(Date.now() + 1000).toISOString();
    const saved = await worker1.saveArticles(
      Array.from({ length: 12 }, (_, i) => article({ title: `خبر مجدول رقم ${i}: تفاصيل`, status: 'scheduled', publishedAt: at })),
    );
    const ids = saved.map((s) => s.article.id);
    assert.deepEqual(await worker2.publishDue(new Date().toISOString()), [], 'not yet');
    await new Promise((r) => setTimeout(r, 1100));
    // Every process runs its scheduler at once, three times over.
    const runs = await Promise.all(workers.flatMap((w) => [0, 1, 2].map(() => w.publishDue(new Date().toISOString()))));
    const published = runs.flat();
    assert.deepEqual([...published].sort((a, b) => a - b), [...ids].sort((a, b) => a - b), 'each article published once, by one of them');
    for (const id of ids) assert.equal((await worker2.getArticleById(id))?.status, 'published');
  } finally {
    await workers[2]!.close();
    await workers[3]!.close();
  }
});
