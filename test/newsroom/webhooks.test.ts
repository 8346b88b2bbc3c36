import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { publishDue } from '../../src/services/scheduler.js';
import { WebhookSender } from '../../src/web/webhook-sender.js';
import { testDatabase } from '../helpers/store.js';
import type { WebhookDelivery } from '../../src/store/webhooks.js';
import { receiver, signedBy } from '../helpers/receiver.js';
import { apiCaller, arabicArticle, makeKey, newsroomSite, postArticle, type Site } from './helpers.js';

/** A moment for what should not come: nothing is sent in it. */
const settle = () => new Promise((r) => setTimeout(r, 300));

/** Waits until every delivery of a hook has its try written down: the receiver holds a delivery a moment before the sender records its answer. */
async function recorded(hookId: number, store: Pick<Site['store'], 'webhooks'> = site.store): Promise<void> {
  const done = (d: WebhookDelivery) => d.attempts > 0 && (d.status !== 'pending' || d.error !== null || d.responseStatus !== null);
  const until = Date.now() + 8000;
  while (!(await store.webhooks.deliveries(hookId, 500)).every(done) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

let site: Site;
let owner: ReturnType<typeof apiCaller>;
let editor: ReturnType<typeof apiCaller>;
let author: ReturnType<typeof apiCaller>;

before(async () => {
  site = await newsroomSite();
  owner = apiCaller(site.app, (await makeKey(site.store, 'owner')).auth);
  editor = apiCaller(site.app, (await makeKey(site.store, 'editor')).auth);
  author = apiCaller(site.app, (await makeKey(site.store, 'author')).auth);
});
after(() => site.close());

// After each test, even a failed one, no hook of it stays to hear the next test's stories.
afterEach(async () => {
  for (const h of await site.store.webhooks.list()) await site.store.webhooks.delete(h.id);
});

async function register(url: string, events: string[], name = 'تطبيق الهاتف') {
  const res = await owner('POST', '/api/admin/webhooks', { name, url, events });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; secret: string; events: string[]; active: boolean };
}

test('only owners register webhooks, and a bad address or event is refused with the reason', async () => {
  const hook = { name: 'إشعارات', url: 'https://example.com/hook', events: ['article.published'] };
  assert.equal((await editor('POST', '/api/admin/webhooks', hook)).statusCode, 403);
  assert.equal((await editor('GET', '/api/admin/webhooks')).statusCode, 403);

  for (const url of ['ftp://example.com/x', 'example.com/hook', 'javascript:alert(1)']) {
    const res = await owner('POST', '/api/admin/webhooks', { ...hook, url });
    assert.equal(res.statusCode, 400, url);
    assert.equal(res.json().field, 'url');
    assert.match(res.json().message_ar, /عنوان/);
  }
  const unknown = await owner('POST', '/api/admin/webhooks', { ...hook, events: ['article.exploded'] });
  assert.equal(unknown.statusCode, 400);
  assert.equal((await owner('POST', '/api/admin/webhooks', { ...hook, events: [] })).statusCode, 400);
  assert.equal((await owner('POST', '/api/admin/webhooks', { ...hook, name: '   ' })).statusCode, 400);

  const made = await register(hook.url + '#ignored', hook.events, hook.name);
  assert.match(made.secret, /^whsec_[\w-]{40,}$/);
  const listed = (await owner('GET', '/api/admin/webhooks')).json();
  const mine = listed.find((h: { id: number }) => h.id === made.id);
  assert.equal(mine.url, 'https://example.com/hook', 'the fragment is dropped');
  assert.equal(mine.secret, undefined, 'a list never shows the secret');
  assert.equal((await owner('DELETE', `/api/admin/webhooks/${made.id}`)).statusCode, 204);
  assert.equal((await owner('DELETE', `/api/admin/webhooks/${made.id}`)).statusCode, 404);
});

test("a story's life reaches the hook as signed events: published, updated, corrected, breaking, live, unpublished, deleted — a draft's never", async () => {
  const rx = await receiver();
  try {
    const hook = await register(rx.url, ['article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'article.breaking', 'article.corrected', 'live.updated']);

    const draft = await postArticle(author, arabicArticle('مسودة لا يعلم بها أحد: تفاصيل'));
    await author('PATCH', `/api/admin/articles/${draft.id}`, { title: 'مسودة معدلة لا يعلم بها أحد: تفاصيل' });
    await settle();
    assert.equal(rx.got.length, 0, 'a draft tells nobody');

    const { id, slug } = await postArticle(author, { ...arabicArticle('افتتاح مكتبة عامة في إربد: آلاف الكتب'), status: 'published' });
    const [published] = await rx.waitFor(1);
    assert.equal(published!.json.event, 'article.published');
    assert.equal(published!.headers['x-sahifa-event'], 'article.published');
    assert.match(String(published!.headers['x-sahifa-delivery']), /^\d+$/);
    assert.equal(published!.headers['content-type'], 'application/json; charset=utf-8');
    assert.ok(signedBy(hook.secret, published!), 'signed with the hook secret');
    assert.ok(!signedBy('whsec_another', published!));
    const a = published!.json.article!;
    assert.equal(a.title, 'افتتاح مكتبة عامة في إربد: آلاف الكتب');
    assert.equal(a.slug, slug);
    assert.equal(a.url, `http://127.0.0.1:3000/articles/${encodeURIComponent(slug)}`, "absolute, with the site's address");
    assert.deepEqual(a.tags, ['ثقافة', 'الأردن']);
    assert.equal(a.body, undefined, 'the text is for the Content API');

    // Saving it unchanged is no news; changing its words is.
    await author('PATCH', `/api/admin/articles/${id}`, { tags: ['ثقافة', 'الأردن'] });
    await author('PATCH', `/api/admin/articles/${id}`, { title: 'افتتاح أكبر مكتبة عامة في إربد: آلاف الكتب' });
    const updated = (await rx.waitFor(2))[1]!;
    assert.equal(updated.json.event, 'article.updated');
    assert.equal(updated.json.article!.title, 'افتتاح أكبر مكتبة عامة في إربد: آلاف الكتب');

    await author('POST', `/api/admin/articles/${id}/corrections`, { text: 'ذكرت نسخة سابقة أن المكتبة تضم ألف كتاب، والصواب عشرة آلاف.' });
    const corrected = (await rx.waitFor(3))[2]!;
    assert.equal(corrected.json.event, 'article.corrected', 'a correction is its own event, not an update');
    assert.match(corrected.json.correction!.text, /عشرة آلاف/);

    const until = new Date(Date.now() + 3 * 3600_000).toISOString();
    await editor('PATCH', `/api/admin/articles/${id}`, { breakingUntil: until });
    // Two events, sent side by side: the edit (its breaking time is an editor's field) and the alert.
    const breaking = (await rx.waitFor(5)).slice(3).map((r) => r.json.event);
    assert.deepEqual(breaking.sort(), ['article.breaking', 'article.updated']);

    await author('POST', `/api/admin/articles/${id}/live-updates`, { text: 'وصل وزير الثقافة إلى المكتبة قبل قليل.' });
    const live = await rx.waitFor(rx.got.length + 1);
    const posted = live.find((r) => r.json.event === 'live.updated');
    assert.ok(posted, live.map((r) => r.json.event).join());
    assert.match(posted.json.update!.text, /وزير الثقافة/);

    const before = rx.got.length;
    await author('POST', `/api/admin/articles/${id}/unpublish`);
    assert.equal((await rx.waitFor(before + 1))[before]!.json.event, 'article.unpublished');
    // Deleting what readers no longer see tells nobody; deleting a public story does.
    await author('DELETE', `/api/admin/articles/${id}`);
    const other = await postArticle(author, { ...arabicArticle('معرض للكتاب المستعمل في الزرقاء: أسعار رمزية'), status: 'published' });
    await rx.waitFor(before + 2);
    await author('DELETE', `/api/admin/articles/${other.id}`);
    const gone = (await rx.waitFor(before + 3))[before + 2]!;
    assert.equal(gone.json.event, 'article.deleted');
    assert.equal(gone.json.article!.id, other.id);
    await settle();
    assert.equal(rx.got.length, before + 3, 'nothing more');

    await recorded(hook.id);
    const deliveries = (await owner('GET', `/api/admin/webhooks/${hook.id}/deliveries`)).json();
    assert.equal(deliveries.length, rx.got.length);
    assert.ok(deliveries.every((d: { status: string; attempts: number; responseStatus: number }) => d.status === 'delivered' && d.attempts === 1 && d.responseStatus === 200));
    assert.equal(typeof deliveries[0].payload, 'object');
    await owner('DELETE', `/api/admin/webhooks/${hook.id}`);
  } finally {
    await rx.close();
  }
});

test('a hook hears only the events it chose; a scheduled story is announced when its time comes', async () => {
  const rx = await receiver();
  try {
    const hook = await register(rx.url, ['article.published']);
    const soon = new Date(Date.now() + 1200).toISOString();
    const { id } = await postArticle(author, { ...arabicArticle('مهرجان للشعر في جرش: موعد مجدول'), status: 'scheduled', publishAt: soon });
    await author('PATCH', `/api/admin/articles/${id}`, { description: 'وصف جديد لمهرجان الشعر في جرش.' });
    await settle();
    assert.equal(rx.got.length, 0, 'not yet');
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(soon) - Date.now() + 50)));
    assert.deepEqual(await publishDue(site.store), [id]);
    const [r] = await rx.waitFor(1);
    assert.equal(r!.json.event, 'article.published');
    assert.equal(r!.json.article!.id, id);
    // Its update is not among this hook's events.
    await author('PATCH', `/api/admin/articles/${id}`, { title: 'مهرجان للشعر في جرش يفتتح: قصائد' });
    await settle();
    assert.equal(rx.got.length, 1);
    await owner('DELETE', `/api/admin/webhooks/${hook.id}`);
  } finally {
    await rx.close();
  }
});

test('a failed delivery is tried again later and then delivered; 410 Gone switches the hook off; a paused hook sends nothing', async () => {
  const rx = await receiver();
  try {
    rx.answerWith((n) => (n === 1 ? 503 : 200));
    const hook = await register(rx.url, ['article.published']);
    await postArticle(author, { ...arabicArticle('سوق للمنتجات الريفية في مادبا: إقبال'), status: 'published' });
    await rx.waitFor(1);
    await recorded(hook.id);
    let [d] = (await owner('GET', `/api/admin/webhooks/${hook.id}/deliveries`)).json();
    assert.equal(d.status, 'pending');
    assert.equal(d.attempts, 1);
    assert.equal(d.responseStatus, 503);
    assert.match(d.error, /^HTTP 503: تعذر الاستقبال الآن/);
    const wait = Date.parse(d.nextAttemptAt) - Date.now();
    assert.ok(wait > 50_000 && wait <= 60_000, `tried again in about a minute (${wait} ms)`);
    const listed = (await owner('GET', '/api/admin/webhooks')).json().find((h: { id: number }) => h.id === hook.id);
    assert.equal(listed.lastStatus, 503);

    // Nothing is sent before its time; at its time it is.
    const sender = site.app.newsroom.webhooks!;
    assert.equal(await sender.runOnce(), 0);
    assert.equal(await sender.runOnce(() => new Date(Date.now() + 61_000)), 1);
    [d] = (await owner('GET', `/api/admin/webhooks/${hook.id}/deliveries`)).json();
    assert.equal(d.status, 'delivered');
    assert.equal(d.attempts, 2);
    assert.equal(rx.got[1]!.headers['x-sahifa-delivery'], rx.got[0]!.headers['x-sahifa-delivery'], 'the same delivery id on every try');

    // The owner's test, and a receiver that says it wants no more.
    rx.answerWith(() => 410);
    assert.equal((await owner('POST', `/api/admin/webhooks/${hook.id}/test`)).statusCode, 202);
    const ping = (await rx.waitFor(3))[2]!;
    assert.equal(ping.json.event, 'ping');
    assert.ok(signedBy(hook.secret, ping));
    await recorded(hook.id);
    const off = (await owner('GET', '/api/admin/webhooks')).json().find((h: { id: number }) => h.id === hook.id);
    assert.equal(off.active, false, '410 Gone switches it off');
    assert.equal((await owner('POST', `/api/admin/webhooks/${hook.id}/test`)).statusCode, 409);

    // Resumed, then paused while a delivery waits: it is not kept to be sent later.
    rx.answerWith(() => 500);
    assert.equal((await owner('PATCH', `/api/admin/webhooks/${hook.id}`, { active: true })).json().active, true);
    await postArticle(author, { ...arabicArticle('ورشة للخط العربي في السلط: مشاركون'), status: 'published' });
    await rx.waitFor(4);
    await recorded(hook.id);
    await owner('PATCH', `/api/admin/webhooks/${hook.id}`, { active: false });
    [d] = (await owner('GET', `/api/admin/webhooks/${hook.id}/deliveries`)).json();
    assert.equal(d.status, 'failed');
    assert.match(d.error, /paused/);
    assert.equal(await sender.runOnce(() => new Date(Date.now() + 3600_000)), 0);
    assert.equal(rx.got.length, 4);

    // An owner sends a delivery again by hand.
    rx.answerWith(() => 204);
    await owner('PATCH', `/api/admin/webhooks/${hook.id}`, { active: true });
    assert.equal((await owner('POST', `/api/admin/webhooks/${hook.id}/deliveries/${d.id}/retry`)).statusCode, 202);
    await rx.waitFor(5);
    await recorded(hook.id);
    [d] = (await owner('GET', `/api/admin/webhooks/${hook.id}/deliveries`)).json();
    assert.equal(d.status, 'delivered');
    assert.equal((await owner('POST', `/api/admin/webhooks/${hook.id}/deliveries/999999/retry`)).statusCode, 404);
    await owner('DELETE', `/api/admin/webhooks/${hook.id}`);
  } finally {
    await rx.close();
  }
});

test('an address that does not answer is recorded and tried again; a new secret signs from the next delivery on', async () => {
  const rx = await receiver();
  const closedPort = (await receiver());
  const deadUrl = closedPort.url;
  await closedPort.close();
  try {
    const dead = await register(deadUrl, ['article.published'], 'عنوان معطل');
    const live = await register(rx.url, ['article.published'], 'عنوان يعمل');
    const rotated = (await owner('POST', `/api/admin/webhooks/${live.id}/secret`)).json();
    assert.notEqual(rotated.secret, live.secret);
    await postArticle(author, { ...arabicArticle('حملة لتشجير الطرق في عجلون: متطوعون'), status: 'published' });
    const [r] = await rx.waitFor(1);
    assert.ok(signedBy(rotated.secret, r!));
    assert.ok(!signedBy(live.secret, r!), 'the old secret no longer signs');
    await recorded(dead.id);
    const [d] = (await owner('GET', `/api/admin/webhooks/${dead.id}/deliveries`)).json();
    assert.equal(d.status, 'pending');
    assert.equal(d.responseStatus, null);
    assert.match(d.error, /ECONNREFUSED/);
    await owner('DELETE', `/api/admin/webhooks/${dead.id}`);
    await owner('DELETE', `/api/admin/webhooks/${live.id}`);
  } finally {
    await rx.close();
  }
});

test('two processes over one database send each delivery once', async () => {
  const db = testDatabase();
  const [a, b] = [await db.open(), await db.open()];
  const rx = await receiver();
  const senders: WebhookSender[] = [];
  try {
    const hook = await a.webhooks.create({ name: 'خطاف', url: rx.url, events: ['article.published'], secret: 'whsec_test', createdBy: (await makeKey(a, 'owner')).user.id }, new Date().toISOString());
    const now = new Date().toISOString();
    for (let i = 0; i < 60; i++) await a.webhooks.enqueue('article.published', JSON.stringify({ event: 'article.published', createdAt: now, n: i }), now);
    // Each process's sender, with no kicks of its own (the events were written by neither) and a slow poll: both race on runOnce.
    for (const store of [a, b]) senders.push(new WebhookSender(store, { baseUrl: 'http://127.0.0.1:3000', pollMs: 3600_000 }));
    await Promise.all([senders[0]!.runOnce(), senders[1]!.runOnce(), senders[0]!.runOnce(), senders[1]!.runOnce()]);
    await rx.waitFor(60);
    await recorded(hook.id, a);
    const ids = rx.got.map((r) => r.headers['x-sahifa-delivery']);
    assert.equal(ids.length, 60, 'no delivery sent twice');
    assert.equal(new Set(ids).size, 60);
    assert.deepEqual(new Set(rx.got.map((r) => (r.json as unknown as { n: number }).n)).size, 60);
    const log = await a.webhooks.deliveries(hook.id, 100);
    assert.ok(log.every((d) => d.status === 'delivered' && d.attempts === 1));

    // The claim itself, raced harder than senders do: 24 claims at once from both processes' connections.
    for (const s of senders.splice(0)) await s.stop();
    for (let i = 0; i < 120; i++) await a.webhooks.enqueue('article.published', JSON.stringify({ event: 'article.published', createdAt: now, n: i }), now);
    const at = new Date().toISOString();
    const lease = new Date(Date.now() + 60_000).toISOString();
    const claims = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? a : b).webhooks.claim(at, lease, 10)));
    const claimed = claims.flat().map((d) => d.id);
    assert.equal(new Set(claimed).size, claimed.length, `${claimed.length - new Set(claimed).size} deliveries claimed twice`);
    // A claim that lost a race takes fewer; what is left is there for the next.
    const rest = (await a.webhooks.claim(at, lease, 200)).map((d) => d.id);
    assert.ok(!rest.some((id) => claimed.includes(id)));
    assert.equal(claimed.length + rest.length, 120, 'every due delivery claimed once');
  } finally {
    for (const s of senders) await s.stop();
    await rx.close();
    await a.close();
    await b.close();
    await db.drop();
  }
});
