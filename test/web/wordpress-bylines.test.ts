/**
 * A WordPress newsroom's bylines through an import: the names Co-Authors
 * Plus gives a story each get it on their page, and its guest authors'
 * profiles (with the portrait from the old uploads folder) come over.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importUpload } from '../../src/services/import.js';
import { authorUrl } from '../../src/web/urls.js';
import { scratchDir } from '../helpers/paths.js';
import { byline, CAP_SITE, GUEST, item, wxr } from '../helpers/wxr.js';
import { keyedSite, testPng, type KeyedSite } from '../newsroom/helpers.js';

let site: KeyedSite;
before(async () => {
  site = await keyedSite('editor');
});
after(() => site.close());

const get = (url: string) => site.app.inject({ method: 'GET', url });
const TITLE = 'ميناء العقبة: وصول أول سفينة بعد التوسعة';
const BODY = '<p>وصلت أول سفينة حاويات إلى ميناء العقبة بعد توسعته.</p><p>وقالت إدارة الميناء إن الطاقة الاستيعابية تضاعفت.</p>';

test("Co-Authors Plus: every name has the story, the guest author's profile and portrait come over, the old archives lead to the new pages", async () => {
  const from = scratchDir('wp-uploads');
  mkdirSync(path.join(from, '2026', '11'), { recursive: true });
  writeFileSync(path.join(from, '2026', '11', 'reem.png'), await testPng(300, 300));
  const xml = wxr(GUEST + item({ id: 7, title: TITLE, body: BODY, slug: 'port', extra: byline('reem-alkhatib') + byline('samer') + byline('huda') }), CAP_SITE);
  const report = await importUpload(site.store, 'wordpress.xml', xml, { media: { from, dir: site.mediaDir, maxBytes: 5_000_000 } });
  assert.equal(report.imported, 1, JSON.stringify(report));
  assert.equal(report.failed, 0, JSON.stringify(report));
  assert.ok(report.notes.some((n) => /1 author profile imported/.test(n)), JSON.stringify(report.notes));

  const page = (await get('/articles/port')).body;
  for (const name of ['هدى الخطيب', 'ريم الخطيب', 'سامر الحداد']) {
    assert.match(page, new RegExp(`<a [^>]*href="${authorUrl(name)}"[^>]*>${name}</a>`), `${name} signs the story`);
    assert.match((await get(authorUrl(name))).body, new RegExp(TITLE), `and has it on their page`);
  }
  assert.ok(page.indexOf('هدى الخطيب') < page.indexOf('ريم الخطيب'), "the post's author first");

  const reem = (await site.api('GET', `/api/admin${authorUrl('ريم الخطيب')}`)).json();
  assert.equal(reem.bio, 'مراسلة في بيروت تكتب عن الطاقة.\n\nعملت قبلها في عمّان.');
  assert.deepEqual(reem.links, ['https://reem.example.net/']);
  assert.ok(reem.image?.id, 'her portrait came in from the uploads folder');
  assert.match((await get(authorUrl('ريم الخطيب'))).body, /<picture class="portrait">/);

  const old = await get('/author/samer/');
  assert.equal(old.statusCode, 301);
  assert.equal(old.headers.location, authorUrl('سامر الحداد'), 'an account named only by its term still has its archive');
  assert.equal((await get('/author/reem-alkhatib/')).headers.location, authorUrl('ريم الخطيب'), "the guest author's archive");
});
