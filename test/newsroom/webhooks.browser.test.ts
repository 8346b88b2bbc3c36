import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { receiver, signedBy } from '../helpers/receiver.js';
import { apiCaller, arabicArticle, makeKey, makeUser, newsroomSite, postArticle, type Site } from './helpers.js';

let site: Site;
let browser: Browser;
let base: string;
let rx: Awaited<ReturnType<typeof receiver>>;

before(async () => {
  site = await newsroomSite();
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  rx = await receiver();
  rx.answerWith(() => 204);
});
after(async () => {
  await browser?.close();
  await site.close();
  await rx.close();
});

test('an owner registers a webhook in the newsroom, keeps its secret, and a published story reaches it signed; the test and the log work from the page', async () => {
  const { email, password } = await makeUser(site.store, 'owner', 'منى المالكة');
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    await page.goto(`${base}/admin/login`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL(`${base}/admin`), page.click('button[type=submit]')]);
    await page.getByRole('link', { name: 'خطافات الويب' }).click();
    await page.waitForURL(`${base}/admin/webhooks`);
    assert.match(await page.textContent('main') ?? '', /لا خطافات بعد/);

    // A bad address is refused with the reason, and what was typed stays.
    await page.getByLabel('الاسم').fill('تطبيق الهاتف');
    await page.getByLabel('العنوان').fill('ftp://example.com/hook');
    await page.click('button:has-text("إضافة")');
    assert.match(await page.textContent('[role=alert]') ?? '', /https/);
    assert.equal(await page.getByLabel('الاسم').inputValue(), 'تطبيق الهاتف');

    await page.getByLabel('العنوان').fill(rx.url);
    // Published and breaking are offered checked; the live updates are added.
    assert.equal(await page.isChecked('#new-webhook-article-published'), true);
    await page.check('#new-webhook-live-updated');
    await page.click('button:has-text("إضافة")');
    const secret = (await page.textContent('#webhook-secret'))!.trim();
    assert.match(secret, /^whsec_/);
    assert.match(await page.textContent('table.webhooks') ?? '', /تطبيق الهاتف[\s\S]*يعمل[\s\S]*لم يُرسل شيء بعد/);

    // A reporter publishes: the address hears of it, signed with the secret the page showed.
    const author = apiCaller(site.app, (await makeKey(site.store, 'author')).auth);
    const { slug } = await postArticle(author, { ...arabicArticle('افتتاح حديقة عامة في العقبة: مساحات خضراء'), status: 'published' });
    const [sent] = await rx.waitFor(1);
    assert.ok(signedBy(secret, sent!));
    assert.equal(sent!.json.article!.slug, slug);

    // The hook's page: a test from its button, then the log says both arrived.
    await page.getByRole('link', { name: 'تطبيق الهاتف' }).click();
    await page.click('button:has-text("أرسل تجربة")');
    assert.match(await page.textContent('.flash') ?? '', /أُرسلت تجربة/);
    assert.equal((await rx.waitFor(2))[1]!.headers['x-sahifa-event'], 'ping');
    // The receiver has both; the sender records their answers a moment later.
    const [hook] = await site.store.webhooks.list();
    const until = Date.now() + 8000;
    while ((await site.store.webhooks.deliveries(hook!.id, 10)).some((d) => d.status !== 'delivered') && Date.now() < until) await page.waitForTimeout(25);
    await page.reload();
    const rows = await page.locator('table.deliveries tbody tr').allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /ping[\s\S]*وصل[\s\S]*204/);
    assert.match(rows[1]!, /article\.published[\s\S]*وصل/);

    // Paused from its page, it sends nothing more.
    await page.click('button:has-text("أوقف")');
    assert.match(await page.textContent('.flash') ?? '', /أُوقف الخطاف/);
    assert.equal(await page.isDisabled('button:has-text("أرسل تجربة")'), true);
    await postArticle(author, { ...arabicArticle('مهرجان للموسيقى في عمّان: فرق عربية'), status: 'published' });
    await page.waitForTimeout(300);
    assert.equal(rx.got.length, 2);
  } finally {
    await page.close();
  }
});
