// The editor's preview shows the links a save would pick, placed as the page
// places them, and the suggestions name them: what the editor sees before
// publishing is what readers will get.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import { BRIDGE, BRIDGE_FOLLOW_UP, IRAQ_OTHERS, OTHERS } from '../related/articles.js';
import { keyedSite, type KeyedSite } from './helpers.js';

let site: KeyedSite;
before(async () => {
  site = await keyedSite('author');
  await saveArticles(site.store, [...OTHERS, ...IRAQ_OTHERS, BRIDGE]);
});
after(() => site.close());

const post = (url: string, payload: unknown) => site.api('POST', url, payload);

const draft = { title: BRIDGE_FOLLOW_UP.title, description: BRIDGE_FOLLOW_UP.description, body: BRIDGE_FOLLOW_UP.body, tags: BRIDGE_FOLLOW_UP.tags };

test('a follow-up being written is shown under the original story, in the preview and in the suggestions', async () => {
  const res = await post('/api/admin/preview', draft);
  assert.equal(res.statusCode, 200, res.body);
  const { html } = res.json() as { html: string };
  const related = /<aside class="related"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
  const first = /<a href="[^"]*">([^<]*)<\/a>/.exec(related)?.[1];
  assert.equal(first, BRIDGE.title, 'the original story is the first related link');

  const suggested = await post('/api/admin/suggest', draft);
  assert.equal(suggested.statusCode, 200, suggested.body);
  const { links } = suggested.json() as { links: { related: { slug: string; title: string; score: number }[]; seeAlso: unknown[] } };
  assert.equal(links.related[0]!.title, BRIDGE.title);
  assert.ok(links.related[0]!.score > 0);
  const ids = [...links.related, ...links.seeAlso].map((l) => (l as { slug: string }).slug);
  assert.equal(new Set(ids).size, ids.length, 'related and see-also are disjoint');
});

test('saved as previewed, the article gets the links its preview showed, see-also in the same places', async () => {
  // Dated as the fixture is, so that the preference for stories of the same days is the save's.
  const dated = { ...draft, publishedAt: BRIDGE_FOLLOW_UP.publishedAt };
  const { html } = (await post('/api/admin/preview', dated)).json() as { html: string };
  const { links } = (await post('/api/admin/suggest', dated)).json() as { links: { related: { id: number }[]; seeAlso: { id: number }[] } };
  const [saved] = await saveArticles(site.store, [BRIDGE_FOLLOW_UP]);
  const view = (await site.store.getArticleView(saved!.article.slug))!;
  assert.deepEqual(links.related.map((l) => l.id), view.related.map((l) => l.id));
  assert.deepEqual(links.seeAlso.map((l) => l.id), view.seeAlso.map((l) => l.id));
  assert.ok(view.seeAlso.length > 0, 'the fixture links inline');
  const seeAlsoIn = (page: string) => [...page.matchAll(/<p class="see-also"><span>شاهد أيضاً:<\/span> <a href="[^"]*">([^<]*)<\/a><\/p>/g)].map((m) => m[1]);
  const page = (await site.app.inject(`/articles/${encodeURIComponent(view.slug)}`)).body;
  assert.deepEqual(seeAlsoIn(html), seeAlsoIn(page));
  assert.deepEqual(seeAlsoIn(page), view.seeAlso.map((l) => l.title));
});

test('an article being edited is never among its own links, and the preview still renders on an empty site', async () => {
  const [original] = await site.store.listArticles({ page: 1, limit: 100 }).then((r) => r.articles.filter((a) => a.title === BRIDGE.title));
  const edited = { id: original!.id, title: BRIDGE.title, description: BRIDGE.description, body: BRIDGE.body, tags: BRIDGE.tags };
  const { links } = (await post('/api/admin/suggest', edited)).json() as { links: { related: { id: number }[]; seeAlso: { id: number }[] } };
  assert.ok(![...links.related, ...links.seeAlso].some((l) => l.id === original!.id));
  // Without the id, the saved copy is the draft's own wire copy: left out too.
  const anonymous = (await post('/api/admin/suggest', { ...edited, id: undefined })).json() as { links: { related: { id: number }[] } };
  assert.ok(!anonymous.links.related.some((l) => l.id === original!.id));

  const empty = await keyedSite('author');
  try {
    const res = await empty.api('POST', '/api/admin/preview', draft);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.json().html, /شاهد أيضاً:/);
  } finally {
    await empty.close();
  }
});

test('a draft that copies a stored story is flagged in the preview; the story itself, edited, is not', async () => {
  // A wire copy: another headline, the last paragraph dropped.
  const paragraphs = BRIDGE.body.split('\n\n');
  const copy = { title: 'الموصل: مقتل ثلاثة في انهيار جسر حديدي فوق دجلة', description: BRIDGE.description, body: paragraphs.slice(0, -1).join('\n\n') };
  const flagged = (await post('/api/admin/preview', copy)).json() as { copyOf: { id: number; title: string; score: number } | null };
  assert.equal(flagged.copyOf?.title, BRIDGE.title);
  assert.ok(flagged.copyOf!.score >= 0.5 && flagged.copyOf!.score <= 1, String(flagged.copyOf!.score));

  const itself = (await post('/api/admin/preview', { ...copy, id: flagged.copyOf!.id })).json() as { copyOf: unknown };
  assert.equal(itself.copyOf, null, 'editing the story is not copying it');
  const other = (await post('/api/admin/preview', { title: OTHERS[0]!.title, body: 'نص مختلف تماماً عن أي خبر في الموقع، كتب للاختبار وحده.' })).json() as { copyOf: unknown };
  assert.equal(other.copyOf, null);
});
