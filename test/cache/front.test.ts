/**
 * The render cache's hit path in front of Fastify (server.ts's serverFactory):
 * over a real socket, a hit must answer exactly as the miss did (same
 * headers and bytes per encoding), 304 on its validators, no body for HEAD,
 * and leave everything that is not a cached GET or HEAD to Fastify.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { articleUrl } from '../../src/web/urls.js';
import { seedSite, SEED_SLUG } from '../helpers/site.js';

let site: Awaited<ReturnType<typeof seedSite>>;
let base: string;

before(async () => {
  site = await seedSite();
  await site.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
});
after(async () => {
  await site.app.close();
  await site.store.close();
});

const SAME = ['content-type', 'cache-control', 'vary', 'etag', 'last-modified', 'content-encoding', 'content-length'];

async function fetchRaw(url: string, init: RequestInit = {}) {
  const res = await fetch(base + url, init);
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

test('a hit over the socket answers with the miss response’s headers and bytes, per encoding', async () => {
  for (const encoding of ['identity', 'gzip', 'br']) {
    // fetch() would decompress; ask the raw bytes with the header we choose.
    const url = `${articleUrl(SEED_SLUG)}?e=${encoding}`;
    const miss = await fetchRaw(url, { headers: { 'accept-encoding': encoding } });
    const hit = await fetchRaw(url, { headers: { 'accept-encoding': encoding } });
    assert.equal(miss.headers.get('x-cache'), 'miss');
    assert.equal(hit.headers.get('x-cache'), 'hit');
    assert.equal(hit.status, 200);
    for (const h of SAME) assert.equal(hit.headers.get(h), miss.headers.get(h), `${encoding}: ${h}`);
    assert.ok(hit.body.equals(miss.body), `${encoding}: the same bytes`);
  }
});

test('a hit answers 304 to its ETag and to If-Modified-Since, and HEAD without a body', async () => {
  const url = articleUrl(SEED_SLUG);
  const identity = { 'accept-encoding': 'identity' };
  const page = await fetchRaw(url, { headers: identity });
  const etag = page.headers.get('etag')!;
  const byTag = await fetchRaw(url, { headers: { ...identity, 'if-none-match': etag } });
  assert.equal(byTag.status, 304);
  assert.equal(byTag.headers.get('x-cache'), 'hit');
  assert.equal(byTag.body.length, 0);
  assert.equal(byTag.headers.get('etag'), etag);
  const stale = await fetchRaw(url, { headers: { ...identity, 'if-none-match': '"another"' } });
  assert.equal(stale.status, 200, 'another tag gets the page');
  const lastModified = page.headers.get('last-modified');
  assert.ok(lastModified, 'an article page states its date');
  const bySince = await fetchRaw(url, { headers: { 'if-modified-since': lastModified } });
  assert.equal(bySince.status, 304);
  const head = await fetchRaw(url, { method: 'HEAD', headers: identity });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(head.headers.get('content-length'), String(page.body.length));
});

test('what is not a cached page goes on to Fastify', async () => {
  const url = articleUrl(SEED_SLUG);
  await fetchRaw(url);
  const post = await fetchRaw(url, { method: 'POST' });
  assert.equal(post.status, 404, 'no route takes a POST to an article page');
  assert.equal(post.headers.get('x-cache'), null);
  const missing = await fetchRaw('/no-such-page');
  assert.equal(missing.status, 404);
  const api = await fetchRaw('/api/articles?limit=1');
  assert.equal(api.status, 200);
  assert.equal(api.headers.get('x-cache'), null, 'the JSON API is not cached');
});
