import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fillArticles } from '../../bench/fill.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { siteConfig } from '../../src/web/config.js';
import { NEWS_WINDOW_MS, SITEMAP_PAGE_SIZE } from '../../src/web/routes/sitemaps.js';
import { buildServer } from '../../src/web/server.js';
import { BASE, closeSite, HOUR, parseXml, RFC3339, story, testSite, type TestSite } from './fixtures.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const MINUTE = 60_000;
const now = Date.now();
const at = (ms: number) => new Date(now - ms).toISOString();

let s: TestSite;
before(async () => {
  s = await testSite([
    story({ externalId: 'fresh', title: 'خبر نشر قبل دقيقة', publishedAt: at(MINUTE), tags: ['اقتصاد'] }),
    story({ externalId: 'inside', title: 'خبر على حافة اليومين من الداخل', publishedAt: at(NEWS_WINDOW_MS - 2 * MINUTE) }),
    story({ externalId: 'outside', title: 'خبر على حافة اليومين من الخارج', publishedAt: at(NEWS_WINDOW_MS + 2 * MINUTE) }),
    story({ externalId: 'old', title: 'خبر قديم من الأسبوع الماضي', publishedAt: at(7 * 24 * HOUR), tags: ['رياضة'], author: 'مكتب الرياضة' }),
    story({ externalId: 'future', title: 'خبر مجدول للغد', publishedAt: new Date(now + HOUR).toISOString() }),
    story({ externalId: 'draft', title: 'مسودة حديثة', status: 'draft', publishedAt: at(10 * MINUTE) }),
  ]);
});
after(() => closeSite(s));

async function xml(url: string, app = s.app) {
  const res = await app.inject(url);
  assert.equal(res.statusCode, 200, url);
  assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
  return parseXml(res.body);
}

const local = (loc: string) => loc.slice(BASE.length);

test('robots.txt points at the sitemap index', async () => {
  const res = await s.app.inject('/robots.txt');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
  const lines = res.body.split('\n');
  assert.ok(lines.includes('User-agent: *'));
  assert.ok(lines.includes(`Sitemap: ${BASE}/sitemap.xml`));
});

test('the sitemap index lists the article, tag, author and news sitemaps, each with lastmod', async () => {
  assert.ok((await s.app.inject('/sitemap.xml')).headers['last-modified']);
  const { sitemapindex } = await xml('/sitemap.xml');
  assert.equal(sitemapindex['@xmlns'], SITEMAP_NS);
  const locs = sitemapindex.sitemap.map((m: any) => m.loc);
  assert.deepEqual(locs, [`${BASE}/sitemaps/articles-1.xml`, `${BASE}/sitemaps/tags.xml`, `${BASE}/sitemaps/authors.xml`, `${BASE}/sitemaps/news.xml`]);
  for (const m of sitemapindex.sitemap) assert.match(m.lastmod, RFC3339);
  for (const loc of locs) assert.equal((await s.app.inject(local(loc))).statusCode, 200, loc);
});

test('the article sitemap: every public article, oldest first, with lastmod, and each URL resolves', async () => {
  const { urlset } = await xml('/sitemaps/articles-1.xml');
  assert.equal(urlset['@xmlns'], SITEMAP_NS);
  const urls = urlset.url as { loc: string; lastmod: string }[];
  const titles = [];
  for (const u of urls) {
    assert.ok(u.loc.startsWith(`${BASE}/articles/`));
    assert.ok(u.loc.length <= 2048);
    assert.match(u.lastmod, RFC3339);
    const page = await s.app.inject(local(u.loc));
    assert.equal(page.statusCode, 200, u.loc);
    titles.push(/<h1>([^<]+)<\/h1>/.exec(page.body)![1]);
  }
  assert.deepEqual(titles, ['خبر قديم من الأسبوع الماضي', 'خبر على حافة اليومين من الخارج', 'خبر على حافة اليومين من الداخل', 'خبر نشر قبل دقيقة']);
  assert.equal((await s.app.inject('/sitemaps/articles-2.xml')).statusCode, 404);
  assert.equal((await s.app.inject('/sitemaps/articles-0.xml')).statusCode, 404);
  assert.equal((await s.app.inject('/sitemaps/other.xml')).statusCode, 404);
});

test('the tag sitemap lists the tags with public articles, and each resolves', async () => {
  const { urlset } = await xml('/sitemaps/tags.xml');
  const locs = urlset.url.map((u: any) => decodeURIComponent(local(u.loc))).sort();
  assert.deepEqual(locs, ['/tags/اقتصاد', '/tags/ثقافة', '/tags/رياضة', '/tags/كتب']);
  for (const u of urlset.url) {
    assert.match(u.lastmod, RFC3339);
    assert.equal((await s.app.inject(local(u.loc))).statusCode, 200);
  }
});

test('the author sitemap lists the bylines with public articles, each at its page, dated by its latest', async () => {
  const { urlset } = await xml('/sitemaps/authors.xml');
  const urls = urlset.url as { loc: string; lastmod: string }[];
  assert.deepEqual(
    urls.map((u) => decodeURIComponent(local(u.loc))).sort(),
    ['/authors', '/authors/ليلى_حسن', '/authors/مكتب_الرياضة'],
    'the authors\' index, and not the byline of the draft or the scheduled story alone',
  );
  const desk = urls.find((u) => u.loc.endsWith(encodeURIComponent('مكتب_الرياضة')))!;
  let only: { publishedAt: string; updatedAt: string } | undefined;
  for await (const row of s.store.streamPublic({ author: 'مكتب الرياضة' })) only = row;
  assert.equal(Date.parse(desk.lastmod), Date.parse(only!.updatedAt > only!.publishedAt ? only!.updatedAt : only!.publishedAt), 'its one article\'s latest change');
  for (const u of urls) assert.equal((await s.app.inject(local(u.loc))).statusCode, 200, u.loc);
});

test('the news sitemap holds exactly the articles of the last 48 hours, with the Google News elements', async () => {
  const { urlset } = await xml('/sitemaps/news.xml');
  assert.equal(urlset['@xmlns'], SITEMAP_NS);
  assert.equal(urlset['@xmlns:news'], NEWS_NS);
  const urls = urlset.url as any[];
  assert.deepEqual(
    urls.map((u) => u['news:news']['news:title']),
    ['خبر نشر قبل دقيقة', 'خبر على حافة اليومين من الداخل'],
    'not the one just outside, the old one, the scheduled one or the draft',
  );
  const published = [at(MINUTE), at(NEWS_WINDOW_MS - 2 * MINUTE)];
  urls.forEach((u, i) => {
    const news = u['news:news'];
    assert.equal(news['news:publication']['news:name'], 'صحيفة');
    assert.equal(news['news:publication']['news:language'], 'ar');
    assert.match(news['news:publication_date'], RFC3339);
    assert.equal(Date.parse(news['news:publication_date']), Date.parse(published[i]!));
    assert.ok(u.loc.startsWith(`${BASE}/articles/`));
  });
});

test('the store reads the 48-hour window to the millisecond', async () => {
  const since = at(NEWS_WINDOW_MS - 2 * MINUTE);
  const read = async (from: string) => {
    const titles = [];
    for await (const row of s.store.streamPublic({ since: from, order: 'desc' })) titles.push(row.title);
    return titles;
  };
  assert.deepEqual(await read(since), ['خبر نشر قبل دقيقة', 'خبر على حافة اليومين من الداخل'], 'an article published at the boundary is in');
  assert.deepEqual(await read(new Date(Date.parse(since) + 1).toISOString()), ['خبر نشر قبل دقيقة'], 'a millisecond later it is out');
  assert.equal(await s.store.countPublic({ since }), 2);
});

test('an empty site has well-formed, empty sitemaps', async () => {
  const empty = await testSite([]);
  try {
    const index = await xml('/sitemap.xml', empty.app);
    assert.equal(index.sitemapindex.sitemap.length, 4);
    for (const url of ['/sitemaps/articles-1.xml', '/sitemaps/news.xml', '/sitemaps/tags.xml', '/sitemaps/authors.xml']) {
      const res = await empty.app.inject(url);
      assert.equal(res.statusCode, 200);
      const { urlset } = parseXml(res.body);
      assert.equal(urlset['@xmlns'], SITEMAP_NS);
      assert.equal(urlset.url, undefined);
    }
  } finally {
    await closeSite(empty);
  }
});

test(`article sitemaps are paged at ${SITEMAP_PAGE_SIZE.toLocaleString('en')} URLs`, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-sitemap-test-'));
  const file = path.join(dir, 'paged.db');
  await fillArticles(file, SITEMAP_PAGE_SIZE + 1);
  const store = await openSqliteStore(file);
  const app = await buildServer({ store, site: siteConfig({ baseUrl: BASE }, {}) });
  try {
    const index = await xml('/sitemap.xml', app);
    const locs = index.sitemapindex.sitemap.map((m: any) => m.loc);
    assert.deepEqual(locs.slice(0, 2), [`${BASE}/sitemaps/articles-1.xml`, `${BASE}/sitemaps/articles-2.xml`]);
    const first = await xml('/sitemaps/articles-1.xml', app);
    assert.equal(first.urlset.url.length, SITEMAP_PAGE_SIZE);
    assert.equal(first.urlset.url[0].loc, `${BASE}/articles/khabar-1`);
    const second = await xml('/sitemaps/articles-2.xml', app);
    assert.deepEqual(
      second.urlset.url.map((u: any) => u.loc),
      [`${BASE}/articles/khabar-${SITEMAP_PAGE_SIZE + 1}`],
      'the newest article opens the second file',
    );
    assert.equal((await app.inject('/sitemaps/articles-3.xml')).statusCode, 404);
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
