/** Share links under an article: each service's share address with the article's canonical URL and headline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteConfig } from '../../src/web/config.js';
import { shareTargets } from '../../src/web/pages/share.js';
import { SEED_SLUG, seedSite } from '../helpers/site.js';

const site = siteConfig({ baseUrl: 'https://sahifa.example' }, {});
const story = { slug: 'قمة-عمّان-الطارئة', title: 'قمة عمّان الطارئة: بيان ختامي & دعوة إلى وقف النار' };
const canonical = 'https://sahifa.example/articles/%D9%82%D9%85%D8%A9-%D8%B9%D9%85%D9%91%D8%A7%D9%86-%D8%A7%D9%84%D8%B7%D8%A7%D8%B1%D8%A6%D8%A9';

test("every service gets the canonical address and the headline, encoded for its query", () => {
  const byKey = Object.fromEntries(shareTargets(site, story).map((t) => [t.key, new URL(t.href)]));
  assert.deepEqual(Object.keys(byKey), ['whatsapp', 'telegram', 'x', 'facebook', 'email'], 'WhatsApp and Telegram first');
  assert.equal(byKey.whatsapp!.searchParams.get('text'), `${story.title}\n${canonical}`);
  assert.equal(byKey.telegram!.searchParams.get('url'), canonical);
  assert.equal(byKey.telegram!.searchParams.get('text'), story.title, 'the & stays in the headline, not a new parameter');
  assert.equal(byKey.x!.searchParams.get('url'), canonical);
  assert.equal(byKey.facebook!.searchParams.get('u'), canonical);
  assert.equal(byKey.email!.protocol, 'mailto:');
  assert.equal(decodeURIComponent(/subject=([^&]+)/.exec(byKey.email!.href)![1]!), story.title);
});

test('the article page carries them, opening in a new tab without handing it the page', async () => {
  const { app, store } = await seedSite();
  try {
    const body = (await app.inject({ method: 'GET', url: `/articles/${encodeURIComponent(SEED_SLUG)}` })).body;
    const nav = /<nav class="share" aria-label="شارك الخبر">[\s\S]*?<\/nav>/.exec(body)?.[0];
    assert.ok(nav, 'a share nav');
    const links = [...nav!.matchAll(/<a class="share-(\w+)" href="([^"]+)"([^>]*)>([^<]+)<\/a>/g)];
    assert.deepEqual(links.map((m) => m[4]), ['واتساب', 'تيليغرام', 'إكس', 'فيسبوك', 'البريد']);
    for (const [, key, href, attrs] of links) {
      const url = new URL(href!.replace(/&amp;/g, '&'));
      assert.ok([...url.searchParams.values()].some((v) => v.includes(`/articles/${encodeURIComponent(SEED_SLUG)}`)) || url.protocol === 'mailto:', key);
      if (key !== 'email') assert.equal(attrs, ' target="_blank" rel="noopener noreferrer"', key);
    }
  } finally {
    await app.close();
    await store.close();
  }
});
