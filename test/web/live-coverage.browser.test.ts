/**
 * A live story in Chromium: the page checks itself for new updates while it
 * is open, offers them with a button instead of moving the text under the
 * reader, and stops checking once the coverage has ended.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../helpers/browser.js';
import { articleUrl } from '../../src/web/urls.js';
import { apiCaller, makeKey, newsroomSite, postArticle, type Site } from '../newsroom/helpers.js';

let site: Site;
let browser: Browser;
let base: string;
let auth: Record<string, string>;

before(async () => {
  site = await newsroomSite();
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  auth = (await makeKey(site.store, 'editor')).auth;
});
after(async () => {
  await browser?.close();
  await site.close();
});

const call = (method: string, url: string, payload: unknown) => apiCaller(site.app, auth)(method, url, payload);

test('a reader with a live story open is offered new updates, and the checks stop when it ends', async () => {
  const { id, slug } = await postArticle(apiCaller(site.app, auth), {
    title: 'قمة المناخ في شرم الشيخ: المفاوضات في يومها الأخير',
    description: 'تتابع صحيفة الساعات الأخيرة من مفاوضات قمة المناخ. #مصر #المناخ',
    tags: ['مصر', 'المناخ'],
    body: 'تدخل مفاوضات قمة المناخ في شرم الشيخ يومها الأخير دون اتفاق على صندوق الخسائر والأضرار.',
    status: 'published',
  });
  assert.equal((await call('POST', `/api/admin/articles/${id}/live-updates`, { text: 'بدأت الجلسة العامة الختامية متأخرة ساعتين عن موعدها.' })).statusCode, 201);

  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.clock.install();
  const checks: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'fetch') checks.push(r.url());
  });
  await page.goto(`${base}${articleUrl(slug)}`);
  assert.equal(await page.locator('.live-badge').textContent(), 'مباشر');
  assert.equal(await page.locator('.live-update').count(), 1);

  // Nothing new: a check finds nothing to offer.
  await page.clock.runFor(31_000);
  await expectChecks(checks, 1);
  assert.equal(await page.locator('.live-new').isVisible(), false);

  assert.equal((await call('POST', `/api/admin/articles/${id}/live-updates`, { text: '## اتفاق على صندوق الخسائر والأضرار\n\nأعلنت الرئاسة المصرية للقمة التوصل إلى اتفاق على إنشاء الصندوق.' })).statusCode, 201);
  await page.clock.runFor(31_000);
  const offer = page.locator('.live-new');
  await offer.waitFor({ state: 'visible' });
  assert.equal(await offer.textContent(), 'تحديث جديد: اعرضه');
  assert.equal(await page.locator('.live-update').count(), 1, 'the text does not move before the reader asks');
  await page.screenshot({ path: screenshotPath('live-offer-phone.png'), fullPage: true });
  await offer.click();
  assert.equal(await page.locator('.live-update').count(), 2);
  assert.equal(await page.locator('.live-update').first().getAttribute('id'), 'update-2', 'the newest on top');
  assert.equal(await page.locator('.live-update h3').first().textContent(), 'اتفاق على صندوق الخسائر والأضرار');
  assert.equal(await offer.isVisible(), false);

  assert.equal((await call('PATCH', `/api/admin/articles/${id}`, { live: 'ended' })).statusCode, 200);
  await page.clock.runFor(31_000);
  await page.locator('.live-ended').waitFor({ state: 'visible' });
  assert.equal(await page.locator('.live-badge').count(), 0);
  const made = checks.length;
  await page.clock.runFor(120_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(checks.length, made, 'no checks once the coverage has ended');
  await page.close();
});

async function expectChecks(checks: string[], n: number): Promise<void> {
  for (let i = 0; i < 50 && checks.length < n; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(checks.length, n);
}
