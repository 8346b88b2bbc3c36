/**
 * Accessibility of every kind of page, public and newsroom, checked in
 * Chromium by axe-core (the engine behind Lighthouse's and the browsers'
 * accessibility audits) against WCAG 2.1 A and AA: contrast, names of links
 * and controls, headings, landmarks, language and direction, forms' labels.
 * The pages carry the demo newsroom: a live story, author profiles, tags.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { loadDemo } from '../../src/services/demo.js';
import { articleUrl, authorUrl, tagUrl } from '../../src/web/urls.js';
import { described, violations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { makeUser, newsroomSite, type Site } from '../newsroom/helpers.js';

let site: Site;
let browser: Browser;
let base: string;
let story: { slug: string; author: string; tag: string };
let live: string;
let coAuthored: string;
let opinion: string;

before(async () => {
  site = await newsroomSite();
  await loadDemo(site.store);
  const { articles } = await site.store.listArticles({ page: 1, limit: 60 });
  const plain = articles.find((a) => !a.live)!;
  const full = (await site.store.getArticleView(plain.slug))!;
  story = { slug: plain.slug, author: full.author, tag: full.tags[0]! };
  live = articles.find((a) => a.live)!.slug;
  for (const a of articles) if ((await site.store.getArticle(a.slug))!.coAuthors.length) coAuthored = a.slug;
  assert.ok(coAuthored, 'the demo has a story signed by two');
  opinion = articles.find((a) => a.genre === 'opinion')!.slug;
  base = await site.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site.close();
});

async function audit(page: Page, path: string): Promise<void> {
  const res = await page.goto(`${base}${path}`);
  assert.ok(res && res.status() < 500, `${path}: ${res?.status()}`);
  const found = await violations(page);
  assert.equal(found.length, 0, `${path}\n${described(found)}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`public pages have no WCAG 2.1 A/AA violations (${scheme} scheme)`, async () => {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1100, height: 900 } });
    try {
      for (const path of [
        '/',
        articleUrl(story.slug),
        articleUrl(live),
        articleUrl(coAuthored),
        articleUrl(opinion),
        '/opinion',
        '/corrections',
        tagUrl(story.tag),
        authorUrl(story.author),
        '/authors',
        `/search?q=${encodeURIComponent('الانتخابات البلدية')}`,
        `/search?q=${encodeURIComponent('الانتخابات')}&from=2026-01-01&to=2026-12-31`,
        `/search?q=${encodeURIComponent('كلمة لا توجد في أي خبر')}`,
        '/articles/no-such-story',
      ]) {
        await audit(page, path);
      }
    } finally {
      await page.close();
    }
  });
}

for (const scheme of ['light', 'dark'] as const) test(`newsroom pages have no WCAG 2.1 A/AA violations (${scheme} scheme)`, async () => {
  const { email, password, user } = await makeUser(site.store, 'owner', `هالة المحررة ${scheme}`);
  // The newsroom's CSP forbids inline scripts, which is how axe is put in the page: the test's browser alone sets it aside.
  const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1200, height: 900 }, bypassCSP: true });
  try {
    await audit(page, '/admin/login');
    await page.fill('#email', email);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL(`${base}/admin`), page.click('button[type=submit]')]);
    const { articles } = await site.store.newsroom.listAdmin({ page: 1, limit: 1 });
    // A webhook whose address does not answer: its page shows a delivery waiting for its next try, with the error.
    const now = new Date().toISOString();
    const hook = await site.store.webhooks.create({ name: `تطبيق الهاتف ${scheme}`, url: 'http://127.0.0.1:9/hook', events: ['article.published'], secret: 'whsec_audit', createdBy: user.id }, now);
    await site.store.webhooks.enqueue('ping', JSON.stringify({ event: 'ping', createdAt: now }), now, hook.id);
    await site.app.newsroom.webhooks!.runOnce();
    for (const path of [
      '/admin',
      '/admin/articles/new',
      `/admin/articles/${articles[0]!.id}`,
      `/admin/articles/${articles[0]!.id}/live`,
      '/admin/media',
      '/admin/tags',
      '/admin/authors',
      `/admin${authorUrl(story.author)}`,
      '/admin/users',
      '/admin/keys',
      '/admin/webhooks',
      `/admin/webhooks/${hook.id}`,
      '/admin/trash',
      '/admin/import',
    ]) {
      await audit(page, path);
    }
  } finally {
    await page.close();
  }
});
