/**
 * "الأكثر قراءة": readers' visits of article pages are counted (not
 * crawlers', previews', prefetches' or live.js's checks), written in batches,
 * and the last day's most visited public stories are listed on the home page
 * and beside each article (not beside itself).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { Article } from '../../src/content/article.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { isReaderVisit, windowStart } from '../../src/web/plugins/most-read.js';
import { articleUrl } from '../../src/web/urls.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { memoryStore } from '../helpers/store.js';
import { Client, makeKey, makeUser, newsroomSite, type Site } from '../newsroom/helpers.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const READER = { 'user-agent': BROWSER, 'sec-fetch-mode': 'navigate', accept: 'text/html' };

let site: Site;
const slugs: Record<string, string> = {};
const ids: Record<string, number> = {};

const STORIES = {
  metro: 'مترو الرياض: تشغيل الخط الأخضر بعد اكتمال الاختبارات',
  wheat: 'أسعار القمح في مصر: الحكومة تثبت سعر التوريد للموسم الجديد',
  dates: 'مهرجان التمور في القصيم: مبيعات قياسية في أسبوعه الأول',
  storm: 'منخفض جوي على لبنان: أمطار غزيرة وتحذيرات من السيول',
};

before(async () => {
  site = await newsroomSite();
  for (const [key, title] of Object.entries(STORIES)) {
    const [saved] = await site.store.saveArticles([
      { title, description: `${title.split(':')[0]} في تقرير من مراسلنا.`, tags: ['منوعات'], body: `${title}.\n\nتفاصيل الخبر كما نقلها مراسلنا في المكان.` },
    ]);
    slugs[key] = saved!.article.slug;
    ids[key] = saved!.article.id;
  }
});
after(() => site.close());

/** A server of its own over a new store with one story, for a test that needs other settings or real HTTP. */
async function ownServer(story: { title: string; tags: string[]; body: string }, work: (app: FastifyInstance, store: SqliteStore, saved: Article) => Promise<void>, options: { mostRead?: boolean } = {}) {
  const store = await memoryStore();
  const app = await buildServer({ store, site: siteConfig({}, {}), ...options });
  try {
    const [saved] = await store.saveArticles([{ ...story, description: story.body.split('\n')[0]! }]);
    await work(app, store, saved!.article);
  } finally {
    await app.close();
    await store.close();
  }
}

/** The stories the store counts as most read in the last day: [id, visits]. */
async function counted(store: SqliteStore): Promise<[number, number][]> {
  const now = new Date();
  return (await store.mostRead(windowStart(now), now.toISOString(), 10)).map((s) => [s.id, s.views]);
}

const visit = (key: string, headers: Record<string, string> = READER) => site.app.inject({ method: 'GET', url: articleUrl(slugs[key]!), headers });
const home = () => site.app.inject({ method: 'GET', url: '/', headers: READER });
const listed = (body: string) => [...(/<aside class="most-read"[\s\S]*?<\/aside>/.exec(body)?.[0] ?? '').matchAll(/<li><a href="[^"]+">([^<]+)<\/a><\/li>/g)].map((m) => m[1]);

test('what counts as a reader: a browser navigating, not a crawler, a preview, a prefetch or a script', () => {
  const h = (extra: IncomingHttpHeaders) => ({ ...READER, ...extra });
  assert.equal(isReaderVisit(h({})), true);
  assert.equal(isReaderVisit({ 'user-agent': BROWSER }), true, 'an older browser sends no Sec-Fetch-Mode');
  assert.equal(isReaderVisit(h({ 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' })), false);
  assert.equal(isReaderVisit(h({ 'user-agent': 'WhatsApp/2.23.20.0' })), false);
  assert.equal(isReaderVisit(h({ 'user-agent': 'facebookexternalhit/1.1' })), false);
  assert.equal(isReaderVisit(h({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/140.0 Safari/537.36' })), false);
  assert.equal(isReaderVisit(h({ 'user-agent': 'curl/8.5.0' })), false);
  assert.equal(isReaderVisit(h({ 'sec-fetch-mode': 'cors' })), false, "live.js's check is a fetch");
  assert.equal(isReaderVisit(h({ 'sec-purpose': 'prefetch' })), false);
  assert.equal(isReaderVisit(h({ purpose: 'prefetch' })), false);
  assert.equal(isReaderVisit({}), false);
});

test('visits are counted by story, cached pages too, and the home page lists the most read', async () => {
  assert.deepEqual(listed((await home()).body), [], 'nothing read yet: no list');
  for (let i = 0; i < 5; i++) assert.equal((await visit('metro')).statusCode, 200);
  assert.equal((await visit('metro')).headers['x-cache'], 'hit', 'a cached page is a visit too');
  for (let i = 0; i < 3; i++) await visit('wheat');
  await visit('dates');
  // Not readers, or not a page.
  for (let i = 0; i < 20; i++) {
    await visit('storm', { ...READER, 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0)' });
    await visit('storm', { ...READER, 'sec-fetch-mode': 'cors' });
    await visit('storm', { ...READER, 'sec-purpose': 'prefetch' });
    await site.app.inject({ method: 'GET', url: '/articles/no-such-story', headers: READER });
  }
  const revalidated = await visit('wheat', { ...READER, 'if-none-match': String((await visit('wheat')).headers.etag) });
  assert.equal(revalidated.statusCode, 304, 'a reader reloading: a visit');

  await site.app.updateMostRead();
  assert.deepEqual(await counted(site.store), [[ids.metro, 6], [ids.wheat, 5], [ids.dates, 1]]);

  const page = await home();
  assert.deepEqual(listed(page.body), [STORIES.metro, STORIES.wheat, STORIES.dates]);
  assert.match(page.body, /<aside class="most-read" aria-labelledby="most-read-title"><h2 id="most-read-title">الأكثر قراءة<\/h2><ol>/);
  // Beside an article: the others, itself left out.
  assert.deepEqual(listed((await visit('metro')).body), [STORIES.wheat, STORIES.dates]);
});

test("the Content API gives the list with the visits; the newsroom sees each story's last day of readers", async () => {
  const api = (await site.app.inject({ method: 'GET', url: '/api/content/most-read?limit=2' })).json();
  assert.deepEqual(api.mostRead, [
    { slug: slugs.metro, title: STORIES.metro, url: articleUrl(slugs.metro!), views: 6 },
    { slug: slugs.wheat, title: STORIES.wheat, url: articleUrl(slugs.wheat!), views: 5 },
  ]);
  assert.equal((await site.app.inject({ method: 'GET', url: '/api/content/most-read?hours=9999' })).statusCode, 400, 'at most a week');

  const key = await makeKey(site.store, 'editor');
  const rows = (await site.app.inject({ method: 'GET', url: '/api/admin/articles?limit=50', headers: key.auth })).json().articles as { id: number; views: number }[];
  assert.deepEqual(
    Object.fromEntries(rows.map((r) => [r.id, r.views])),
    { [ids.metro!]: 6, [ids.wheat!]: 5, [ids.dates!]: 1, [ids.storm!]: 0 },
  );
  const editor = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(editor.email, editor.password);
  assert.match((await c.get('/admin')).body, /<td class="views">6<\/td>/);
});

test('a change in the ranking refreshes the cached pages; a story unpublished leaves the list at once', async () => {
  await home();
  assert.equal((await home()).headers['x-cache'], 'hit');
  for (let i = 0; i < 10; i++) await visit('dates');
  await site.app.updateMostRead();
  const after = await home();
  assert.notEqual(after.headers['x-cache'], 'hit', 'purged');
  assert.deepEqual(listed(after.body), [STORIES.dates, STORIES.metro, STORIES.wheat]);

  const dates = (await site.store.getArticleById(ids.dates!))!;
  await site.store.saveArticles([{ id: dates.id, title: dates.title, description: dates.description, tags: dates.tags, body: dates.body, status: 'unpublished' }]);
  let shown = listed((await home()).body);
  for (let i = 0; i < 50 && shown.includes(STORIES.dates); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    shown = listed((await home()).body);
  }
  assert.deepEqual(shown, [STORIES.metro, STORIES.wheat]);
});

test('the store keeps a week and a day of hours, and counts the last day only', async () => {
  const old = new Date(Date.now() - 30 * 3600_000);
  await site.store.recordViews(new Map([[slugs.storm!, 100]]), old, '2000-01-01T00');
  const now = new Date();
  assert.ok(!(await site.store.mostRead(windowStart(now), now.toISOString(), 10)).some((s) => s.id === ids.storm), 'yesterday-but-one is outside the day');
  assert.ok((await site.store.mostRead(windowStart(old), now.toISOString(), 10)).some((s) => s.id === ids.storm && s.views === 100));
  // Visits of no article (a slug since renamed, say) are dropped; hours before keepSince are deleted.
  await site.store.recordViews(new Map([['لا-يوجد', 3]]), now, windowStart(now));
  assert.ok(!(await site.store.mostRead(windowStart(old), now.toISOString(), 10)).some((s) => s.id === ids.storm), 'the old hour deleted');
});

test('a site that counts no visits (SAHIFA_MOST_READ=off) shows no list and leaves no marker', async () => {
  const story = { title: STORIES.storm, tags: ['طقس'], body: 'هطلت أمطار غزيرة على بيروت.\n\nوحذرت الأرصاد من السيول.' };
  await ownServer(story, async (app, store, saved) => {
    for (const url of ['/', articleUrl(saved.slug)]) {
      const body = (await app.inject({ method: 'GET', url, headers: READER })).body;
      assert.doesNotMatch(body, /sahifa:most-read|class="most-read"/, url);
    }
    await app.updateMostRead();
    assert.deepEqual(await counted(store), [], 'nothing counted');
  }, { mostRead: false });
});

test('over real HTTP, a page answered from the render cache before Fastify sees it is counted too', async () => {
  const story = { title: STORIES.wheat, tags: ['اقتصاد'], body: 'ثبتت الحكومة سعر توريد القمح.\n\nويبدأ الموسم في أبريل.' };
  await ownServer(story, async (app, store, saved) => {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    // node:http, not fetch(): fetch says Sec-Fetch-Mode: cors whatever it is given, as a page's script would.
    const get = (headers: Record<string, string>) =>
      new Promise<{ cache: string | undefined }>((resolve, reject) => {
        http
          .get(`${base}${articleUrl(saved.slug)}`, { headers }, (res) => {
            res.resume();
            res.on('end', () => resolve({ cache: res.headers['x-cache'] as string | undefined }));
          })
          .on('error', reject);
      });
    assert.equal((await get(READER)).cache, 'miss');
    for (let i = 0; i < 3; i++) assert.equal((await get(READER)).cache, 'hit');
    await get({ ...READER, 'user-agent': 'Googlebot/2.1' });
    await app.updateMostRead();
    assert.deepEqual(await counted(store), [[saved.id, 4]]);
  });
});

test('a visit with a query string (a shared link’s tracking tag) counts for its article', async () => {
  const story = { title: STORIES.dates, tags: ['اقتصاد'], body: 'افتتح مهرجان التمور.\n\nوشهد إقبالاً كبيراً.' };
  await ownServer(story, async (app, store, saved) => {
    for (const q of ['', '?utm_source=whatsapp', '?fbclid=abc', '?x=1&y=2']) {
      assert.equal((await app.inject({ method: 'GET', url: `${articleUrl(saved.slug)}${q}`, headers: READER })).statusCode, 200);
    }
    await app.updateMostRead();
    assert.deepEqual(await counted(store), [[saved.id, 4]]);
  });
});
