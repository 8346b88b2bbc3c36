import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { ArticleView } from '../../src/store/store.js';
import { articleUrl, tagUrl } from '../../src/web/urls.js';
import { seedSite } from '../helpers/site.js';

let site: Awaited<ReturnType<typeof seedSite>>;
let views: ArticleView[];

before(async () => {
  site = await seedSite();
  const { articles } = await site.store.listArticles({ page: 1, limit: 100 });
  views = await Promise.all(articles.map(async (a) => (await site.store.getArticle(a.slug))!));
});
after(async () => {
  await site.app.close();
  await site.store.close();
});

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
const cacheState = async (url: string) => (await get(url)).headers['x-cache'];

test('a cached page is served again without rendering, compressed, with 304s', async () => {
  const url = articleUrl(views[0]!.slug);
  const first = await get(url, { 'accept-encoding': 'br, gzip' });
  assert.equal(first.headers['x-cache'], 'miss');
  const plain = await get(url);
  assert.equal(plain.headers['x-cache'], 'hit');
  const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
  const gz = await get(url, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
  assert.ok(br.rawPayload.length < plain.rawPayload.length / 3);
  assert.equal(br.headers.vary, 'accept-encoding');
  assert.notEqual(br.headers.etag, plain.headers.etag, 'each encoding is its own representation');
  const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
  assert.equal(again.statusCode, 304);
  assert.equal(again.rawPayload.length, 0);
  assert.match(String(plain.headers['cache-control']), /stale-while-revalidate/);
});

test('purge is exact: a changed article drops its page, the pages that link to it and the lists that show it', async () => {
  // The target: an article that another article links to, and an article that shows neither.
  const target = views.find((v) => views.some((o) => o !== v && [...o.seeAlso, ...o.related].some((l) => l.id === v.id)))!;
  const linking = views.filter((o) => o !== target && [...o.seeAlso, ...o.related].some((l) => l.id === target.id));
  const unrelated = views.filter((o) => o !== target && !linking.includes(o));
  const targetTags = new Set(target.tags);
  const otherTag = views.flatMap((v) => v.tags).find((t) => !targetTags.has(t));
  const urls = {
    target: articleUrl(target.slug),
    linking: linking.map((v) => articleUrl(v.slug)),
    unrelated: unrelated.map((v) => articleUrl(v.slug)),
    home: '/',
    tag: tagUrl(target.tags[0]!),
    feed: '/feed.xml',
  };
  const all = [urls.target, ...urls.linking, ...urls.unrelated, urls.home, urls.tag, urls.feed, ...(otherTag ? [tagUrl(otherTag)] : [])];
  for (const url of all) await get(url);
  for (const url of all) assert.equal(await cacheState(url), 'hit', `${url} cached`);
  assert.ok(linking.length > 0 && unrelated.length > 0);

  // A new headline: shown by its page, by the links to it and by the lists.
  const before = await site.store.getArticle(target.slug);
  await site.store.saveArticles([
    { id: target.id, title: 'عنوان جديد للخبر: تحديث', description: before!.description, tags: before!.tags, body: before!.body, publishedAt: before!.publishedAt! },
  ]);
  assert.equal(await cacheState(urls.target), 'miss');
  for (const url of urls.linking) assert.equal(await cacheState(url), 'miss', `${url} links to it`);
  assert.equal(await cacheState(urls.home), 'miss');
  assert.equal(await cacheState(urls.tag), 'miss');
  assert.equal(await cacheState(urls.feed), 'miss');
  for (const url of urls.unrelated) assert.equal(await cacheState(url), 'hit', `${url} does not show it`);
  if (otherTag) {
    const showsTarget = (await get(tagUrl(otherTag))).body.includes('عنوان جديد للخبر');
    if (!showsTarget) assert.equal(await cacheState(tagUrl(otherTag)), 'hit');
  }
  assert.match((await get(urls.linking[0]!)).body, /عنوان جديد للخبر/);

  // A body-only edit changes the page and the full-text feed, nothing that shows only its card.
  for (const url of all) await get(url);
  const now = await site.store.getArticle(target.slug);
  await site.store.saveArticles([
    { id: target.id, title: now!.title, description: now!.description, tags: now!.tags, body: `${now!.body}\n\nفقرة أضيفت لاحقاً.`, publishedAt: now!.publishedAt! },
  ]);
  assert.equal(await cacheState(urls.target), 'miss');
  assert.equal(await cacheState(urls.feed), 'miss', 'the feed carries full text');
  assert.equal(await cacheState(urls.home), 'hit');
  assert.equal(await cacheState(urls.tag), 'hit');
  for (const url of urls.linking) assert.equal(await cacheState(url), 'hit', `${url} shows only the headline`);
});

test('a new article purges the lists of its tags and the home page, not the articles', async () => {
  const home = '/';
  const article = articleUrl(views[1]!.slug);
  await get(home);
  await get(article);
  assert.equal(await cacheState(home), 'hit');
  await site.store.saveArticles([{ title: 'خبر عاجل: جديد', description: 'وصف.', tags: ['روسيا'], body: 'نص الخبر العاجل.' }]);
  assert.equal(await cacheState(home), 'miss');
  assert.equal(await cacheState(article), 'hit');
  assert.match((await get(home)).body, /خبر عاجل: جديد/);
});
