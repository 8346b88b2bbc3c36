/**
 * Webhooks' storage (webhooks.ts) over Kysely, the same queries on SQLite
 * and PostgreSQL. A claim is one UPDATE … RETURNING whose WHERE checks the
 * lease on the row itself: on PostgreSQL a second process's UPDATE that
 * meets a row just claimed re-reads it, sees the new lease and leaves it,
 * so no delivery is sent by two processes at once (SQLite writes one at a
 * time anyway).
 */
import type { Generated, Kysely, Selectable } from 'kysely';
import type { WebhookEvent } from '../content/webhook-events.js';
import type { ClaimedDelivery, DeliveryOutcome, DeliveryStatus, NewWebhook, Webhook, WebhookDelivery, WebhookStore, WebhookWithSecret } from './webhooks.js';

export interface WebhooksTable {
  id: Generated<number>;
  name: string;
  url: string;
  /** HMAC key of the X-Sahifa-Signature header. */
  secret: string;
  /** JSON WebhookEvent[]. */
  events: string;
  active: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  payload: string;
  created_at: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  lease_until: string | null;
  response_status: number | null;
  error: string | null;
  duration_ms: number | null;
  finished_at: string | null;
}

export type WebhookTables = {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
};

type HookRow = Selectable<WebhooksTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;

const toHook = (r: HookRow): Webhook => ({
  id: r.id,
  name: r.name,
  url: r.url,
  events: JSON.parse(r.events) as WebhookEvent[],
  active: Boolean(r.active),
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastAttemptAt: r.last_attempt_at,
  lastStatus: r.last_status,
  lastError: r.last_error,
});

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  event: r.event as WebhookEvent,
  payload: r.payload,
  createdAt: r.created_at,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  responseStatus: r.response_status,
  error: r.error,
  durationMs: r.duration_ms,
  finishedAt: r.finished_at,
});

export class KyselyWebhookStore implements WebhookStore {
  private readonly db: Kysely<WebhookTables>;
  private readonly listeners = new Set<() => void>();

  constructor(db: Kysely<any>) {
    this.db = db as Kysely<WebhookTables>;
  }

  async create(hook: NewWebhook, now: string): Promise<WebhookWithSecret> {
    const row = await this.db
      .insertInto('webhooks')
      .values({ name: hook.name, url: hook.url, secret: hook.secret, events: JSON.stringify(hook.events), active: 1, created_by: hook.createdBy, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...toHook(row), secret: row.secret };
  }

  async list(): Promise<Webhook[]> {
    return (await this.db.selectFrom('webhooks').selectAll().orderBy('id').execute()).map(toHook);
  }

  async get(id: number): Promise<Webhook | null> {
    const row = await this.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toHook(row) : null;
  }

  async update(id: number, changes: Partial<Pick<WebhookWithSecret, 'name' | 'url' | 'events' | 'active' | 'secret'>>, now: string): Promise<Webhook | null> {
    const set: Partial<HookRow> = { updated_at: now };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.url !== undefined) set.url = changes.url;
    if (changes.events !== undefined) set.events = JSON.stringify(changes.events);
    if (changes.active !== undefined) set.active = changes.active ? 1 : 0;
    if (changes.secret !== undefined) set.secret = changes.secret;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('webhooks').set(set).where('id', '=', id).returningAll().executeTakeFirst();
      // A paused hook's waiting deliveries are not kept to be sent days later, when resumed.
      if (row && changes.active === false) {
        await trx
          .updateTable('webhook_deliveries')
          .set({ status: 'failed', error: 'not sent: the webhook was paused', lease_until: null, next_attempt_at: null, finished_at: now })
          .where('webhook_id', '=', id)
          .where('status', '=', 'pending')
          .execute();
      }
      return row ? toHook(row) : null;
    });
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async enqueue(event: WebhookEvent, payload: string, now: string, onlyHook?: number): Promise<number> {
    let hooks = this.db.selectFrom('webhooks').select(['id', 'events']);
    hooks = onlyHook === undefined ? hooks.where('active', '=', 1) : hooks.where('id', '=', onlyHook);
    const targets = (await hooks.execute()).filter((h) => onlyHook !== undefined || (JSON.parse(h.events) as string[]).includes(event));
    if (!targets.length) return 0;
    await this.db
      .insertInto('webhook_deliveries')
      .values(targets.map((h) => ({ webhook_id: h.id, event, payload, created_at: now, status: 'pending' as const, attempts: 0, next_attempt_at: now })))
      .execute();
    for (const listener of this.listeners) listener();
    return targets.length;
  }

  async deliveries(webhookId: number, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toDelivery);
  }

  async retry(webhookId: number, deliveryId: number, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, lease_until: null, finished_at: null })
      .where('id', '=', deliveryId)
      .where('webhook_id', '=', webhookId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    for (const listener of this.listeners) listener();
    return true;
  }

  async claim(now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]> {
    const free = (eb: any) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]);
    const due = this.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where(free)
      .where('webhook_id', 'in', this.db.selectFrom('webhooks').select('id').where('active', '=', 1))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit);
    const claimed = await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({ lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', due)
      .where('status', '=', 'pending')
      .where(free)
      .returningAll()
      .execute();
    if (!claimed.length) return [];
    const hooks = await this.db
      .selectFrom('webhooks')
      .select(['id', 'url', 'secret'])
      .where('id', 'in', [...new Set(claimed.map((d) => d.webhook_id))])
      .execute();
    const byId = new Map(hooks.map((h) => [h.id, h]));
    return claimed.flatMap((d) => {
      const hook = byId.get(d.webhook_id);
      return hook ? [{ ...toDelivery(d), url: hook.url, secret: hook.secret }] : [];
    });
  }

  async finish(id: number, outcome: DeliveryOutcome, now: string): Promise<void> {
    const status: DeliveryStatus = outcome.ok ? 'delivered' : outcome.retryAt ? 'pending' : 'failed';
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('webhook_deliveries')
        .set({
          status,
          lease_until: null,
          next_attempt_at: status === 'pending' ? outcome.retryAt : null,
          response_status: outcome.status,
          error: outcome.error,
          duration_ms: outcome.durationMs,
          finished_at: status === 'pending' ? null : now,
        })
        .where('id', '=', id)
        .returning('webhook_id')
        .executeTakeFirst();
      if (!row) return;
      await trx
        .updateTable('webhooks')
        .set({ last_attempt_at: now, last_status: outcome.status, last_error: outcome.error, ...(outcome.gone ? { active: 0, updated_at: now } : {}) })
        .where('id', '=', row.webhook_id)
        .execute();
    });
  }


  async prune(before: string): Promise<number> {
    const r = await this.db.deleteFrom('webhook_deliveries').where('status', '<>', 'pending').where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  onEnqueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
