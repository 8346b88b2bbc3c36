import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { RenderCache } from '../../src/web/cache/render-cache.js';

const page = (text: string, deps: string[]) => ({
  body: Buffer.from(text),
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public, max-age=60',
  deps,
  expires: Date.now() + 60_000,
});

test('stores a page with its compressed forms and a strong ETag', () => {
  const cache = new RenderCache(1 << 20);
  const html = '<p>خبر</p>'.repeat(200);
  cache.set('/a', page(html, ['article:1']));
  const hit = cache.get('/a')!;
  assert.equal(gunzipSync(hit.gzip).toString(), html);
  assert.equal(brotliDecompressSync(hit.br).toString(), html);
  assert.match(hit.etag, /^"[\w-]+"$/);
  assert.equal(cache.set('/b', page(html, [])).etag, hit.etag, 'same bytes, same ETag');
  assert.notEqual(cache.set('/c', page(html + '!', [])).etag, hit.etag);
});

test('purge drops exactly the pages that depend on a key', () => {
  const cache = new RenderCache(1 << 20);
  cache.set('/articles/a', page('a', ['article:1', 'article:2']));
  cache.set('/articles/b', page('b', ['article:2']));
  cache.set('/articles/c', page('c', ['article:3']));
  cache.set('/', page('home', ['list:home', 'article:1']));
  assert.equal(cache.purge(['article:2']), 2);
  assert.ok(!cache.has('/articles/a'));
  assert.ok(!cache.has('/articles/b'));
  assert.ok(cache.has('/articles/c'));
  assert.ok(cache.has('/'));
  assert.equal(cache.purge(['article:2']), 0);
  assert.equal(cache.purge(['list:home']), 1);
  assert.equal(cache.stats().entries, 1);
});

test('the byte budget holds, evicting the least recently used', () => {
  const big = 'x'.repeat(4000);
  const one = new RenderCache(1 << 20).set('/x', page(big, []));
  const size = one.body.length + one.gzip.length + one.br.length + 512;
  const cache = new RenderCache(size * 3 + 10);
  cache.set('/1', page(big, []));
  cache.set('/2', page(big, []));
  cache.set('/3', page(big, []));
  cache.get('/1');
  cache.set('/4', page(big, []));
  assert.ok(cache.has('/1'), 'recently read stays');
  assert.ok(!cache.has('/2'), 'least recently used goes');
  assert.ok(cache.stats().bytes <= size * 3 + 10);
  assert.equal(cache.stats().evictions, 1);
});

test('an entry past its time is not served', () => {
  const cache = new RenderCache(1 << 20);
  cache.set('/old', { ...page('x', []), expires: Date.now() - 1 });
  assert.equal(cache.get('/old'), undefined);
  assert.equal(cache.stats().entries, 0);
});
