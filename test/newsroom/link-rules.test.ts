// Editors pin and block the links under an article: pinned ones come first and
// stay, blocked ones never come — not even when a new story would offer itself
// under the article — through the Admin API and the editor's form.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import { BRIDGE, BRIDGE_FOLLOW_UP, IRAQ_OTHERS, OTHERS } from '../related/articles.js';
import { Client, keyedSite, makeUser, type KeyedSite } from './helpers.js';

let site: KeyedSite;
const ids = new Map<string, number>();
const slugs = new Map<string, string>();
before(async () => {
  site = await keyedSite('editor');
  for (const o of await saveArticles(site.store, [...OTHERS, ...IRAQ_OTHERS, BRIDGE])) {
    ids.set(o.article.externalId!, o.article.id);
    slugs.set(o.article.externalId!, o.article.slug);
  }
});
after(() => site.close());

const api = (method: string, url: string, payload?: unknown) => site.api(method, url, payload);
const linksOf = async (id: number) => {
  const view = (await site.store.getArticleView((await site.store.getArticleById(id))!.slug))!;
  return { related: view.related.map((l) => l.id), seeAlso: view.seeAlso.map((l) => l.id) };
};

test('a pinned article leads the links and a blocked one never comes, even when a new story would offer itself', async () => {
  const bridge = ids.get(BRIDGE.externalId!)!;
  const other = OTHERS[0]!;
  const pinned = ids.get(other.externalId!)!;
  const before = await linksOf(bridge);
  assert.ok(!before.related.includes(pinned) && !before.seeAlso.includes(pinned), 'the engine would not pick it');

  // By its address, full or from /articles/, and its slug: each names it.
  const res = await api('PATCH', `/api/admin/articles/${bridge}`, { pinnedLinks: [`https://news.example/articles/${encodeURIComponent(slugs.get(other.externalId!)!)}`] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().linkRules.pinned.map((l: { id: number }) => l.id), [pinned]);
  assert.equal((await linksOf(bridge)).related[0], pinned);

  // The follow-up is published: it would go under the original, but the original blocks it.
  const followUp = (await api('POST', '/api/admin/articles', { title: 'مسودة متابعة', body: 'نص قصير للمسودة.', status: 'draft' })).json();
  assert.equal((await api('PATCH', `/api/admin/articles/${bridge}`, { blockedLinks: [String(followUp.id)] })).statusCode, 200);
  const published = await api('PATCH', `/api/admin/articles/${followUp.id}`, { title: BRIDGE_FOLLOW_UP.title, description: BRIDGE_FOLLOW_UP.description, body: BRIDGE_FOLLOW_UP.body, tags: BRIDGE_FOLLOW_UP.tags });
  assert.equal(published.statusCode, 200);
  assert.equal((await api('POST', `/api/admin/articles/${followUp.id}/publish`)).statusCode, 200);
  const after = await linksOf(bridge);
  assert.ok(![...after.related, ...after.seeAlso].includes(followUp.id), 'blocked: not taken under the original');
  assert.equal(after.related[0], pinned, 'the pin stays first');
  // The other way round nothing is blocked: the original is under its follow-up.
  assert.equal((await linksOf(followUp.id)).related[0], bridge);

  // Unblocked, the follow-up comes under the original when it is next linked.
  assert.equal((await api('PATCH', `/api/admin/articles/${bridge}`, { blockedLinks: [], pinnedLinks: [] })).statusCode, 200);
  assert.equal((await linksOf(bridge)).related[0], followUp.id);
});

test('what an editor names is checked: an article that is not there, the article itself, one both pinned and blocked', async () => {
  const bridge = ids.get(BRIDGE.externalId!)!;
  const cases: [unknown, string, RegExp][] = [
    [{ pinnedLinks: ['/articles/لا-يوجد-خبر-بهذا-الرابط'] }, 'pinnedLinks', /لم نجد خبراً في «\/articles\/لا-يوجد-خبر-بهذا-الرابط»/],
    [{ blockedLinks: [slugs.get(BRIDGE.externalId!)!] }, 'blockedLinks', /لا يرتبط الخبر بنفسه/],
    [{ pinnedLinks: [slugs.get(OTHERS[1]!.externalId!)!], blockedLinks: [String(ids.get(OTHERS[1]!.externalId!))] }, 'blockedLinks', /مثبّت ومستبعد معاً/],
  ];
  for (const [payload, field, message] of cases) {
    const res = await api('PATCH', `/api/admin/articles/${bridge}`, payload);
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
    assert.equal(res.json().field, field);
    assert.match(res.json().message_ar, message);
  }
  assert.deepEqual((await api('GET', `/api/admin/articles/${bridge}`)).json().linkRules, { pinned: [], blocked: [] }, 'nothing saved');
});

test('the editor lists the links and blocks a ticked one; its addresses pin', async () => {
  const bridge = ids.get(BRIDGE.externalId!)!;
  const { email, password } = await makeUser(site.store, 'editor', 'محرر الروابط');
  const c = new Client(site.app);
  await c.login(email, password);
  const page = await c.get(`/admin/articles/${bridge}`);
  const shown = (await linksOf(bridge)).related[1]!;
  assert.match(page.body, new RegExp(`<input type="checkbox" name="block" value="${shown}"> استبعد`));

  const pin = ids.get(OTHERS[2]!.externalId!)!;
  const article = (await site.store.getArticleById(bridge))!;
  const form: Record<string, string> = {
    title: article.title,
    description: article.description,
    tags: article.tags.join('، '),
    body: article.body,
    action: 'save',
    block: String(shown),
    pinned_links: `/articles/${encodeURIComponent(slugs.get(OTHERS[2]!.externalId!)!)}\n`,
    blocked_links: '',
  };
  const saved = await c.post(`/admin/articles/${bridge}`, form);
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  const links = await linksOf(bridge);
  assert.equal(links.related[0], pin);
  assert.ok(![...links.related, ...links.seeAlso].includes(shown));
  const again = (await c.get(`/admin/articles/${bridge}`)).body;
  assert.match(again, /<textarea id="blocked_links"[^>]*>\/articles\//, 'the blocked one is listed for undoing');
});

test('a pinned draft shows under the article once it is published, without saving the article again', async () => {
  const host = ids.get(OTHERS[3]!.externalId!)!;
  const draft = (await api('POST', '/api/admin/articles', { title: 'تقرير خاص قيد الإعداد عن أسواق المنطقة', body: 'فقرة أولى من التقرير الخاص.', status: 'draft' })).json();
  assert.equal((await api('PATCH', `/api/admin/articles/${host}`, { pinnedLinks: [String(draft.id)] })).statusCode, 200);
  assert.ok(![...(await linksOf(host)).related, ...(await linksOf(host)).seeAlso].includes(draft.id), 'a draft is linked from nowhere');
  assert.equal((await api('POST', `/api/admin/articles/${draft.id}/publish`)).statusCode, 200);
  assert.equal((await linksOf(host)).related[0], draft.id);
  // Taken down again, it leaves.
  assert.equal((await api('POST', `/api/admin/articles/${draft.id}/unpublish`)).statusCode, 200);
  assert.ok(!(await linksOf(host)).related.includes(draft.id));
});

test('the preview follows the rules as the form has them, before they are saved', async () => {
  const bridge = ids.get(BRIDGE.externalId!)!;
  const pin = OTHERS[4]!;
  const firstRelated = (html: string) => /<aside class="related"[\s\S]*?<a href="[^"]*">([^<]*)<\/a>/.exec(html)?.[1];
  const draft = { id: bridge, title: BRIDGE.title, description: BRIDGE.description, body: BRIDGE.body, tags: BRIDGE.tags };
  assert.equal((await api('PATCH', `/api/admin/articles/${bridge}`, { pinnedLinks: [], blockedLinks: [] })).statusCode, 200);
  const pinned = (await api('POST', '/api/admin/preview', { ...draft, pinnedLinks: [`/articles/${slugs.get(pin.externalId!)}`] })).json();
  assert.equal(firstRelated(pinned.html), pin.title);
  const plain = (await api('POST', '/api/admin/preview', draft)).json();
  const top = firstRelated(plain.html)!;
  assert.notEqual(top, pin.title, 'nothing is stored: without the form\'s rules the engine picks');
  const topId = (await api('POST', '/api/admin/suggest', draft)).json().links.related[0].id as number;
  const blocked = (await api('POST', '/api/admin/preview', { ...draft, blockedLinks: [String(topId)] })).json();
  assert.ok(!blocked.html.includes(`>${top}</a>`), 'the blocked one is gone from the preview');
  // A half-typed address does not break the preview: the stored rules stand in.
  assert.equal((await api('POST', '/api/admin/preview', { ...draft, pinnedLinks: ['/articles/نصف-عنوا'] })).statusCode, 200);
  assert.deepEqual((await api('GET', `/api/admin/articles/${bridge}`)).json().linkRules, { pinned: [], blocked: [] }, 'a preview saves nothing');
});
