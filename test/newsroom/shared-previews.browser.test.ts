import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { described, violations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { createApiKey } from '../../src/auth/accounts.js';
import { apiCaller, arabicArticle, makeUser, newsroomSite, postArticle, type Site } from './helpers.js';

let site: Site;
let browser: Browser;
let base: string;

before(async () => {
  site = await newsroomSite();
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site.close();
});

test('a reporter shares a draft from the editor; the link opens it outside the newsroom, then stops when revoked', async () => {
  const { email, password, user } = await makeUser(site.store, 'author', 'سعاد الصحفية');
  const { key } = await createApiKey(site.store, user, 'مفتاح سعاد', 'author');
  const { id } = await postArticle(apiCaller(site.app, { authorization: `Bearer ${key}` }), arabicArticle('تحقيق: مياه الشرب في القرى الجبلية'));
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const reader = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    await page.goto(`${base}/admin/login`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL(`${base}/admin`), page.click('button[type=submit]')]);
    await page.goto(`${base}/admin/articles/${id}`);
    assert.match(await page.textContent('.preview-links') ?? '', /لا روابط صالحة الآن/);
    await page.selectOption('#preview-hours', '168');
    await page.click('.preview-links button:has-text("أنشئ رابطاً")');
    const url = await page.inputValue('#preview-link-url');
    assert.match(url, /\/preview\/[\w-]{32}$/);
    assert.match(await page.textContent('.preview-links') ?? '', /روابط صالحة الآن: 1/);

    // Someone with no account, on a phone: the story as it will read, marked as a preview.
    const outside = await reader.newPage();
    const res = await outside.goto(`${base}${new URL(url).pathname}`);
    assert.equal(res!.status(), 200);
    assert.equal(await outside.textContent('h1'), 'تحقيق: مياه الشرب في القرى الجبلية');
    assert.match(await outside.textContent('.preview-notice') ?? '', /لم يُنشر بعد/);
    const found = await violations(outside);
    assert.deepEqual(found, [], described(found));

    page.on('dialog', (d) => void d.accept());
    await page.click('.preview-links button:has-text("ألغِ الروابط")');
    await page.waitForURL(/saved=previews-revoked/);
    assert.match(await page.textContent('.flash') ?? '', /أُلغيت روابط المعاينة/);
    assert.equal((await outside.reload())!.status(), 404);
  } finally {
    await reader.close();
    await page.close();
  }
});
