// Newsroom writes that change public pages without saving an article — a
// tag renamed, a feature image's alt text corrected, an image deleted — purge
// the cached pages that show them, and a renamed tag's old addresses move.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { arabicArticle, keyedSite, multipart, testPng, type KeyedSite } from './helpers.js';

let site: KeyedSite;
before(async () => {
  site = await keyedSite('editor');
});
after(() => site.close());

const api = (method: string, url: string, payload?: unknown) => site.api(method, url, payload);
const get = (url: string) => site.app.inject(url);
const enc = encodeURI;

test('a renamed tag shows under its new name on cached pages, and its old page and feed move to the new ones', async () => {
  const created = await api('POST', '/api/admin/articles', { ...arabicArticle('مهرجان الزيتون في جرش يجمع المزارعين'), tags: ['زراعة', 'جرش'], status: 'published' });
  assert.equal(created.statusCode, 201, created.body);
  const page = `/articles/${encodeURIComponent(created.json().slug)}`;
  for (const url of [page, '/', enc('/tags/جرش'), enc('/tags/جرش/feed.xml')]) {
    await get(url);
    assert.equal((await get(url)).headers['x-cache'], 'hit', `${url} is served from the cache`);
  }
  const [tag] = (await api('GET', `/api/admin/tags?q=${encodeURIComponent('جرش')}`)).json();
  const renamed = await api('PATCH', `/api/admin/tags/${tag.id}`, { name: 'محافظة جرش' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.deepEqual(renamed.json(), { id: tag.id, name: 'محافظة جرش', count: 1, description: '' });

  for (const url of [page, '/']) {
    const body = (await get(url)).body;
    assert.match(body, /#محافظة_جرش/, url);
    assert.doesNotMatch(body, /#جرش</, url);
  }
  const old = await get(enc('/tags/جرش?page=1'));
  assert.equal(old.statusCode, 301);
  assert.equal(old.headers.location, enc('/tags/محافظة_جرش'));
  const oldFeed = await get(enc('/tags/جرش/feed.xml'));
  assert.equal(oldFeed.statusCode, 301);
  assert.equal(oldFeed.headers.location, `${enc('/tags/محافظة_جرش')}/feed.xml`);
  const now = await get(old.headers.location as string);
  assert.equal(now.statusCode, 200);
  assert.match(now.body, /مهرجان الزيتون في جرش/);

  // A new tag may take the old name again: then it is that tag's page.
  await api('POST', '/api/admin/articles', { ...arabicArticle('جرش تستقبل زوار الربيع'), tags: ['جرش'], status: 'published' });
  const retaken = await get(enc('/tags/جرش'));
  assert.equal(retaken.statusCode, 200);
  assert.match(retaken.body, /جرش تستقبل زوار الربيع/);
  assert.doesNotMatch(retaken.body, /مهرجان الزيتون/);
});

test('a feature image’s corrected alt text, and its deletion, reach the cached pages that show it', async () => {
  const form = multipart({ alt: 'صورة' }, { name: 'file', filename: 'olive.png', type: 'image/png', data: await testPng(900, 500) });
  const media = (await site.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...site.auth, ...form.headers }, payload: form.payload })).json();
  const created = await api('POST', '/api/admin/articles', { ...arabicArticle('موسم قطاف الزيتون يبدأ مبكراً'), featureImage: media.id, status: 'published' });
  const page = `/articles/${encodeURIComponent(created.json().slug)}`;
  for (const url of [page, '/']) {
    await get(url);
    assert.equal((await get(url)).headers['x-cache'], 'hit');
  }
  assert.equal((await api('PATCH', `/api/admin/media/${media.id}`, { alt: 'مزارعة تقطف الزيتون في بستان قرب جرش' })).statusCode, 200);
  for (const url of [page, '/']) assert.match((await get(url)).body, /alt="مزارعة تقطف الزيتون في بستان قرب جرش"/, url);

  assert.equal((await api('DELETE', `/api/admin/media/${media.id}`)).statusCode, 204);
  for (const url of [page, '/']) assert.doesNotMatch((await get(url)).body, new RegExp(media.url.replace(/[.]/g, '\\.')), url);
});
