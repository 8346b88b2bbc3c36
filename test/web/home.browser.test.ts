/**
 * The demo's home page in Chromium: the featured stories lead (the first
 * across the row, right to left), the latest follow without them, and a
 * phone's width holds it all.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { loadDemo } from '../../src/services/demo.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { launchBrowser, screenshotPath } from '../helpers/browser.js';
import { memoryStore } from '../helpers/store.js';

let store: SqliteStore;
let app: Awaited<ReturnType<typeof buildServer>>;
let browser: Browser;
let base: string;

before(async () => {
  store = await memoryStore();
  await loadDemo(store);
  app = await buildServer({ store, site: siteConfig({}, {}) });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app.close();
  await store.close();
});

test('on a desktop, the lead story spans the row from the right; the other two and the latest sit in columns below', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base);
  const { lead } = await store.listArticles({ page: 1, limit: 12, lead: 3 });
  assert.deepEqual(await page.locator('.lead .card h3').allTextContents(), lead!.map((a) => a.title));
  const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
  const list = await box('.lead-cards');
  const first = await box('.lead-cards > .card:nth-child(1)');
  const second = await box('.lead-cards > .card:nth-child(2)');
  const third = await box('.lead-cards > .card:nth-child(3)');
  assert.ok(Math.abs(first.width - list.width) < 1, `the first across the row: ${first.width} of ${list.width}`);
  assert.ok(second.width < list.width / 2 && second.y > first.y + first.height - 1, 'the others in a row below it');
  assert.ok(second.x > third.x, 'right to left: the second right of the third');
  assert.ok(Math.abs(second.x + second.width - (list.x + list.width)) < 1, 'starting at the right edge');
  const leadFont = await page.locator('.lead-cards > .card:nth-child(1) h3').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  const cardFont = await page.locator('.lead-cards > .card:nth-child(2) h3').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  assert.ok(leadFont > cardFont * 1.2, `the lead's headline is larger: ${leadFont} vs ${cardFont}`);
  // The latest come after the lead, and none of the lead is among them.
  const latestTop = (await box('#latest-heading')).y;
  assert.ok(latestTop > first.y);
  const latest = await page.locator('section[aria-labelledby="latest-heading"] .card h3').allTextContents();
  assert.equal(latest.filter((t) => lead!.some((a) => a.title === t)).length, 0);
  assert.ok(latest.length >= 9);
  // One h1, for screen readers: the site's name.
  assert.deepEqual(await page.locator('h1').allTextContents(), ['صحيفة']);
  await page.screenshot({ path: screenshotPath('home-desktop.png') });
  await page.locator('.lead-cards > .card:nth-child(1) h3 a').click();
  await page.waitForURL(/\/articles\//);
  assert.equal(await page.locator('h1').textContent(), lead![0]!.title);
  await page.close();
});

test('on a phone, the lead and the latest stack in one column inside the width', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(base);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
  const widths = await page.$$eval('.lead-cards > .card', (cards) => cards.map((c) => c.getBoundingClientRect().width));
  assert.equal(widths.length, 3);
  assert.ok(widths.every((w) => Math.abs(w - widths[0]!) < 1), `one column: ${widths.join(', ')}`);
  // The sections' blocks under the latest, one column too.
  const blocks = await page.$$eval('.section-block', (els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  assert.ok(blocks.length >= 4, `${blocks.length} section blocks in the demo`);
  assert.ok(blocks.every((b) => b.left >= 0 && b.right <= 390));
  await page.screenshot({ path: screenshotPath('home-phone.png'), fullPage: true });
  await page.close();
});

test('breaking news: a red strip under the header, its label on the right, inside a phone', async () => {
  const { articles } = await store.listArticles({ page: 1, limit: 1 });
  const story = (await store.getArticleById(articles[0]!.id))!;
  const { id, title, description, tags, body } = story;
  await store.saveArticles([{ id, title, description, tags, body, publishedAt: story.publishedAt!, breakingUntil: new Date(Date.now() + 3600_000).toISOString() }]);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(base);
  const strip = page.locator('.breaking');
  assert.equal(await strip.getAttribute('aria-label'), 'عاجل');
  assert.equal(await strip.locator('a').textContent(), story.title);
  const header = (await page.locator('.site-header').boundingBox())!;
  const box = (await strip.boundingBox())!;
  assert.ok(Math.abs(box.y - (header.y + header.height)) < 1, 'right under the header');
  const label = (await strip.locator('.breaking-label').boundingBox())!;
  const link = (await strip.locator('a').boundingBox())!;
  assert.ok(label.x > link.x, 'the label first, on the right');
  assert.equal(await strip.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(164, 22, 26)');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'a long headline wraps inside the width');
  await page.screenshot({ path: screenshotPath('breaking-phone.png') });
  await strip.locator('a').click();
  await page.waitForURL(/\/articles\//);
  assert.equal(await page.locator('h1').textContent(), story.title);
  await page.close();
});
