/** A figure in Chromium: the image loads from the site's media, sits inside the text column, its caption under it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { saveArticles } from '../../src/services/articles.js';
import { launchBrowser, screenshotPath } from '../helpers/browser.js';
import { article } from '../helpers/store.js';
import { newsroomSite } from '../newsroom/helpers.js';

test('a body figure in Chromium: loaded, no wider than the text, captioned right to left', async () => {
  const site = await newsroomSite();
  // A wide image, wider than any phone: the page must scale it down, not overflow.
  const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 20, g: 90, b: 140 } } }).png().toBuffer();
  writeFileSync(path.join(site.mediaDir, 'port-wide.png'), png);
  await saveArticles(site.store, [
    article({
      slug: 'port-figure',
      title: 'المرفأ يستقبل أول سفينة: الرافعات تعمل منذ الفجر',
      body: [
        'وصلت السفينة الأولى إلى المرفأ صباح الأحد بعد أسابيع من الانتظار.',
        '![رافعات المرفأ عند الفجر](/media/port-wide.png "الرافعات تعمل منذ الفجر في الرصيف الشرقي")',
        'وقال مدير المرفأ إن العمل سيستمر حتى المساء.',
        'وتوقع أن يعود المرفأ إلى طاقته الكاملة قبل نهاية الشهر.',
      ].join('\n\n'),
    }),
  ]);
  const base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/articles/port-figure`);
    const img = page.locator('.article-body figure img');
    await img.scrollIntoViewIfNeeded(); // it loads lazily
    await page.waitForFunction(() => (document.querySelector('.article-body figure img') as HTMLImageElement | null)?.complete === true);
    assert.equal(await img.evaluate((i: HTMLImageElement) => i.naturalWidth), 1600, 'the image loaded from the site');
    assert.equal(await img.getAttribute('alt'), 'رافعات المرفأ عند الفجر');
    const column = (await page.locator('.article-body').boundingBox())!;
    const box = (await img.boundingBox())!;
    const caption = page.locator('.article-body figcaption');
    const under = (await caption.boundingBox())!;
    assert.ok(box.width <= column.width + 0.5 && box.x >= column.x - 0.5, `image ${box.width}px in a ${column.width}px column`);
    assert.ok(Math.abs(box.height / box.width - 900 / 1600) < 0.02, 'scaled down, not stretched');
    assert.ok(under.y >= box.y + box.height, 'the caption is under the image');
    assert.equal(await caption.textContent(), 'الرافعات تعمل منذ الفجر في الرصيف الشرقي');
    assert.equal(await caption.evaluate((e) => getComputedStyle(e).direction), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll');
    await page.screenshot({ path: screenshotPath('article-figure-phone.png'), fullPage: true });
    await page.close();
  } finally {
    await browser.close();
    await site.close();
  }
});
