/**
 * `/healthz`, for what stands in front of several web processes: 200 while
 * the database answers, 503 when it is gone or too slow, never cached.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { healthRoutes } from '../../src/web/routes/health.js';
import { ENGINE, memoryStore } from '../helpers/store.js';
import { newsroomSite } from '../newsroom/helpers.js';

test('a process whose database answers is healthy, and says which database and how fast', async () => {
  const site = await newsroomSite();
  try {
    const res = await site.app.inject({ url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database, ENGINE);
    assert.ok(body.databaseMs >= 0 && body.databaseMs < 2000, String(body.databaseMs));
    assert.equal(body.pid, process.pid);
    assert.equal((await site.app.inject({ method: 'HEAD', url: '/healthz' })).statusCode, 200);
  } finally {
    await site.close();
  }
});

test('a process whose database is gone answers 503, so that it is taken out of rotation', async () => {
  const store = await memoryStore();
  const app = Fastify();
  await app.register(healthRoutes, { store });
  assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
  await store.close();
  const res = await app.inject({ url: '/healthz' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().status, 'unavailable');
  assert.match(res.json().message, /قاعدة البيانات لا تجيب \/ the database does not answer/);
  await app.close();
});

test('a database slower than the limit counts as unavailable, without waiting for it', async () => {
  const store = await memoryStore();
  // The real store, its round trip made to take 400 ms as a hung connection would.
  const slow = Object.create(store, { ping: { value: () => new Promise((resolve) => setTimeout(() => resolve(store.ping()), 400)) } });
  const app = Fastify();
  await app.register(healthRoutes, { store: slow, timeoutMs: 50 });
  const t0 = Date.now();
  const res = await app.inject({ url: '/healthz' });
  assert.equal(res.statusCode, 503);
  assert.match(res.json().message, /no answer in 50 ms/);
  assert.ok(Date.now() - t0 < 350, `answered in ${Date.now() - t0} ms`);
  await new Promise((r) => setTimeout(r, 450));
  await app.close();
  await store.close();
});
