import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSite, HOUR, story, testSite, type TestSite } from './fixtures.js';

let s: TestSite;
let articlePath: string;
before(async () => {
  const now = Date.now();
  s = await testSite([
    story({ externalId: 'one', publishedAt: new Date(now - 2 * HOUR).toISOString() }),
    story({ externalId: 'two', publishedAt: new Date(now - 50 * HOUR).toISOString() }),
  ]);
  const { slug } = (await s.store.listArticles({ page: 1, limit: 1 })).articles[0]!;
  articlePath = `/articles/${encodeURIComponent(slug)}`;
});
after(() => closeSite(s));

const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers });

for (const [url, cache] of [
  ['/', 'public, max-age=60, stale-while-revalidate=30'],
  [`/tags/${encodeURIComponent('ثقافة')}`, 'public, max-age=60, stale-while-revalidate=30'],
  ['ARTICLE', 'public, max-age=300, stale-while-revalidate=60'],
  ['/feed.xml', 'public, max-age=60, stale-while-revalidate=30'],
  ['/atom.xml', 'public, max-age=60, stale-while-revalidate=30'],
  ['/feed.json', 'public, max-age=60, stale-while-revalidate=30'],
  ['/sitemap.xml', 'public, max-age=900'],
] as const) {
  test(`${url}: strong ETag, Last-Modified, ${cache}, and 304 when current`, async () => {
    const path = url === 'ARTICLE' ? articlePath : url;
    const first = await get(path);
    assert.equal(first.statusCode, 200);
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/, 'strong: no W/');
    assert.ok(!Number.isNaN(Date.parse(lastModified)));
    assert.equal(first.headers['cache-control'], cache);

    const again = await get(path);
    assert.equal(again.headers.etag, etag, 'the same body, the same tag');

    const byTag = await get(path, { 'if-none-match': etag });
    assert.equal(byTag.statusCode, 304);
    assert.equal(byTag.body, '');
    assert.equal(byTag.headers.etag, etag);
    assert.equal(byTag.headers['cache-control'], cache);
    assert.equal(byTag.headers['content-type'], undefined);
    assert.equal((await get(path, { 'if-none-match': `"other", W/${etag}` })).statusCode, 304, 'weak comparison, lists');
    assert.equal((await get(path, { 'if-none-match': '*' })).statusCode, 304);
    assert.equal((await get(path, { 'if-none-match': '"other"' })).statusCode, 200);

    assert.equal((await get(path, { 'if-modified-since': lastModified })).statusCode, 304);
    const later = new Date(Date.parse(lastModified) + 3600_000).toUTCString();
    assert.equal((await get(path, { 'if-modified-since': later })).statusCode, 304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    assert.equal((await get(path, { 'if-modified-since': earlier })).statusCode, 200);
    assert.equal(
      (await get(path, { 'if-none-match': '"other"', 'if-modified-since': lastModified })).statusCode,
      200,
      'If-None-Match decides when both are sent',
    );
    const head = await s.app.inject({ method: 'HEAD', url: path, headers: { 'if-none-match': etag } });
    assert.equal(head.statusCode, 304);
  });
}

test('the article page: Last-Modified is the article update; an edit changes the ETag', async () => {
  const before = await get(articlePath);
  const article = (await s.store.getArticle(decodeURIComponent(articlePath.slice('/articles/'.length))))!;
  assert.equal(Date.parse(before.headers['last-modified'] as string), Math.floor(Date.parse(article.updatedAt) / 1000) * 1000);
  await s.store.saveArticles([story({ externalId: 'one', title: 'عنوان معدل للخبر', publishedAt: article.publishedAt! })]);
  const after = await get(articlePath, { 'if-none-match': before.headers.etag as string });
  assert.equal(after.statusCode, 200, 'the old copy is stale');
  assert.notEqual(after.headers.etag, before.headers.etag);
  assert.ok(Date.parse(after.headers['last-modified'] as string) >= Date.parse(before.headers['last-modified'] as string));
});

test('streamed sitemaps answer If-Modified-Since', async () => {
  for (const path of ['/sitemaps/articles-1.xml', '/sitemaps/tags.xml', '/sitemaps/news.xml']) {
    const first = await get(path);
    assert.equal(first.statusCode, 200);
    const lastModified = first.headers['last-modified'] as string;
    assert.ok(lastModified, path);
    const cached = await get(path, { 'if-modified-since': lastModified });
    assert.equal(cached.statusCode, 304, path);
    assert.equal(cached.body, '');
    assert.equal((await get(path, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode, 200);
  }
  assert.equal((await get('/sitemaps/news.xml')).headers['cache-control'], 'public, max-age=60, stale-while-revalidate=30');
  assert.equal((await get('/sitemaps/articles-1.xml')).headers['cache-control'], 'public, max-age=900');
});

test('assets: the stylesheet is cached briefly, fonts for a year and immutable', async () => {
  const css = await get('/assets/site.css');
  assert.equal(css.statusCode, 200);
  assert.equal(css.headers['cache-control'], 'public, max-age=300');
  const font = await get('/assets/fonts/naskh/files/noto-naskh-arabic-arabic-400-normal.woff2');
  assert.equal(font.statusCode, 200);
  assert.equal(font.headers['cache-control'], 'public, max-age=31536000, immutable');
});

test('errors and 404s are not marked cacheable by tag', async () => {
  const missing = await get('/articles/لا-يوجد');
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.headers.etag, undefined);
});
