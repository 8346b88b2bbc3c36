import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { articlePage } from '../../src/web/pages/article.js';
import { BASE, closeSite, one, ofType, readHead, story, testSite, type TestSite } from './fixtures.js';

const LONG_DESCRIPTION =
  'أعلنت وزارة الثقافة اليوم عن برنامج واسع لدعم المكتبات العامة في المدن والقرى، يشمل تجديد المباني وتزويدها بالكتب الحديثة وتدريب العاملين فيها على الخدمات الرقمية الجديدة للقراء من كل الأعمار.';
const HOSTILE_TITLE = 'عنوان فيه </script><script>alert("x")</script> و<!-- تعليق';

let s: TestSite;
const slugOf = new Map<string, string>();
const get = (url: string) => s.app.inject({ method: 'GET', url });
const page = async (url: string) => {
  const res = await get(url);
  assert.equal(res.statusCode, 200, url);
  return readHead(res.body);
};
const articlePath = (key: string) => `/articles/${encodeURIComponent(slugOf.get(key)!)}`;

before(async () => {
  s = await testSite([]);
  const outcomes = await s.store.saveArticles([
    story({ externalId: 'long', description: LONG_DESCRIPTION, tags: ['ثقافة', 'مكتبات', 'تعليم'], publishedAt: '2026-03-10T22:30:00Z' }),
    story({ externalId: 'hostile', title: HOSTILE_TITLE, description: 'وصف <b>عادي</b> & قصير.', author: '' }),
  ]);
  for (const o of outcomes) slugOf.set(o.article.externalId!, o.article.slug);
});
after(() => closeSite(s));

test('an article page has title, a description of at most 160 characters, canonical and OpenGraph', async () => {
  const res = await get(articlePath('long'));
  const head = readHead(res.body);
  const article = (await s.store.getArticle(slugOf.get('long')!))!;
  assert.equal(head.title, `${article.title} | صحيفة`);

  const description = one(head, 'description')!;
  assert.ok(description.length <= 160, `${description.length} characters`);
  assert.ok(description.endsWith('…'));
  const kept = description.slice(0, -1);
  assert.ok(LONG_DESCRIPTION.startsWith(kept), 'a prefix of the description');
  assert.equal(LONG_DESCRIPTION[kept.length], ' ', 'cut on a word boundary');
  assert.ok(res.body.includes(`<p class="description">${LONG_DESCRIPTION}</p>`), 'the page itself shows all of it');

  const canonical = head.links.find((l) => l.rel === 'canonical')?.href;
  assert.equal(canonical, `${BASE}${articlePath('long')}`);
  assert.equal(one(head, 'og:url'), canonical);
  assert.equal(one(head, 'og:locale'), 'ar_AR');
  assert.equal(one(head, 'og:type'), 'article');
  assert.equal(one(head, 'og:site_name'), 'صحيفة');
  assert.equal(one(head, 'og:title'), article.title);
  assert.equal(one(head, 'og:description'), description);
  assert.equal(one(head, 'article:published_time'), '2026-03-10T22:30:00.000Z');
  assert.equal(one(head, 'article:modified_time'), article.updatedAt);
  assert.equal(one(head, 'article:section'), 'ثقافة');
  assert.deepEqual(head.meta.get('article:tag'), ['ثقافة', 'مكتبات', 'تعليم']);
  assert.equal(head.meta.get('og:image'), undefined, 'no image model and no site image: no og:image');
  assert.equal(one(head, 'twitter:card'), 'summary');
  assert.equal(one(head, 'twitter:title'), article.title);
  assert.match(res.body, /<html lang="ar" dir="rtl">/);
});

test('NewsArticle JSON-LD parses and has every field', async () => {
  const head = await page(articlePath('long'));
  const article = (await s.store.getArticle(slugOf.get('long')!))!;
  const [news] = ofType(head, 'NewsArticle') as Record<string, any>[];
  assert.ok(news, 'a NewsArticle');
  const url = `${BASE}${articlePath('long')}`;
  assert.equal(news['@context'], 'https://schema.org');
  assert.equal(news.headline, article.title);
  assert.equal(news.description, one(head, 'description'));
  assert.equal(news.datePublished, '2026-03-10T22:30:00.000Z');
  assert.equal(news.dateModified, article.updatedAt);
  assert.ok(!Number.isNaN(Date.parse(news.dateModified)));
  // The byline's page is the Person's address (Google reads author.url).
  assert.deepEqual(news.author, [{ '@type': 'Person', name: 'ليلى حسن', url: 'https://sahifa.example/authors/%D9%84%D9%8A%D9%84%D9%89_%D8%AD%D8%B3%D9%86' }]);
  assert.equal(news.publisher['@type'], 'NewsMediaOrganization');
  assert.equal(news.publisher.name, 'صحيفة');
  assert.equal(news.publisher.logo['@type'], 'ImageObject');
  assert.equal(news.publisher.logo.url, `${BASE}/assets/logo.png`);
  assert.equal(news.publisher.logo.width, 600);
  assert.equal(news.publisher.logo.height, 60);
  assert.ok(Array.isArray(news.image) && news.image.length === 1 && news.image[0].startsWith(`${BASE}/`));
  assert.deepEqual(news.keywords, ['ثقافة', 'مكتبات', 'تعليم']);
  assert.equal(news.articleSection, 'ثقافة');
  assert.equal(news.inLanguage, 'ar');
  assert.deepEqual(news.mainEntityOfPage, { '@type': 'WebPage', '@id': url });

  const logo = await get('/assets/logo.png');
  assert.equal(logo.statusCode, 200);
  assert.equal(logo.headers['content-type'], 'image/png');
  assert.deepEqual([...logo.rawPayload.subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.equal(logo.rawPayload.readUInt32BE(16), 600, 'the width the JSON-LD states');
  assert.equal(logo.rawPayload.readUInt32BE(20), 60, 'the height the JSON-LD states');
});

test('BreadcrumbList: home, section, article', async () => {
  const head = await page(articlePath('long'));
  const [crumbs] = ofType(head, 'BreadcrumbList') as Record<string, any>[];
  assert.ok(crumbs);
  const items = crumbs.itemListElement as Record<string, any>[];
  assert.deepEqual(items.map((i) => i.position), [1, 2, 3]);
  assert.ok(items.every((i) => i['@type'] === 'ListItem'));
  assert.deepEqual(items.map((i) => i.item), [`${BASE}/`, `${BASE}/tags/${encodeURIComponent('ثقافة')}`, `${BASE}${articlePath('long')}`]);
  assert.equal(items[1]!.name, 'ثقافة');
});

test('the home page: WebSite with a SearchAction on /search, site feeds, canonical', async () => {
  const head = await page('/');
  const [site] = ofType(head, 'WebSite') as Record<string, any>[];
  assert.ok(site);
  assert.equal(site.url, `${BASE}/`);
  assert.equal(site.name, 'صحيفة');
  assert.equal(site.inLanguage, 'ar');
  assert.equal(site.potentialAction['@type'], 'SearchAction');
  assert.equal(site.potentialAction.target.urlTemplate, `${BASE}/search?q={search_term_string}`);
  assert.equal(site.potentialAction['query-input'], 'required name=search_term_string');
  assert.equal(head.links.find((l) => l.rel === 'canonical')?.href, `${BASE}/`);
  assert.equal(one(head, 'og:type'), 'website');
  assert.ok(one(head, 'description'));
  const feeds = head.links.filter((l) => l.rel === 'alternate');
  assert.deepEqual(
    feeds.map((l) => [l.type, l.href]),
    [
      ['application/rss+xml', `${BASE}/feed.xml`],
      ['application/atom+xml', `${BASE}/atom.xml`],
      ['application/feed+json', `${BASE}/feed.json`],
    ],
  );
});

test('a tag page: CollectionPage with its articles, breadcrumbs, and the tag feeds beside the site feeds', async () => {
  const path = `/tags/${encodeURIComponent('ثقافة')}`;
  const head = await page(path);
  const [collection] = ofType(head, 'CollectionPage') as Record<string, any>[];
  assert.ok(collection);
  assert.equal(collection.url, `${BASE}${path}`);
  assert.equal(collection.inLanguage, 'ar');
  assert.equal(collection.about.name, 'ثقافة');
  assert.equal(collection.mainEntity['@type'], 'ItemList');
  assert.equal(collection.mainEntity.numberOfItems, 2);
  assert.deepEqual(collection.mainEntity.itemListElement.map((i: any) => i.position), [1, 2]);
  assert.ok(collection.mainEntity.itemListElement.every((i: any) => i.url.startsWith(`${BASE}/articles/`)));
  assert.equal(ofType(head, 'BreadcrumbList').length, 1);
  assert.equal(head.links.find((l) => l.rel === 'canonical')?.href, `${BASE}${path}`);
  const feeds = head.links.filter((l) => l.rel === 'alternate').map((l) => l.href);
  assert.deepEqual(feeds, [
    `${BASE}/feed.xml`,
    `${BASE}/atom.xml`,
    `${BASE}/feed.json`,
    `${BASE}${path}/feed.xml`,
    `${BASE}${path}/atom.xml`,
    `${BASE}${path}/feed.json`,
  ]);
});

test('JSON-LD cannot be broken out of: < > & are escaped, and the text survives', async () => {
  const res = await get(articlePath('hostile'));
  const head = readHead(res.body);
  for (const raw of head.jsonLdRaw) assert.ok(!/[<>&]/.test(raw), raw);
  assert.ok(head.jsonLdRaw.some((raw) => raw.includes('\\u003c/script\\u003e')));
  const [news] = ofType(head, 'NewsArticle') as Record<string, any>[];
  assert.equal(news!.headline, HOSTILE_TITLE);
  assert.equal(news!.description, 'وصف <b>عادي</b> & قصير.');
  // Without an author, the organisation is the author.
  assert.deepEqual(news!.author, [{ '@type': 'Organization', name: 'صحيفة', url: `${BASE}/` }]);
  // Only our own scripts: the JSON-LD blocks, nothing the headline opened.
  assert.equal(res.body.match(/<script/g)?.length, head.jsonLdRaw.length);
  assert.equal(one(head, 'og:title'), HOSTILE_TITLE);
});

test('a configured share image becomes og:image, twitter:image and the NewsArticle image', async () => {
  const withImage = await testSite([story({ externalId: 'img' })], { image: '/assets/share.jpg' });
  try {
    const slug = (await withImage.store.listArticles({ page: 1, limit: 1 })).articles[0]!.slug;
    const head = readHead((await withImage.app.inject(`/articles/${encodeURIComponent(slug)}`)).body);
    assert.equal(one(head, 'og:image'), `${BASE}/assets/share.jpg`);
    assert.equal(one(head, 'twitter:image'), `${BASE}/assets/share.jpg`);
    assert.equal(one(head, 'twitter:card'), 'summary_large_image');
    assert.deepEqual((ofType(head, 'NewsArticle')[0] as Record<string, any>).image, [`${BASE}/assets/share.jpg`]);
  } finally {
    await closeSite(withImage);
  }
});

test('an article with a feature image (issue #5) shares it: og:image with its size and alt, NewsArticle image', async () => {
  const view = (await s.store.getArticle(slugOf.get('long')!))!;
  const rendition = { file: 'maktaba-1200.jpg', width: 1200, height: 675, format: 'jpeg' as const };
  const withImage = { ...view, featureImage: { id: 7, alt: 'قراء في مكتبة عامة', width: 1200, height: 675, original: rendition, webp: [] } };
  const head = readHead(articlePage(withImage, s.site).value);
  assert.equal(one(head, 'og:image'), `${BASE}/media/maktaba-1200.jpg`);
  assert.equal(one(head, 'og:image:width'), '1200');
  assert.equal(one(head, 'og:image:height'), '675');
  assert.equal(one(head, 'og:image:alt'), 'قراء في مكتبة عامة');
  assert.equal(one(head, 'twitter:card'), 'summary_large_image');
  const [news] = ofType(head, 'NewsArticle') as Record<string, any>[];
  assert.deepEqual(news!.image, [{ '@type': 'ImageObject', url: `${BASE}/media/maktaba-1200.jpg`, width: 1200, height: 675 }]);
});

test('a 404 page is not indexed and has no canonical, but keeps the site feeds', async () => {
  const res = await get('/articles/لا-يوجد-خبر-بهذا-الاسم');
  assert.equal(res.statusCode, 404);
  const head = readHead(res.body);
  assert.equal(one(head, 'robots'), 'noindex');
  assert.equal(head.links.find((l) => l.rel === 'canonical'), undefined);
  assert.equal(head.links.filter((l) => l.rel === 'alternate').length, 3);
});
