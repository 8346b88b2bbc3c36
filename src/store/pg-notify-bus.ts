/**
 * Change notifications through PostgreSQL (LISTEN/NOTIFY): every process
 * on every machine that opens the same database hears what any of them
 * changed, so that each render cache stays exact.
 *
 * - A store write hands its change to `sendWithin`, which runs
 *   `select pg_notify(channel, json)` inside the write's transaction:
 *   PostgreSQL delivers it when the transaction commits, and never for a
 *   rollback. After the commit the store calls `sent`, which tells this
 *   process's own listeners at once (they do not wait for the round trip;
 *   the copy that comes back from the server is recognised and skipped).
 * - `publish` (a change made outside a store write) tells the local
 *   listeners and sends the NOTIFY through the pool.
 * - One dedicated connection LISTENs, from the first `subscribe` on. When
 *   it is lost (the server restarted, the network dropped) it reconnects by
 *   itself, waiting 50 ms, then twice as long each time, up to 2 s.
 *   Notifications sent while it was away are not replayed (PostgreSQL
 *   keeps none for a listener that is gone), so each time it listens
 *   again after a loss it tells this process's listeners EVERYTHING:
 *   render caches drop all their pages rather than serve ones a missed
 *   change made stale. (The first connection is made when the render cache
 *   subscribes, as the server is built, before it takes requests.)
 * - A NOTIFY payload is under 8,000 bytes: a larger change (a big import)
 *   goes out in several notifications.
 *
 * The listening connection and the pool do not keep a process alive on
 * their own (as an open SQLite file does not): a server's socket does.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { EVERYTHING, isEmpty, LocalBus, type Change, type ChangeListener, type TransactionalBus } from './changes.js';

export const DEFAULT_CHANNEL = 'sahifa_changes';
/** NOTIFY payloads must be shorter than 8,000 bytes. */
const MAX_PAYLOAD = 7900;
const MIN_DELAY = 50;
const MAX_DELAY = 2000;

interface Message {
  /** The bus that sent it. */
  o: string;
  c: Change;
}

export interface PgNotifyBusOptions {
  /** How to open the listening connection. */
  connection: pg.ClientConfig;
  channel?: string;
  /** For `publish` outside a transaction. */
  pool: pg.Pool;
  /** Told of lost connections and failed notifications; console.warn by default. */
  onError?: (error: Error) => void;
}

/** A channel name as an SQL identifier. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function isChange(c: unknown): c is Change {
  const x = c as Change | null;
  return !!x && Array.isArray(x.pages) && Array.isArray(x.cards) && Array.isArray(x.lists);
}

/** Splits a change into pieces whose messages fit a NOTIFY payload. */
export function payloads(origin: string, change: Change, max = MAX_PAYLOAD): string[] {
  const whole = JSON.stringify({ o: origin, c: change } satisfies Message);
  if (Buffer.byteLength(whole) <= max) return [whole];
  const out: string[] = [];
  const base = Buffer.byteLength(JSON.stringify({ o: origin, c: { pages: [], cards: [], lists: [] } } satisfies Message));
  let piece: Change = { pages: [], cards: [], lists: [] };
  let size = base;
  const flush = () => {
    if (!isEmpty(piece)) out.push(JSON.stringify({ o: origin, c: piece } satisfies Message));
    piece = { pages: [], cards: [], lists: [] };
    size = base;
  };
  const add = <K extends 'pages' | 'cards' | 'lists'>(key: K, value: Change[K][number]) => {
    const cost = Buffer.byteLength(JSON.stringify(value)) + 1;
    if (base + cost > max) return; // one value larger than a payload: cannot be sent
    if (size + cost > max) flush();
    (piece[key] as unknown[]).push(value);
    size += cost;
  };
  for (const id of change.pages) add('pages', id);
  for (const id of change.cards) add('cards', id);
  for (const list of change.lists) add('lists', list);
  flush();
  return out;
}

export class PgNotifyBus extends LocalBus implements TransactionalBus {
  readonly channel: string;
  /** This bus's mark on what it sends, to skip its own notifications when they come back. */
  readonly origin = randomUUID();
  /** How many times the listening connection has been (re)established. */
  connections = 0;

  readonly #options: PgNotifyBusOptions;
  #client: pg.Client | null = null;
  #listening = false;
  #waiting: (() => void)[] = [];
  #retry: NodeJS.Timeout | null = null;
  #delay = MIN_DELAY;
  #closed = false;

  constructor(options: PgNotifyBusOptions) {
    super();
    this.#options = options;
    this.channel = options.channel ?? DEFAULT_CHANNEL;
  }

  async sendWithin(db: Kysely<any>, change: Change): Promise<void> {
    for (const payload of payloads(this.origin, change)) {
      await sql`select pg_notify(${this.channel}, ${payload})`.execute(db);
    }
  }

  sent(change: Change): void {
    if (!isEmpty(change)) this.deliver(change);
  }

  override publish(change: Change): void {
    if (isEmpty(change)) return;
    this.deliver(change);
    for (const payload of payloads(this.origin, change)) {
      this.#options.pool.query('select pg_notify($1, $2)', [this.channel, payload]).catch((e: Error) => this.#error(e));
    }
  }

  override subscribe(listener: ChangeListener): () => void {
    const unsubscribe = super.subscribe(listener);
    this.#connect();
    return unsubscribe;
  }

  /** Resolves once the bus is listening (a test waits for it before changing anything). */
  ready(): Promise<void> {
    if (this.#listening || this.#closed) return Promise.resolve();
    this.#connect();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  get listening(): boolean {
    return this.#listening;
  }

  override async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    this.#listening = false;
    for (const resolve of this.#waiting.splice(0)) resolve();
    if (client) await client.end().catch(() => {});
    await super.close();
  }

  #connect(): void {
    if (this.#closed || this.#client || this.#retry) return;
    const client = new pg.Client(this.#options.connection);
    this.#client = client;
    client.on('notification', (message) => this.#receive(message));
    client.on('error', (e) => this.#lost(client, e));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    client
      .connect()
      .then(() => client.query(`LISTEN ${ident(this.channel)}`))
      .then(() => {
        if (this.#client !== client) return;
        (client as unknown as { connection?: { stream?: Socket } }).connection?.stream?.unref?.();
        this.#listening = true;
        this.#delay = MIN_DELAY;
        // Back after a loss: what was sent meanwhile is lost, whatever was cached may be stale.
        if (this.connections++ > 0) {
          try {
            this.deliver(EVERYTHING);
          } catch (e) {
            this.#error(e instanceof Error ? e : new Error(String(e)));
          }
        }
        for (const resolve of this.#waiting.splice(0)) resolve();
      })
      .catch((e: Error) => this.#lost(client, e));
  }

  #lost(client: pg.Client, error: Error): void {
    if (this.#client !== client) return;
    this.#client = null;
    this.#listening = false;
    client.removeAllListeners('notification');
    client.on('error', () => {});
    client.end().catch(() => {});
    if (this.#closed) return;
    this.#error(new Error(`change notifications: lost the listening connection (${error.message}); reconnecting`));
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.#connect();
    }, this.#delay);
    this.#retry.unref();
    this.#delay = Math.min(this.#delay * 2, MAX_DELAY);
  }

  #receive(message: pg.Notification): void {
    if (message.channel !== this.channel || !message.payload) return;
    let parsed: Message;
    try {
      parsed = JSON.parse(message.payload) as Message;
    } catch {
      return;
    }
    if (parsed.o === this.origin || !isChange(parsed.c)) return;
    try {
      this.deliver(parsed.c);
    } catch (e) {
      this.#error(e instanceof Error ? e : new Error(String(e)));
    }
  }

  #error(error: Error): void {
    (this.#options.onError ?? ((e: Error) => console.warn(`sahifa: ${e.message}`)))(error);
  }
}
