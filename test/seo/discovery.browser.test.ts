import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser.js';
import { closeSite, story, testSite, type TestSite } from './fixtures.js';

let s: TestSite;
let browser: Browser;
let base: string;
let articleUrl: string;

before(async () => {
  s = await testSite([
    story({ externalId: 'dated', title: 'مهرجان المسرح يختتم عروضه', tags: ['ثقافة', 'مسرح'], publishedAt: '2026-03-10T22:30:00Z' }),
    story({ externalId: 'other', tags: ['مسرح'], publishedAt: '2026-03-08T10:00:00Z' }),
  ]);
  base = await s.app.listen({ port: 0, host: '127.0.0.1' });
  // Links are absolute from the configured public URL: make it this server.
  s.site.baseUrl = base;
  const { slug } = (await s.store.listArticles({ page: 1, limit: 1 })).articles[0]!;
  articleUrl = `${base}/articles/${encodeURIComponent(slug)}`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await closeSite(s);
});

interface Fetched {
  href: string;
  type: string;
  status: number;
  contentType: string;
  start: string;
}

/** Follows every autodiscovery link of the open page with the browser's own fetch. */
function followFeeds(page: Page): Promise<Fetched[]> {
  return page.$$eval('link[rel="alternate"]', (links) =>
    Promise.all(
      links.map(async (l) => {
        const link = l as HTMLLinkElement;
        const res = await fetch(link.href);
        const text = await res.text();
        return { href: link.href, type: link.type, status: res.status, contentType: res.headers.get('content-type') ?? '', start: text.slice(0, 60) };
      }),
    ),
  );
}

function assertFeeds(feeds: Fetched[], expected: string[]) {
  assert.deepEqual(
    feeds.map((f) => f.href),
    expected.map((p) => `${base}${p}`),
  );
  for (const f of feeds) {
    assert.equal(f.status, 200, f.href);
    assert.equal(f.contentType, `${f.type}; charset=utf-8`, f.href);
    assert.ok(f.type.endsWith('json') ? f.start.startsWith('{') : f.start.startsWith('<?xml'), f.href);
  }
}

test('an article page in Chromium: its feed links resolve, its structured data parses, its dates are Arabic in both calendars', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const res = await page.goto(articleUrl);
  assert.equal(res?.status(), 200);

  assertFeeds(await followFeeds(page), ['/feed.xml', '/atom.xml', '/feed.json']);

  const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
  assert.equal(canonical, articleUrl);
  assert.equal(await page.evaluate(async (u) => (await fetch(u)).status, canonical!), 200);

  const types = await page.$$eval('script[type="application/ld+json"]', (els) => els.map((e) => JSON.parse(e.textContent ?? '')['@type']));
  assert.deepEqual(types, ['NewsArticle', 'BreadcrumbList']);

  const time = page.locator('article header time').first();
  assert.equal(await time.getAttribute('datetime'), '2026-03-10T22:30:00.000Z');
  const gregorian = (await page.locator('article header .gregorian').innerText()).trim();
  const hijri = (await page.locator('article header .hijri').innerText()).trim();
  // In Riyadh it is already the 11th: 01:30 on 11 March, 22 Ramadan 1447.
  assert.equal(gregorian, '11 مارس 2026');
  assert.equal(hijri, '22 رمضان 1447 هـ');
  assert.match(gregorian, /^\d+ (يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) \d{4}$/);
  assert.match(hijri, /^\d+ (محرم|صفر|ربيع الأول|ربيع الآخر|جمادى الأولى|جمادى الآخرة|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة) \d{4} هـ$/);
  assert.equal((await page.locator('article header .clock').innerText()).trim(), '1:30 ص');
  assert.match(await page.locator('.reading-time').innerText(), /^قراءة في /);
  await page.screenshot({ path: screenshotPath('seo-article.png'), fullPage: false });
  await page.close();
});

test('a tag page in Chromium: the site feeds and the tag feeds all resolve', async () => {
  const page = await browser.newPage();
  const tag = `/tags/${encodeURIComponent('مسرح')}`;
  assert.equal((await page.goto(`${base}${tag}`))?.status(), 200);
  assertFeeds(await followFeeds(page), ['/feed.xml', '/atom.xml', '/feed.json', `${tag}/feed.xml`, `${tag}/atom.xml`, `${tag}/feed.json`]);
  const types = await page.$$eval('script[type="application/ld+json"]', (els) => els.map((e) => JSON.parse(e.textContent ?? '')['@type']));
  assert.deepEqual(types, ['CollectionPage', 'BreadcrumbList']);
  await page.close();
});
