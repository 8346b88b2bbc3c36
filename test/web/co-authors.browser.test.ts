/**
 * The demo's story signed by two, in Chromium: both names under the
 * headline, each a way to its page, and a box for each under the story.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { loadDemo } from '../../src/services/demo.js';
import { articleUrl } from '../../src/web/urls.js';
import { launchBrowser, screenshotPath } from '../helpers/browser.js';
import { newsroomSite, type Site } from '../newsroom/helpers.js';

let site: Site;
let browser: Browser;
let base: string;
let story: { slug: string; bylines: string[] };

before(async () => {
  site = await newsroomSite();
  await loadDemo(site.store);
  for (const a of (await site.store.listArticles({ page: 1, limit: 100 })).articles) {
    const full = (await site.store.getArticle(a.slug))!;
    if (full.coAuthors.length) story = { slug: a.slug, bylines: [full.author, ...full.coAuthors] };
  }
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site.close();
});

test('both names under the headline lead to their pages; a box for each closes the story', async () => {
  assert.equal(story?.bylines.length, 2, 'the demo signs one story with two names');
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(`${base}${articleUrl(story.slug)}`);
  const names = page.locator('.meta .authors a');
  assert.deepEqual(await names.allInnerTexts(), story.bylines);
  assert.equal((await page.locator('.meta .authors').innerText()).trim(), `${story.bylines[0]} و${story.bylines[1]}`);
  const boxes = page.locator('.author-box h2 a');
  assert.deepEqual(await boxes.allInnerTexts(), story.bylines, 'both have profiles in the demo');
  for (const box of await page.locator('.author-box').all()) assert.ok(await box.isVisible());
  await page.screenshot({ path: screenshotPath('co-authors.png'), fullPage: true });

  await names.nth(1).click();
  await page.waitForURL(/\/authors\//);
  assert.equal(await page.locator('h1').innerText(), story.bylines[1]);
  assert.ok((await page.locator('.cards .card h2 a').allInnerTexts()).length >= 2, 'their own desk’s stories and the shared one');
  assert.ok(await page.locator(`.cards a[href="${articleUrl(story.slug)}"]`).count(), 'the shared story is on the co-author’s page');
  await page.close();
});
