import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedSite } from '../helpers/site.js';

test("the header's search box keeps the reader's query, escaped", async () => {
  const { app, store } = await seedSite();
  const res = await app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('الكرملين "<b>')}` });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<input id="q" name="q" type="search"[^>]* value="الكرملين &quot;&lt;b&gt;">/);
  const home = await app.inject({ method: 'GET', url: '/' });
  assert.match(home.body, /<input id="q"[^>]* value="">/);
  await app.close();
  await store.close();
});
