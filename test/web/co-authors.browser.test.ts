/**
 * The demo's story signed by two, in Chromium: both names under the
 * headline, each a way to its page, and a box for each under the story.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemo } from '../../src/services/demo.js';
import { articleUrl } from '../../src/web/urls.js';
import { screenshotPath, servedSite } from '../helpers/browser.js';

let story: { slug: string; bylines: string[] };

const served = servedSite(async (site) => {
  await loadDemo(site.store);
  for (const a of (await site.store.listArticles({ page: 1, limit: 100 })).articles) {
    const full = (await site.store.getArticle(a.slug))!;
    if (full.coAuthors.length) story = { slug: a.slug, bylines: [full.author, ...full.coAuthors] };
  }
});

test('both names under the headline lead to their pages; a box for each closes the story', async () => {
  assert.equal(story?.bylines.length, 2, 'the demo signs one story with two names');
  const page = await served.browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(`${served.base}${articleUrl(story.slug)}`);
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
