/**
 * Photo galleries: pictures in a row in a story's body are one gallery, a
 * grid whose links lead to each picture's largest size; in Chromium the
 * viewer steps through them in the reading direction and gives the focus
 * back when closed. A single picture stays a plain figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveUpload } from '../../src/media/images.js';
import { saveArticles } from '../../src/services/articles.js';
import { articleUrl } from '../../src/web/urls.js';
import { galleryHtml } from '../../src/web/pages/gallery.js';
import { described, violations } from '../helpers/axe.js';
import { screenshotPath, servedSite } from '../helpers/browser.js';
import { article } from '../helpers/store.js';
import { testPng } from '../newsroom/helpers.js';

const CAPTIONS = ['الحشود عند بوابة المعرض صباحاً', 'جناح المخطوطات النادرة', 'ورشة الخط العربي للأطفال'];
let largest: string[] = [];

const served = servedSite(async (site) => {
  const uploads = [];
  for (const [i, caption] of CAPTIONS.entries()) {
    uploads.push(await saveUpload(site.store, { dir: site.mediaDir, maxBytes: 5_000_000 }, { bytes: await testPng(1600 + i * 10, 1000), alt: caption, userId: null }));
  }
  largest = uploads.map((u) => `/media/${u.webp.at(-1)!.file}`);
  const single = await saveUpload(site.store, { dir: site.mediaDir, maxBytes: 5_000_000 }, { bytes: await testPng(900, 600), alt: 'ملصق المعرض', userId: null });
  await saveArticles(site.store, [
    article({
      slug: 'book-fair-photos',
      title: 'بالصور: معرض عمّان للكتاب يفتح أبوابه لأكثر من ثلاثمئة دار نشر',
      body: [
        'افتتح معرض عمّان الدولي للكتاب أبوابه صباح اليوم بمشاركة أكثر من ثلاثمئة دار نشر عربية وأجنبية.',
        'وتوافد الزوار منذ الساعات الأولى على أجنحة المعرض في منطقة المدينة الرياضية.',
        ...uploads.map((u, i) => `![${CAPTIONS[i]}](/media/${u.original.file} "${CAPTIONS[i]}")`),
        'وتستمر فعاليات المعرض عشرة أيام، تتخللها ندوات وأمسيات شعرية.',
        `![ملصق المعرض](/media/${single.original.file})`,
        'وقالت إدارة المعرض إن عدد الزوار المتوقع يتجاوز نصف مليون.',
        'ويخصص المعرض هذا العام جناحاً لأدب الأطفال.',
      ].join('\n\n'),
    }),
    article({ slug: 'no-gallery', title: 'خبر بلا صور: اجتماع لجنة الموازنة', body: 'اجتمعت لجنة الموازنة صباح اليوم.\n\nوناقشت بنود الإنفاق.' }),
  ]);
});

test('pictures in a row are one gallery, each linking to its largest size; a lone picture is a figure', async () => {
  const html = (await served.site.app.inject({ url: articleUrl('book-fair-photos') })).body;
  const galleries = [...html.matchAll(/<div class="gallery" role="group" aria-label="ألبوم صور \(3\)" data-digits="latn">([\s\S]*?)<\/div>/g)];
  assert.equal(galleries.length, 1);
  assert.deepEqual([...galleries[0]![1]!.matchAll(/<a class="gallery-open" href="([^"]+)"/g)].map((m) => m[1]), largest);
  assert.deepEqual([...galleries[0]![1]!.matchAll(/<figcaption>([^<]+)<\/figcaption>/g)].map((m) => m[1]), CAPTIONS);
  assert.equal([...html.matchAll(/<figure>\s*<picture>/g)].length, 1, 'the poster stands alone');
  assert.match(html, /<script src="\/assets\/gallery\.js" defer><\/script>/);
  assert.doesNotMatch((await served.site.app.inject({ url: articleUrl('no-gallery') })).body, /gallery\.js/);
  // A site that writes Arabic-Indic digits counts its pictures so, and tells the viewer to.
  const arab = galleryHtml([{ src: '/media/a.png', alt: 'أ', caption: '' }, { src: '/media/b.png', alt: 'ب', caption: '' }], 'arab').value;
  assert.match(arab, /aria-label="ألبوم صور \(٢\)" data-digits="arab"/);
});

test('the viewer steps through the gallery in the reading direction, and gives the focus back', async () => {
  const page = await served.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${served.base}${articleUrl('book-fair-photos')}`);
  const thumbs = page.locator('.gallery .gallery-open');
  assert.equal(await thumbs.count(), 3);
  const grid = await Promise.all([0, 1].map((i) => thumbs.nth(i).boundingBox()));
  assert.ok(grid[0] && grid[1] && Math.abs(grid[0].y - grid[1].y) < 1 && grid[1].x < grid[0].x, 'side by side, the first at the right');

  await thumbs.nth(1).click();
  const dialog = page.locator('dialog.lightbox');
  assert.ok(await dialog.evaluate((d: HTMLDialogElement) => d.open));
  const count = dialog.locator('.lightbox-count');
  assert.equal(await count.innerText(), '2 من 3');
  assert.equal(await dialog.locator('figcaption').innerText(), CAPTIONS[1]);
  const img = dialog.locator('img');
  assert.ok((await img.getAttribute('src'))!.endsWith(largest[1]!));
  assert.ok(await img.evaluate((el: HTMLImageElement) => el.decode().then(() => el.naturalWidth >= 1600)), 'the large picture');
  assert.deepEqual(await violations(page), [], described(await violations(page)));
  await page.screenshot({ path: screenshotPath('gallery-viewer.png') });

  await page.keyboard.press('ArrowLeft'); // next, in Arabic
  assert.equal(await count.innerText(), '3 من 3');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await count.innerText(), '1 من 3', 'round again');
  await page.keyboard.press('ArrowRight');
  assert.equal(await count.innerText(), '3 من 3');
  await dialog.locator('button', { hasText: 'السابقة' }).click();
  assert.equal(await count.innerText(), '2 من 3');
  await page.keyboard.press('Escape');
  assert.equal(await dialog.evaluate((d: HTMLDialogElement) => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), largest[1], 'the focus is back on the picture it opened from');
  await page.close();
});
