import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FEED_SIZE } from '../../src/web/routes/feeds.js';
import { BASE, closeSite, HOUR, htmlText, parseXml, RFC3339, RFC822, story, testSite, type TestSite } from './fixtures.js';

const TRICKY_TITLE = 'عاجل: <b>قرار</b> & "مفاجأة" ]]> في السوق';
const now = Date.now();

const articles = () => [
  story({ externalId: 'a', tags: ['اقتصاد', 'أسواق'], title: TRICKY_TITLE, publishedAt: new Date(now - 3 * HOUR).toISOString() }),
  story({ externalId: 'b', tags: ['رياضة'], author: '', publishedAt: new Date(now - 5 * HOUR).toISOString() }),
  story({ externalId: 'c', tags: ['اقتصاد'], publishedAt: new Date(now - 30 * HOUR).toISOString() }),
  story({ externalId: 'draft', tags: ['اقتصاد'], status: 'draft', title: 'مسودة لا تظهر في الخلاصات' }),
  story({ externalId: 'future', tags: ['اقتصاد'], title: 'خبر مجدول لم يحن وقته', publishedAt: new Date(now + 5 * HOUR).toISOString() }),
];

let full: TestSite;
let summary: TestSite;
before(async () => {
  full = await testSite(articles());
  summary = await testSite(articles(), { feedContent: 'summary' });
});
after(async () => {
  await closeSite(full);
  await closeSite(summary);
});

async function fetchFeed(s: TestSite, url: string, type: string) {
  const res = await s.app.inject(url);
  assert.equal(res.statusCode, 200, url);
  assert.equal(res.headers['content-type'], `${type}; charset=utf-8`);
  assert.equal(res.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=30');
  assert.ok(res.headers.etag);
  assert.ok(res.headers['last-modified']);
  return res.body;
}

const titles = (items: { title: string }[]) => items.map((i) => htmlText(String(i.title)));
const PUBLIC_TITLES_NEWEST_FIRST = (s: TestSite) =>
  s.store.listArticles({ page: 1, limit: 100 }).then((p) => p.articles.map((a) => a.title));

test('RSS 2.0: well-formed, channel title/link/description, items with title/link/guid/pubDate, full content', async () => {
  const xml = await fetchFeed(full, '/feed.xml', 'application/rss+xml');
  const { rss } = parseXml(xml);
  assert.equal(rss['@version'], '2.0');
  const channel = rss.channel;
  assert.equal(channel.title, 'صحيفة');
  assert.equal(channel.link, `${BASE}/`);
  assert.ok(channel.description.length > 0);
  assert.equal(channel.language, 'ar');
  assert.match(channel.lastBuildDate, RFC822);
  assert.equal(rss['@xmlns:atom'], 'http://www.w3.org/2005/Atom');
  assert.deepEqual(channel['atom:link'].map((l: any) => [l['@rel'], l['@href']]), [['self', `${BASE}/feed.xml`]]);

  const items = channel.item as any[];
  assert.deepEqual(titles(items), await PUBLIC_TITLES_NEWEST_FIRST(full), 'public articles only, newest first');
  assert.equal(titles(items)[0], TRICKY_TITLE, 'an escaped title reads back exactly');
  for (const item of items) {
    assert.ok(item.title);
    assert.match(item.link, new RegExp(`^${BASE}/articles/`));
    assert.equal(typeof item.guid['#text'], 'string');
    assert.match(item.pubDate, RFC822);
    assert.ok(item.description);
    assert.ok(item['content:encoded'].startsWith('<div dir="rtl" lang="ar">'));
    assert.ok(item['content:encoded'].includes('<blockquote><p>'));
    assert.ok(item['content:encoded'].includes('<h2>البرنامج</h2>'));
    assert.ok(item.category.length >= 1);
    assert.equal(item.author, undefined, 'RSS <author> is for e-mail addresses');
  }
  assert.equal(rss['@xmlns:content'], 'http://purl.org/rss/1.0/modules/content/');
  assert.equal(rss['@xmlns:dc'], 'http://purl.org/dc/elements/1.1/');
  assert.deepEqual(items[0]['dc:creator'], ['ليلى حسن']);
  assert.equal(items[1]['dc:creator'], undefined, 'no author, no creator');
  assert.equal(new Date(items[0].pubDate).getTime(), Math.floor((now - 3 * HOUR) / 1000) * 1000);
});

test('Atom 1.0: well-formed, feed id/title/updated/author, entries with id/title/updated/link', async () => {
  const xml = await fetchFeed(full, '/atom.xml', 'application/atom+xml');
  const { feed } = parseXml(xml);
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.equal(feed.id, `${BASE}/`);
  assert.equal(feed.title, 'صحيفة');
  assert.match(feed.updated, RFC3339);
  assert.equal(feed.author[0].name, 'صحيفة', 'a feed-level author covers entries without one');
  assert.ok(feed.link.some((l: any) => l['@rel'] === 'self' && l['@href'] === `${BASE}/atom.xml`));
  const entries = feed.entry as any[];
  assert.equal(entries.length, 3);
  const updated = entries.map((e) => Date.parse(e.updated));
  assert.equal(Date.parse(feed.updated), Math.max(...updated), 'the feed is as new as its newest entry');
  for (const entry of entries) {
    assert.match(entry.id, new RegExp(`^${BASE}/articles/`));
    assert.ok(entry.title['#text']);
    assert.equal(entry.title['@type'], 'html');
    assert.match(entry.updated, RFC3339);
    assert.match(entry.published, RFC3339);
    assert.equal(entry.link[0]['@href'], entry.id);
    assert.equal(entry.content['@type'], 'html');
    assert.ok(entry.content['#text'].includes('<h2>الافتتاح</h2>'));
    assert.ok(entry.summary['#text']);
  }
  assert.equal(htmlText(entries[0].title['#text']), TRICKY_TITLE);
  assert.equal(entries[0].author[0].name, 'ليلى حسن');
});

/** The JSON Feed 1.1 rules (jsonfeed.org/version/1.1) this feed must keep. */
function assertJsonFeed11(feed: any, base: string) {
  const TOP = new Set(['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'authors', 'language', 'expired', 'hubs', 'items']);
  const ITEM = new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments']);
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(typeof feed.title, 'string');
  assert.ok(feed.title.length > 0);
  assert.equal(feed.language, 'ar');
  for (const key of Object.keys(feed)) assert.ok(TOP.has(key) || key.startsWith('_'), `top-level key ${key}`);
  assert.ok(feed.home_page_url.startsWith(base));
  assert.ok(feed.feed_url.startsWith(base));
  assert.ok(Array.isArray(feed.items));
  const ids = new Set<string>();
  for (const item of feed.items) {
    for (const key of Object.keys(item)) assert.ok(ITEM.has(key) || key.startsWith('_'), `item key ${key}`);
    assert.equal(typeof item.id, 'string');
    assert.ok(!ids.has(item.id), 'ids are unique');
    ids.add(item.id);
    assert.ok(typeof item.content_html === 'string' || typeof item.content_text === 'string', 'content_html or content_text');
    assert.match(item.date_published, RFC3339);
    assert.match(item.date_modified, RFC3339);
    if (item.authors !== undefined) {
      assert.ok(Array.isArray(item.authors));
      for (const a of item.authors) assert.ok(a.name || a.url || a.avatar);
    }
    if (item.tags !== undefined) assert.ok(item.tags.every((t: unknown) => typeof t === 'string'));
  }
  if (feed.authors !== undefined) assert.ok(Array.isArray(feed.authors));
}

test('JSON Feed 1.1: version, title, items with id and content, authors arrays', async () => {
  const body = await fetchFeed(full, '/feed.json', 'application/feed+json');
  const feed = JSON.parse(body);
  assertJsonFeed11(feed, BASE);
  assert.equal(feed.feed_url, `${BASE}/feed.json`);
  assert.deepEqual(feed.items.map((i: any) => i.title), await PUBLIC_TITLES_NEWEST_FIRST(full));
  assert.equal(feed.items[0].title, TRICKY_TITLE, 'JSON carries plain text as it is');
  assert.ok(feed.items[0].content_html.includes('<blockquote>'));
  assert.deepEqual(feed.items[0].authors, [{ name: 'ليلى حسن' }]);
  assert.deepEqual(feed.items[0].tags, ['اقتصاد', 'أسواق']);
  assert.deepEqual(feed.authors, [{ name: 'صحيفة', url: `${BASE}/` }]);
});

test('a tag has its own three feeds, found by any spelling; an unknown tag is a 404', async () => {
  const tag = `/tags/${encodeURIComponent('اقتصاد')}`;
  const rss = parseXml(await fetchFeed(full, `${tag}/feed.xml`, 'application/rss+xml')).rss.channel;
  assert.equal(rss.title, 'صحيفة: #اقتصاد');
  assert.equal(rss.link, `${BASE}${tag}`);
  assert.deepEqual(rss['atom:link'][0]['@href'], `${BASE}${tag}/feed.xml`);
  assert.equal(rss.item.length, 2, 'the two public economy articles');
  assert.ok(rss.item.every((i: any) => [i.category].flat().some((c: any) => c['#text'] === 'اقتصاد')));

  const atom = parseXml(await fetchFeed(full, `${tag}/atom.xml`, 'application/atom+xml')).feed;
  assert.equal(atom.id, `${BASE}${tag}`);
  assert.equal(atom.entry.length, 2);

  const json = JSON.parse(await fetchFeed(full, `${tag}/feed.json`, 'application/feed+json'));
  assertJsonFeed11(json, BASE);
  assert.equal(json.items.length, 2);

  // Alef with hamza and without: one tag.
  const variant = await full.app.inject(`/tags/${encodeURIComponent('اسواق')}/feed.json`);
  assert.equal(variant.statusCode, 200);
  assert.equal(JSON.parse(variant.body).items.length, 1);

  const missing = await full.app.inject(`/tags/${encodeURIComponent('لا_يوجد')}/feed.xml`);
  assert.equal(missing.statusCode, 404);
});

test('summary mode (SAHIFA_FEED_CONTENT=summary): descriptions, no full text', async () => {
  const rss = parseXml(await fetchFeed(summary, '/feed.xml', 'application/rss+xml')).rss;
  for (const item of rss.channel.item) {
    assert.equal(item['content:encoded'], undefined);
    assert.equal(item.description, 'افتتح المعرض أبوابه للزوار صباح اليوم بمشاركة مئات الناشرين من البلدان العربية.');
  }
  assert.equal(rss['@xmlns:dc'], 'http://purl.org/dc/elements/1.1/', 'dc:creator stays declared without content:encoded');

  const atom = parseXml(await fetchFeed(summary, '/atom.xml', 'application/atom+xml')).feed;
  for (const entry of atom.entry) {
    assert.equal(entry.content, undefined);
    assert.ok(entry.summary['#text']);
  }
  const json = JSON.parse(await fetchFeed(summary, '/feed.json', 'application/feed+json'));
  assertJsonFeed11(json, BASE);
  for (const item of json.items) {
    assert.equal(item.content_html, undefined);
    assert.ok(item.content_text.startsWith('افتتح المعرض'));
  }
});

test('the environment chooses summary feeds', async () => {
  const { siteConfig } = await import('../../src/web/config.js');
  assert.equal(siteConfig({}, { SAHIFA_FEED_CONTENT: 'summary' }).feedContent, 'summary');
  assert.equal(siteConfig({}, {}).feedContent, 'full');
});

test(`feeds hold the newest ${FEED_SIZE} articles`, async () => {
  const many = await testSite(Array.from({ length: FEED_SIZE + 5 }, (_, i) => story({ publishedAt: new Date(now - (i + 1) * HOUR).toISOString() })), {
    feedContent: 'summary',
  });
  try {
    const json = JSON.parse((await many.app.inject('/feed.json')).body);
    assert.equal(json.items.length, FEED_SIZE);
    const dates = json.items.map((i: any) => Date.parse(i.date_published));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    assert.equal(dates[0], now - HOUR);
  } finally {
    await closeSite(many);
  }
});
