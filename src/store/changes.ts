/**
 * What changed, said once by whoever changed it, heard by every web process
 * (render caches purge on it). A change names pages, cards and lists, so
 * that exactly the cached pages that show something changed are dropped:
 *   page:ID      the article's own page (its body, its links)
 *   card:ID      its summary wherever it is shown (title, description, tags, date, image)
 *   list:home    which articles the home page, its genre pages (/opinion, /analysis) and site feeds list
 *   list:tag:KEY which articles a tag's pages and feeds list
 *   list:author:KEY which articles an author's page and feeds list (the byline's folded key)
 *   list:authors   which bylines have public articles (the authors' index, /authors)
 *   list:breaking the breaking-news strip ("عاجل") every page shows
 *   list:profile:KEY what an author's profile says, on their page and under their stories
 *   list:corrections the site's corrections page (/corrections)
 * or, when a process may have missed changes (its PostgreSQL LISTEN
 * connection was down, pg-notify-bus.ts), `everything`: drop all.
 */
import type { Kysely, Transaction } from 'kysely';
import { bylineKey } from '../content/bylines.js';

export interface Change {
  pages: number[];
  cards: number[];
  /** 'home', 'tag:<tag key>', 'author:<byline key>', 'profile:<byline key>', 'breaking' or 'corrections'. */
  lists: string[];
  /** Anything may have changed: purge every cached page. */
  everything?: boolean;
}

/** The change that says anything may have changed. */
export const EVERYTHING: Change = Object.freeze({ pages: [], cards: [], lists: [], everything: true }) as Change;

export type ChangeListener = (change: Change) => void;

export interface ChangeBus {
  publish(change: Change): void;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** Dependency keys a change purges. */
export function changeKeys(change: Change): string[] {
  return [...change.pages.map((id) => `page:${id}`), ...change.cards.map((id) => `card:${id}`), ...change.lists.map((l) => `list:${l}`)];
}

export function isEmpty(change: Change): boolean {
  return !change.everything && change.pages.length + change.cards.length + change.lists.length === 0;
}

/** One process: listeners are called in order, synchronously. */
export class LocalBus implements ChangeBus {
  protected readonly listeners = new Set<ChangeListener>();

  publish(change: Change): void {
    if (!isEmpty(change)) this.deliver(change);
  }

  /** Hands a change to this process's listeners (also used by buses that relay between processes). */
  deliver(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** Gathers a change over a transaction, to publish once it has committed. */
export class ChangeSet {
  private readonly pages = new Set<number>();
  private readonly cards = new Set<number>();
  private readonly lists = new Set<string>();

  page(id: number): this {
    this.pages.add(id);
    return this;
  }

  card(id: number): this {
    this.cards.add(id);
    return this;
  }

  /** The home list and the lists of these tags (by tag key). */
  listings(tagKeys: Iterable<string>): this {
    this.lists.add('home');
    for (const key of tagKeys) this.lists.add(`tag:${key}`);
    return this;
  }

  /** The pages of these bylines, in any spelling (articles without one are on none), and the authors' index. */
  authors(bylines: Iterable<string | undefined>): this {
    for (const byline of bylines) {
      if (!byline) continue;
      this.lists.add(`author:${bylineKey(byline)}`);
      this.lists.add('authors');
    }
    return this;
  }

  /** What is shown of an author's profile (by the byline's folded key): their page, feeds, and the box under their stories. */
  profile(key: string): this {
    this.lists.add(`profile:${key}`);
    return this;
  }

  /** The corrections page: the corrected stories and their corrections. */
  corrections(): this {
    this.lists.add('corrections');
    return this;
  }

  /** The breaking-news strip on every page. */
  breaking(): this {
    this.lists.add('breaking');
    return this;
  }

  build(): Change {
    return { pages: [...this.pages], cards: [...this.cards], lists: [...this.lists] };
  }
}

/**
 * A bus whose messages travel inside the write's own transaction
 * (PostgreSQL's NOTIFY is delivered when the transaction commits, and never
 * for a rollback). The store hands it each change with `sendWithin` before
 * committing and calls `sent` after, instead of `publish`.
 */
export interface TransactionalBus extends ChangeBus {
  /** Queues the change in the open transaction `db`: other processes hear it on commit. */
  sendWithin(db: Kysely<any>, change: Change): Promise<void>;
  /** After the commit: tells this process's own listeners. */
  sent(change: Change): void;
}

export function isTransactionalBus(bus: ChangeBus): bus is TransactionalBus {
  return typeof (bus as Partial<TransactionalBus>).sendWithin === 'function';
}

/**
 * Runs a write transaction and, once it has committed, says what it changed.
 * A bus that travels with the transaction (PostgreSQL's NOTIFY) is handed
 * the change before the commit: other processes hear it when, and only if,
 * the write commits. Any other bus is told after the commit.
 */
export async function writeAndTell<DB, T>(db: Kysely<DB>, bus: ChangeBus, work: (trx: Transaction<DB>, change: ChangeSet) => Promise<T>): Promise<T> {
  const change = new ChangeSet();
  const transactional = isTransactionalBus(bus) ? bus : null;
  const result = await db.transaction().execute(async (trx) => {
    const out = await work(trx, change);
    if (transactional) await transactional.sendWithin(trx, change.build());
    return out;
  });
  if (transactional) transactional.sent(change.build());
  else bus.publish(change.build());
  return result;
}
