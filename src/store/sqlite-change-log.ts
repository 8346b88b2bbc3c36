/**
 * Changes to a SQLite file made by other processes, heard by web processes.
 *
 * The web processes of one `sahifa serve` tell each other at once (the
 * cluster's channel, cluster-bus.ts), but anything else that opens the
 * same file — `sahifa import` while the site runs, a second `sahifa serve`,
 * a script — has no channel to them, and their render caches would show the
 * old pages until max-age. So every committed write also appends its change
 * to a small table, `change_log`, in the write's own transaction (a
 * rolled-back write leaves no row), and a process that listens reads the
 * rows written by others every POLL_MS: one indexed range read of a table
 * of the last hour's writes. A process skips its own rows and those of its
 * own cluster (`origin`), which it has already heard.
 *
 * PostgreSQL does not need this: its LISTEN/NOTIFY bus (pg-notify-bus.ts)
 * reaches every process on every machine.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { EVERYTHING, isEmpty, type Change, type ChangeListener, type LocalBus, type TransactionalBus } from './changes.js';

export const POLL_MS = Number(process.env.SAHIFA_CHANGE_POLL_MS ?? 500);
/** Rows older than this are dropped: a process that has not read them for an hour is not serving. */
const KEEP_MS = 60 * 60 * 1000;
/** Prune on one write in this many: a write costs one insert, not a delete too. */
const PRUNE_EVERY = 64;
const BATCH = 500;

/** The table (migration 0006, SQLite only). */
export async function createChangeLog(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute();
}

/** The origin shared by the web processes of one `sahifa serve` (set by its primary), or one of this process's own. */
export function processOrigin(): string {
  return process.env.SAHIFA_CLUSTER_ID ?? randomUUID();
}

export class SqliteChangeLog implements TransactionalBus {
  private cursor: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private writes = 0;

  constructor(
    private readonly db: Kysely<any>,
    /** This process's listeners (and, for a cluster worker, its siblings'). */
    private readonly local: LocalBus,
    readonly origin: string = processOrigin(),
    private readonly pollMs: number = POLL_MS,
  ) {}

  async sendWithin(trx: Kysely<any>, change: Change): Promise<void> {
    if (isEmpty(change)) return;
    const now = Date.now();
    await sql`insert into change_log (origin, change, at) values (${this.origin}, ${JSON.stringify(change)}, ${now})`.execute(trx);
    if (++this.writes % PRUNE_EVERY === 0) await sql`delete from change_log where at < ${now - KEEP_MS}`.execute(trx);
  }

  sent(change: Change): void {
    this.local.publish(change);
  }

  /** A change made outside a store write: logged on its own. */
  publish(change: Change): void {
    this.local.publish(change);
    if (!isEmpty(change)) void this.sendWithin(this.db, change).catch(() => {});
  }

  subscribe(listener: ChangeListener): () => void {
    const unsubscribe = this.local.subscribe(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), this.pollMs).unref();
      void this.poll(); // sets the cursor: from now on
    }
    return unsubscribe;
  }

  /** Reads the rows other processes wrote since the last poll and tells this process's listeners. */
  poll(): Promise<void> {
    this.polling ??= this.readNew()
      .catch(() => {}) // a busy or closing database: the next poll reads the same rows
      .finally(() => (this.polling = null));
    return this.polling;
  }

  private async readNew(): Promise<void> {
    if (this.cursor === null) {
      // Listening starts now: what was written before is already in the pages this process will render.
      const { rows } = await sql<{ last: number | null }>`select max(id) as last from change_log`.execute(this.db);
      this.cursor = rows[0]?.last ?? 0;
      return;
    }
    for (;;) {
      const { rows } = await sql<{ id: number; origin: string; change: string }>`
        select id, origin, change from change_log where id > ${this.cursor} order by id limit ${BATCH}`.execute(this.db);
      // Ids are consecutive (AUTOINCREMENT; a rolled-back insert takes none back with it), so a
      // gap means rows were pruned before this process read them: it may have missed anything.
      if (rows.length && rows[0]!.id > this.cursor + 1) this.local.deliver(EVERYTHING);
      for (const row of rows) {
        this.cursor = row.id;
        if (row.origin !== this.origin) this.local.deliver(JSON.parse(row.change) as Change);
      }
      if (rows.length < BATCH) return;
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
    await this.local.close();
  }
}
