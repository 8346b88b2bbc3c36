import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { apiCaller, arabicArticle, makeKey, makeUser, newsroomSite, postArticle, type Site } from './helpers.js';

let site: Site;
let browser: Browser;
let base: string;
let receiver: Server;
let hookUrl: string;
const got: { headers: IncomingHttpHeaders; body: string }[] = [];

before(async () => {
  site = await newsroomSite();
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sahifa`;
});
after(async () => {
  await browser?.close();
  await site.close();
  await new Promise((resolve) => receiver.close(resolve));
});

async function waitFor(n: number) {
  const until = Date.now() + 8000;
  while (got.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  assert.ok(got.length >= n, `expected ${n} deliveries, got ${got.length}`);
}

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

    await page.getByLabel('العنوان').fill(hookUrl);
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
    await waitFor(1);
    const [sent] = got;
    const m = /^t=(\d+),sha256=([0-9a-f]{64})$/.exec(String(sent!.headers['x-sahifa-signature']))!;
    assert.equal(createHmac('sha256', secret).update(`${m[1]}.${sent!.body}`).digest('hex'), m[2]);
    assert.equal(JSON.parse(sent!.body).article.slug, slug);

    // The hook's page: a test from its button, then the log says both arrived.
    await page.getByRole('link', { name: 'تطبيق الهاتف' }).click();
    await page.click('button:has-text("أرسل تجربة")');
    assert.match(await page.textContent('.flash') ?? '', /أُرسلت تجربة/);
    await waitFor(2);
    assert.equal(got[1]!.headers['x-sahifa-event'], 'ping');
    await page.waitForTimeout(200);
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
    assert.equal(got.length, 2);
  } finally {
    await page.close();
  }
});
