import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser.js';
import { saveArticles } from '../../src/services/articles.js';
import { articleUrl } from '../../src/web/urls.js';
import { SEED_SLUG, seedSite } from '../helpers/site.js';
import { article } from '../helpers/store.js';

let site: Awaited<ReturnType<typeof seedSite>>;
let browser: Browser;
let base: string;

before(async () => {
  site = await seedSite();
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site.app.close();
  await site.store.close();
});

test('the seed article in Chromium: RTL, headings, tag links, see-also and related', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/articles/${encodeURIComponent(SEED_SLUG)}`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
  assert.equal(await page.locator('h1').textContent(), 'لقاء بوتين والأسد في الكرملين: تصاعد التوتر في الشرق الأوسط');
  assert.equal(await page.locator('.article-body h2').count(), 9);
  assert.equal(await page.locator('.article-body p:not(.see-also)').count(), 14);

  const tags = page.locator('a[rel="tag"]');
  assert.deepEqual(await tags.allTextContents(), ['#سوريا', '#روسيا']);

  // The see-also links sit between paragraphs: never first, never after a heading, never adjacent.
  const order = await page.$$eval('.article-body > section > *', (els) => els.map((e) => (e.classList.contains('see-also') ? 'link' : e.tagName)));
  assert.equal(order.filter((k) => k === 'link').length, 3);
  for (let i = 0; i < order.length; i++) {
    if (order[i] !== 'link') continue;
    assert.notEqual(order[i - 1], 'H2');
    assert.notEqual(order[i + 1], 'link');
  }
  const seeAlso = await page.$$eval('.see-also a', (as) => as.map((a) => a.getAttribute('href')));
  const related = await page.$$eval('.related a', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(related.length, 3);
  assert.equal(new Set([...seeAlso, ...related]).size, 6);

  // The Arabic web font is the one in use.
  await page.evaluate(() => document.fonts.ready);
  assert.ok(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'سوريا')));
  await page.screenshot({ path: screenshotPath('article-phone.png'), fullPage: true });

  // A tag link leads to the tag page, and a related link to another article.
  await tags.first().click();
  await page.waitForURL(/\/tags\//);
  assert.equal(await page.locator('h1').textContent(), '#سوريا');
  assert.ok((await page.locator('.card').count()) >= 1);
  await page.goto(`${base}${related[0]}`);
  assert.equal(await page.locator('article h1').count(), 1);
  await page.close();
});

test('desktop and dark scheme render', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await page.goto(`${base}/articles/${encodeURIComponent(SEED_SLUG)}`);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(18, 18, 18)');
  await page.screenshot({ path: screenshotPath('article-desktop-dark.png') });
  await page.close();
});

test("a byline in Chromium leads to the author's page, which lists the article", async () => {
  const [signed] = await saveArticles(site.store, [
    article({ author: 'سامر الخطيب', tags: ['سوريا'], title: 'معبر نصيب: عودة حركة الشاحنات بين سوريا والأردن' }),
  ]);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}${articleUrl(signed!.article.slug)}`);
  const byline = page.locator('.meta a[rel="author"]');
  assert.equal(await byline.textContent(), 'سامر الخطيب');
  assert.ok(await byline.isVisible());
  await byline.click();
  await page.waitForURL(/\/authors\//);
  assert.equal(decodeURIComponent(new URL(page.url()).pathname), '/authors/سامر_الخطيب');
  assert.equal(await page.locator('h1').textContent(), 'سامر الخطيب');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction), 'rtl');
  assert.deepEqual(await page.locator('.card h2').allTextContents(), ['معبر نصيب: عودة حركة الشاحنات بين سوريا والأردن']);
  assert.equal(await page.locator('.list-count').textContent(), 'خبر واحد');
  await page.close();
});

test('an edited story in Chromium: the update time, the byline and the reading time fit a phone, right to left', async () => {
  const hour = 3600_000;
  const publishedAt = new Date(Date.now() - 5 * hour).toISOString();
  const [first] = await saveArticles(site.store, [
    article({ author: 'هدى العلي', tags: ['الأردن'], title: 'أمطار غزيرة في عمّان: إغلاق طرق في وسط البلد', publishedAt }),
  ]);
  // Written five hours ago, edited now with the latest figures.
  await site.store.db.updateTable('articles').set({ created_at: publishedAt }).where('id', '=', first!.article.id).execute();
  await saveArticles(site.store, [{ ...article(), id: first!.article.id, title: first!.article.title, tags: ['الأردن'], author: 'هدى العلي', publishedAt, body: `${first!.article.body}\n\nوأعيد فتح الطرق مساءً بعد توقف الأمطار.` }]);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}${articleUrl(first!.article.slug)}`);
  const updated = page.locator('.meta .updated');
  assert.ok(await updated.isVisible());
  assert.match((await updated.textContent()) ?? '', /^آخر تحديث: .+/);
  const meta = page.locator('header .meta');
  assert.ok(await meta.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the line wraps inside the page');
  assert.equal(await meta.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  await page.screenshot({ path: screenshotPath('article-updated-phone.png'), clip: { x: 0, y: 0, width: 390, height: 420 } });
  await page.close();
});

test('from the keyboard, the first Tab offers a skip past the header to the article', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/articles/${encodeURIComponent(SEED_SLUG)}`);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  assert.equal(await skip.textContent(), 'تخطَّ إلى المحتوى');
  const box = (await skip.boundingBox())!;
  assert.ok(box.y >= 0 && box.y < 100, `shown at the top once focused: ${box.y}`);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  // The next Tab goes on inside the article, not back through the header's search and sections.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement?.closest('main')), true);
  await page.close();
});

test('printed, an article is its text and its address: no search, sections, links or pagination', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
  await page.goto(`${base}/articles/${encodeURIComponent(SEED_SLUG)}`);
  const url = page.locator('.print-url');
  assert.equal(await url.isVisible(), false, 'not on screen');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header form', '.sections', '.related', '.see-also >> nth=0', '.share', '.site-footer']) {
    assert.equal(await page.locator(hidden).isVisible(), false, hidden);
  }
  assert.ok(await page.locator('h1').isVisible());
  assert.ok(await page.locator('.article-body p >> nth=0').isVisible());
  assert.equal(await url.textContent(), `http://127.0.0.1:3000/articles/${SEED_SLUG}`, 'in letters, not percent-escapes');
  assert.ok(await url.isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-', 'Chromium prints it');
  await page.close();
});

test('share links sit under the article on a phone, right to left, each legible white on its colour', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/articles/${encodeURIComponent(SEED_SLUG)}`);
  const links = page.locator('.share a');
  assert.equal(await links.count(), 5);
  const boxes = await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
  assert.ok(boxes.every((b) => b.left >= 0 && b.right <= 390), 'inside the width: they wrap');
  assert.ok(boxes[0]!.right > boxes[1]!.right || boxes[1]!.top > boxes[0]!.top, 'WhatsApp first, on the right');
  // WCAG's contrast of white text on each background: at least 4.5:1.
  const ratios = await links.evaluateAll((as) =>
    as.map((a) => {
      const [r, g, b] = getComputedStyle(a).backgroundColor.match(/\d+/g)!.map(Number).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
    }),
  );
  assert.ok(ratios.every((r) => r >= 4.5), `contrast ${ratios.map((r) => r.toFixed(1)).join(', ')}`);
  await page.close();
});

test('a correction shows under the text, set apart, inside a phone', async () => {
  const seed = (await site.store.getArticle(SEED_SLUG))!;
  const { id, title, description, tags, body, publishedAt } = seed;
  await site.store.saveArticles([
    { id, title, description, tags, body, publishedAt: publishedAt!, corrections: [{ at: '2026-11-02T08:30:00Z', text: 'ذكرت نسخة سابقة من هذا الخبر أن اللقاء جرى في سوتشي، والصواب أنه جرى في الكرملين بموسكو.' }] },
  ]);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/articles/${encodeURIComponent(SEED_SLUG)}`);
  const note = page.locator('aside.corrections');
  assert.equal(await note.locator('h2').textContent(), 'تصحيح');
  assert.match((await note.locator('li').textContent())!, /2 نوفمبر 2026 .*: ذكرت نسخة سابقة/);
  // Both boxes in one look, once everything has loaded: measured apart, the text could grow between them.
  await page.waitForLoadState('load');
  const [box, text] = await page.evaluate(() =>
    ['aside.corrections', '.article-body'].map((s) => document.querySelector(s)!.getBoundingClientRect().toJSON() as DOMRect),
  );
  assert.ok(box!.y >= text!.y + text!.height, `under the text (${box!.y} against ${text!.y + text!.height})`);
  assert.ok(box!.x >= 0 && box!.x + box!.width <= 390);
  assert.equal(await note.evaluate((el) => getComputedStyle(el).borderRightWidth), '4px', 'its rule on the right, where the text starts');
  await note.screenshot({ path: screenshotPath('correction-phone.png') });
  await page.close();
});
