/**
 * The Admin API's webhooks (`/api/admin/webhooks`), the owners' alone, as
 * API keys are: a hook says to an outside address what happens on the site.
 * Registered inside the Admin API, whose hooks (role, CSRF, errors) it keeps.
 */
import type { FastifyPluginAsync } from 'fastify';
import { WEBHOOK_EVENTS } from '../../content/webhook-events.js';
import { notFound } from '../../services/newsroom-errors.js';
import { createWebhook, loadWebhook, retryDelivery, rotateWebhookSecret, testWebhook, updateWebhook, WEBHOOK_NAME_MAX, WEBHOOK_URL_MAX } from '../../services/webhooks.js';
import type { Store } from '../../store/store.js';
import type { WebhookDelivery } from '../../store/webhooks.js';
import { actorOf } from './http.js';
import * as S from './schemas.js';

const common = { tags: ['webhooks'], security: S.ADMIN_SECURITY };
const owner = { role: 'owner' as const };

const eventList = { type: 'array', items: { type: 'string', enum: [...WEBHOOK_EVENTS] }, minItems: 1, uniqueItems: true } as const;

const WebhookSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' } },
    active: { type: 'boolean' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    lastAttemptAt: { type: ['string', 'null'] },
    lastStatus: { type: ['integer', 'null'], description: 'HTTP status of the last try; null: no answer' },
    lastError: { type: ['string', 'null'] },
  },
} as const;

const WithSecret = {
  type: 'object',
  properties: { ...WebhookSchema.properties, secret: { type: 'string', description: 'Signs X-Sahifa-Signature; shown in this answer only' } },
} as const;

const DeliverySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    event: { type: 'string' },
    payload: { type: 'object', additionalProperties: true },
    createdAt: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: ['string', 'null'] },
    responseStatus: { type: ['integer', 'null'] },
    error: { type: ['string', 'null'] },
    durationMs: { type: ['integer', 'null'] },
    finishedAt: { type: ['string', 'null'] },
  },
} as const;

const Fields = {
  name: { type: 'string', minLength: 1, maxLength: WEBHOOK_NAME_MAX },
  url: { type: 'string', minLength: 1, maxLength: WEBHOOK_URL_MAX },
  events: eventList,
} as const;

type Id = S.IdRoute;

export const deliveryJson = (d: WebhookDelivery) => {
  const { webhookId: _hook, payload, ...rest } = d;
  return { ...rest, payload: JSON.parse(payload) as object };
};

export const webhooksApi: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get('/webhooks', {
    config: owner,
    schema: { ...common, summary: 'Webhooks, with how their last delivery went (never their secrets)', response: { 200: { type: 'array', items: WebhookSchema }, ...S.errors(401, 403) } },
  }, async () => store.webhooks.list());

  app.post<{ Body: { name: string; url: string; events: string[] } }>('/webhooks', {
    config: owner,
    schema: {
      ...common,
      summary: 'Register a webhook: POSTs to `url` for each of its `events`; the secret is in this answer only',
      body: { type: 'object', required: ['name', 'url', 'events'], additionalProperties: false, properties: Fields },
      response: { 201: WithSecret, ...S.errors(400, 401, 403) },
    },
  }, async (req, reply) => reply.code(201).send(await createWebhook(store, actorOf(req), req.body)));

  app.patch<Id & { Body: { name?: string; url?: string; events?: string[]; active?: boolean } }>('/webhooks/:id', {
    config: owner,
    schema: {
      ...common,
      summary: 'Change a webhook, or pause (`active: false`: what waits is not sent) and resume it',
      params: S.IdParams,
      body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { ...Fields, active: { type: 'boolean' } } },
      response: { 200: WebhookSchema, ...S.errors(400, 401, 403, 404) },
    },
  }, async (req) => updateWebhook(store, req.params.id, req.body));

  app.post<Id>('/webhooks/:id/secret', {
    config: owner,
    schema: { ...common, summary: 'A new secret, from the next delivery on; in this answer only', params: S.IdParams, response: { 200: WithSecret, ...S.errors(401, 403, 404) } },
  }, async (req) => rotateWebhookSecret(store, req.params.id));

  app.delete<Id>('/webhooks/:id', {
    config: owner,
    schema: { ...common, summary: 'Remove a webhook and its deliveries', params: S.IdParams, response: { 204: { type: 'null' }, ...S.errors(401, 403, 404) } },
  }, async (req, reply) => {
    if (!(await store.webhooks.delete(req.params.id))) throw notFound('webhook', 'لم نجد هذا الخطاف');
    return reply.code(204).send();
  });

  app.post<Id>('/webhooks/:id/test', {
    config: owner,
    schema: { ...common, summary: 'Send a `ping` to the webhook now (its deliveries say how it went)', params: S.IdParams, response: { 202: { type: 'object', properties: { queued: { type: 'boolean' } } }, ...S.errors(401, 403, 404, 409) } },
  }, async (req, reply) => {
    await testWebhook(store, req.params.id);
    return reply.code(202).send({ queued: true });
  });

  app.get<Id & { Querystring: { limit: number } }>('/webhooks/:id/deliveries', {
    config: owner,
    schema: {
      ...common,
      summary: "A webhook's deliveries, newest first (kept 30 days)",
      params: S.IdParams,
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } } },
      response: { 200: { type: 'array', items: DeliverySchema }, ...S.errors(400, 401, 403, 404) },
    },
  }, async (req) => {
    await loadWebhook(store, req.params.id);
    return (await store.webhooks.deliveries(req.params.id, req.query.limit)).map(deliveryJson);
  });

  app.post<{ Params: { id: number; delivery: number } }>('/webhooks/:id/deliveries/:delivery/retry', {
    config: owner,
    schema: {
      ...common,
      summary: 'Send a delivery again, now, with its tries counted afresh',
      params: { type: 'object', required: ['id', 'delivery'], properties: { id: { type: 'integer', minimum: 1 }, delivery: { type: 'integer', minimum: 1 } } },
      response: { 202: { type: 'object', properties: { queued: { type: 'boolean' } } }, ...S.errors(401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    await retryDelivery(store, req.params.id, req.params.delivery);
    return reply.code(202).send({ queued: true });
  });
};
