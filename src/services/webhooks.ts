/**
 * Webhooks: owners register addresses that are told, by a signed POST, what
 * happens to the stories readers see (content/webhook-events.ts). This file
 * checks what an owner registers and writes the events to the outbox
 * (store/webhooks.ts); the sender (webhook-sender.ts) delivers them.
 *
 * The workflow and the scheduler announce after their save has committed:
 * a process that dies between the two loses that one announcement, as
 * Ghost's and WordPress's hooks (called after the save) do. Imports and the
 * demo load announce nothing: a migration's thousands of old stories are
 * not news to push to anyone.
 */
import { headlineFields, type Article } from '../content/article.js';
import { eventsBetween, isWebhookEvent, WEBHOOK_EVENTS, type ArticleEvent, type WebhookEvent } from '../content/webhook-events.js';
import { cleanLine } from '../content/text-cleanup.js';
import { randomToken } from '../auth/tokens.js';
import type { Actor } from '../auth/roles.js';
import { mediaUrl } from '../media/images.js';
import type { Store } from '../store/store.js';
import type { Webhook, WebhookWithSecret } from '../store/webhooks.js';
import { AppError, invalid, notFound } from './newsroom-errors.js';

export const WEBHOOK_NAME_MAX = 100;
export const WEBHOOK_URL_MAX = 2000;
/** A site rarely needs more; each one is a POST for every event. */
export const MAX_WEBHOOKS = 20;

export const newWebhookSecret = (): string => `whsec_${randomToken(32)}`;

export interface WebhookFields {
  name: string;
  url: string;
  events: string[];
}

function checkName(name: string): string {
  const clean = cleanLine(name);
  if (!clean) throw invalid('name', 'is required', 'اكتب اسماً للخطاف');
  if ([...clean].length > WEBHOOK_NAME_MAX) throw invalid('name', `at most ${WEBHOOK_NAME_MAX} characters`, `الاسم ${WEBHOOK_NAME_MAX} حرفاً على الأكثر`);
  return clean;
}

/** An absolute http(s) address; its fragment is dropped (it never reaches the server). */
function checkUrl(url: string): string {
  const given = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(given);
  } catch {
    throw invalid('url', 'must be an absolute http(s) address', 'اكتب عنواناً كاملاً يبدأ بـ https://');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid('url', 'must be an http(s) address', 'يجب أن يبدأ العنوان بـ https:// أو http://');
  parsed.hash = '';
  const out = parsed.toString();
  if (out.length > WEBHOOK_URL_MAX) throw invalid('url', `at most ${WEBHOOK_URL_MAX} characters`, `العنوان ${WEBHOOK_URL_MAX} حرف على الأكثر`);
  return out;
}

function checkEvents(events: string[]): WebhookEvent[] {
  const unknown = events.find((e) => !isWebhookEvent(e));
  if (unknown !== undefined) throw invalid('events', `unknown event ${unknown}: one of ${WEBHOOK_EVENTS.join(', ')}`, `حدث غير معروف: ${unknown}`);
  const chosen = WEBHOOK_EVENTS.filter((e) => events.includes(e));
  if (!chosen.length) throw invalid('events', 'choose at least one event', 'اختر حدثاً واحداً على الأقل');
  return chosen;
}

export async function loadWebhook(store: Store, id: number): Promise<Webhook> {
  const hook = await store.webhooks.get(id);
  if (!hook) throw notFound('webhook', 'لم نجد هذا الخطاف');
  return hook;
}

/** A paused hook sends nothing, a test or a delivery sent again included: resumed first. */
export function requireActive(hook: Webhook): void {
  if (!hook.active) throw new AppError(409, 'paused', 'The webhook is paused: resume it first', 'الخطاف موقوف: شغّله أولاً.');
}

export async function createWebhook(store: Store, actor: Actor, fields: WebhookFields): Promise<WebhookWithSecret> {
  const hook = { name: checkName(fields.name), url: checkUrl(fields.url), events: checkEvents(fields.events) };
  if ((await store.webhooks.list()).length >= MAX_WEBHOOKS) throw invalid('url', `at most ${MAX_WEBHOOKS} webhooks`, `${MAX_WEBHOOKS} خطافاً على الأكثر`);
  return store.webhooks.create({ ...hook, secret: newWebhookSecret(), createdBy: actor.userId }, new Date().toISOString());
}

export async function updateWebhook(store: Store, id: number, fields: Partial<WebhookFields> & { active?: boolean }): Promise<Webhook> {
  const hook = await store.webhooks.update(
    id,
    {
      ...(fields.name !== undefined ? { name: checkName(fields.name) } : {}),
      ...(fields.url !== undefined ? { url: checkUrl(fields.url) } : {}),
      ...(fields.events !== undefined ? { events: checkEvents(fields.events) } : {}),
      ...(fields.active !== undefined ? { active: fields.active } : {}),
    },
    new Date().toISOString(),
  );
  if (!hook) throw notFound('webhook', 'لم نجد هذا الخطاف');
  return hook;
}

/** Sends a delivery again, now, its tries counted afresh. */
export async function retryDelivery(store: Store, id: number, deliveryId: number): Promise<void> {
  requireActive(await loadWebhook(store, id));
  if (!(await store.webhooks.retry(id, deliveryId, new Date().toISOString()))) throw notFound('delivery', 'لم نجد هذا الإرسال');
}

/** A new secret, from now on (a leaked one stops being any use). */
export async function rotateWebhookSecret(store: Store, id: number): Promise<WebhookWithSecret> {
  const secret = newWebhookSecret();
  const hook = await store.webhooks.update(id, { secret }, new Date().toISOString());
  if (!hook) throw notFound('webhook', 'لم نجد هذا الخطاف');
  return { ...hook, secret };
}

/** What a payload says of a story: enough to post or alert about it; the Content API has the whole text. */
async function articlePayload(store: Store, a: Article) {
  const image = a.featureImageId ? await store.newsroom.getMedia(a.featureImageId) : null;
  return {
    id: a.id,
    ...headlineFields(a),
    genre: a.genre,
    ...(a.genre === 'sponsored' ? { sponsor: a.sponsor } : {}),
    status: a.status,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    featured: a.featured,
    breakingUntil: a.breakingUntil,
    live: a.live,
    // The sender adds the story's address and makes the image's absolute, with the site's (SAHIFA_URL).
    image: image ? { url: mediaUrl(image.original.file), alt: image.alt, width: image.width, height: image.height } : null,
  };
}

async function enqueue(store: Store, events: ArticleEvent[], article: Article): Promise<number> {
  if (!events.length) return 0;
  // Most sites have no hook listening: then a save costs this one small read, and no payload is made.
  const hooks = await store.webhooks.list();
  if (!hooks.some((h) => h.active && events.some((e) => h.events.includes(e.event)))) return 0;
  const now = new Date().toISOString();
  const body = await articlePayload(store, article);
  let written = 0;
  for (const { event, correction, update } of events) {
    const payload = { event, createdAt: now, article: body, ...(correction ? { correction } : {}), ...(update ? { update } : {}) };
    written += await store.webhooks.enqueue(event, JSON.stringify(payload), now);
  }
  return written;
}

/**
 * Announces what a save changed for readers. `edited`: the words an editor
 * edits changed (not only a correction or a live update added).
 */
export async function announceSave(store: Store, before: Article | null, after: Article, edited: boolean): Promise<void> {
  await enqueue(store, eventsBetween(before, after, edited, new Date().toISOString()), after);
}

/** Announces the stories the scheduler has just published. */
export async function announcePublished(store: Store, ids: number[]): Promise<void> {
  for (const id of ids) {
    const article = await store.getArticleById(id);
    if (article) await announceSave(store, null, article, true);
  }
}

/** Announces a story deleted while readers could see it. */
export async function announceDeleted(store: Store, before: Article): Promise<void> {
  const now = new Date().toISOString();
  const wasPublic = eventsBetween(null, before, true, now).some((e) => e.event === 'article.published');
  if (wasPublic) await enqueue(store, [{ event: 'article.deleted' }], before);
}

/** A "ping" for one hook, whatever its events: the owner's check that the address answers. */
export async function testWebhook(store: Store, id: number): Promise<void> {
  const now = new Date().toISOString();
  const hook = await loadWebhook(store, id);
  requireActive(hook);
  await store.webhooks.enqueue('ping', JSON.stringify({ event: 'ping', createdAt: now, webhook: { id: hook.id, name: hook.name, events: hook.events } }), now, id);
}
