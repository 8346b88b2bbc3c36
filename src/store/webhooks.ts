/**
 * What webhooks ask of storage: the hooks an owner registers, and an outbox
 * of deliveries. An event is written as one delivery row for each active
 * hook that listens to it; any web process may then claim a due row for a
 * while (a lease), send it and record how it went, so that several
 * processes over one PostgreSQL database send each delivery once, and a
 * restart loses none. The Store exposes it as `store.webhooks`; the Kysely
 * implementation (webhooks-kysely.ts) runs on either engine.
 */
import type { WebhookEvent } from '../content/webhook-events.js';

export interface Webhook {
  id: number;
  name: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  /** When the last delivery was tried, its HTTP status (null: no answer) and why it failed (null: it did not). */
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
}

/** A hook with the secret its deliveries are signed with: only the sender and the owner who made it see it. */
export interface WebhookWithSecret extends Webhook {
  secret: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: number;
  webhookId: number;
  event: WebhookEvent;
  /** The JSON body, as sent. */
  payload: string;
  createdAt: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  /** The last try's HTTP status (null: no answer), error, time taken. */
  responseStatus: number | null;
  error: string | null;
  durationMs: number | null;
  finishedAt: string | null;
}

/** A claimed delivery, with what it takes to send it. */
export interface ClaimedDelivery extends WebhookDelivery {
  url: string;
  secret: string;
}

/** How one try went. */
export interface DeliveryOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
  /** When to try again; null: never (delivered, or out of tries). */
  retryAt: string | null;
  /** The receiver said it wants no more (HTTP 410 Gone): the hook is switched off. */
  gone?: boolean;
}

export interface NewWebhook {
  name: string;
  url: string;
  events: WebhookEvent[];
  secret: string;
  createdBy: number;
}

export interface WebhookStore {
  create(hook: NewWebhook, now: string): Promise<WebhookWithSecret>;
  list(): Promise<Webhook[]>;
  get(id: number): Promise<Webhook | null>;
  update(id: number, changes: Partial<Pick<WebhookWithSecret, 'name' | 'url' | 'events' | 'active' | 'secret'>>, now: string): Promise<Webhook | null>;
  delete(id: number): Promise<boolean>;
  /** Writes the event once for every active hook that listens to it (or for one hook: a test); returns how many. */
  enqueue(event: WebhookEvent, payload: string, now: string, onlyHook?: number): Promise<number>;
  /** A hook's deliveries, newest first. */
  deliveries(webhookId: number, limit: number): Promise<WebhookDelivery[]>;
  /** Sends a delivery again from now (a failed one, or a delivered one asked for again). */
  retry(webhookId: number, deliveryId: number, now: string): Promise<boolean>;
  /**
   * Takes up to `limit` due deliveries (pending, their time come, nobody's
   * lease running) for this process until `leaseUntil`, counting the try.
   */
  claim(now: string, leaseUntil: string, limit: number): Promise<ClaimedDelivery[]>;
  /** Records a try; frees the lease. */
  finish(id: number, outcome: DeliveryOutcome, now: string): Promise<void>;
  /** Deletes finished deliveries older than this; returns how many. */
  prune(before: string): Promise<number>;
  /** Heard after each enqueue in this process, so that its sender goes at once instead of at its next look. */
  onEnqueued(listener: () => void): () => void;
}
