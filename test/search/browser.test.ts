/**
 * The search page in a real browser: headless Chromium types a query into
 * the header's search box in another spelling than the articles use,
 * submits, and finds highlighted results. Skipped where Chromium is not
 * installed (apt-get install chromium).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { memoryStore } from '../helpers/store.js';
import { saveArticles } from '../../src/services/articles.js';
import { buildServer } from '../../src/web/server.js';
import { siteConfig } from '../../src/web/config.js';
import { ROOT } from '../helpers/paths.js';
import { ARTICLES } from './fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

let store: SqliteStore;
let app: FastifyInstance;
let browser: Browser;
let base: string;

before(async () => {
  if (skip) return;
  store = await memoryStore();
  await saveArticles(store, ARTICLES);
  app = await buildServer({ store, site: siteConfig() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
  await store?.close();
});

test('the header search finds other spellings and highlights the originals', { skip, timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: 'ar' });
  await page.goto(`${base}/`);
  // The articles write المعارضة, والمعارضة, بالمعارضة: the reader types neither article nor ة.
  await page.fill('header input[name="q"]', 'معارضه');
  await Promise.all([page.waitForURL(/\/search\?q=/), page.press('header input[name="q"]', 'Enter')]);

  assert.equal(await page.inputValue('#search-q'), 'معارضه');
  assert.match((await page.textContent('.search-count')) ?? '', /3 نتائج/);
  const marks = await page.locator('.search-results mark').allTextContents();
  assert.ok(marks.includes('المعارضة'), marks.join());
  assert.ok(marks.includes('والمعارضة') || marks.includes('بالمعارضة'), marks.join());
  const background = await page.locator('.search-results mark').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'marks are styled');

  // A hamza variant and a prefix: بايران for إيران / ايران.
  await page.fill('#search-q', 'بايران');
  await Promise.all([page.waitForURL(/q=%D8%A8/), page.click('.search-main button[type="submit"]')]);
  const iranMarks = await page.locator('.search-results mark').allTextContents();
  assert.ok(iranMarks.includes('إيران') && iranMarks.includes('ايران'), iranMarks.join());

  const dir = path.join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  await page.goto(`${base}/search?q=${encodeURIComponent('معارضه')}`);
  await page.screenshot({ path: path.join(dir, 'search.png'), fullPage: true });
  await page.close();
});
