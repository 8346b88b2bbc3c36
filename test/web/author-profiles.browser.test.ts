/**
 * An author's profile in Chromium: the box under the story, its portrait at
 * the right (the start of an Arabic line), and the way from it to the
 * author's page, whose heading carries the same profile.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveUpload } from '../../src/media/images.js';
import { checkProfile } from '../../src/services/authors.js';
import { articleUrl, authorUrl } from '../../src/web/urls.js';
import { screenshotPath, servedSite } from '../helpers/browser.js';
import { testPng } from '../newsroom/helpers.js';

const BYLINE = 'سامر الحداد';
let slug: string;

const served = servedSite(async (site) => {
  const [saved] = await site.store.saveArticles([
    {
      title: 'أوبك+ ترفع إنتاجها: زيادة محدودة تراعي هشاشة الطلب',
      description: 'اتفقت دول التحالف على زيادة محدودة في الإنتاج. #اقتصاد #النفط',
      tags: ['اقتصاد', 'النفط'],
      author: BYLINE,
      body: 'اتفقت ثماني دول في تحالف أوبك+ على زيادة إنتاجها اعتباراً من الشهر المقبل.\n\n## الأسعار تحت الضغط\n\nويتداول خام برنت قرب 65 دولاراً للبرميل بعد تراجع منذ بداية العام.',
    },
  ]);
  slug = saved!.article.slug;
  const portrait = await saveUpload(site.store, { dir: site.mediaDir, maxBytes: 5_000_000 }, { bytes: await testPng(500, 500), alt: BYLINE, userId: null });
  const profile = checkProfile({ jobTitle: 'محرر الاقتصاد', bio: 'يكتب سامر الحداد عن أسواق الطاقة والموازنات الخليجية.', links: ['https://x.com/samer_example'] }, null);
  await site.store.newsroom.setAuthorProfile(BYLINE, { ...profile, imageId: portrait.id });
});

test('the box under the story shows the portrait at the start of the line and leads to the author’s page', async () => {
  const page = await served.browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(`${served.base}${articleUrl(slug)}`);
  const box = page.locator('.author-box');
  await box.scrollIntoViewIfNeeded();
  assert.ok(await box.isVisible());
  const img = box.locator('.portrait img');
  await img.evaluate((el: HTMLImageElement) => el.decode());
  assert.ok(await img.evaluate((el: HTMLImageElement) => el.naturalWidth > 0), 'the portrait loaded');
  const [imgBox, textBox, bodyBox] = await Promise.all([img.boundingBox(), box.locator('h2').boundingBox(), page.locator('.article-body').boundingBox()]);
  assert.ok(imgBox && textBox && bodyBox);
  const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(Math.abs(imgBox.width - 4.5 * rem) < 2 && Math.abs(imgBox.height - 4.5 * rem) < 2, `a round 4.5rem portrait, not the 500px upload: ${imgBox.width}×${imgBox.height}`);
  assert.ok(imgBox.x > textBox.x, 'right to left: the portrait first, at the right');
  assert.ok(imgBox.y > bodyBox.y + bodyBox.height, 'under the story');
  assert.equal(await box.locator('.job-title').innerText(), 'محرر الاقتصاد');
  await page.screenshot({ path: screenshotPath('author-box.png'), fullPage: true });

  await box.locator('a.more').click();
  await page.waitForURL(`**${authorUrl(BYLINE)}`);
  assert.equal(await page.locator('h1').innerText(), BYLINE);
  assert.equal(await page.locator('.author-profile .job-title').innerText(), 'محرر الاقتصاد');
  const link = page.locator('.author-links a');
  assert.equal(await link.getAttribute('rel'), 'me noopener');
  assert.equal(await link.innerText(), 'x.com');
  assert.ok(await page.locator('.author-profile .portrait img').evaluate((el: HTMLImageElement) => el.decode().then(() => el.naturalWidth > 0)));
  assert.equal(await page.locator('.cards .card').count(), 1);
  await page.screenshot({ path: screenshotPath('author-profile.png') });
  await page.close();
});
