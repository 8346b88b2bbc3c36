/**
 * Opens the store a location names: a postgres:// or postgresql:// URL opens
 * PostgreSQL (postgres.ts), anything else is a SQLite file (sqlite.ts).
 *
 * `changes` is the bus a SQLite store tells its changes on (between the
 * processes of one `sahifa serve`, src/store/cluster-bus.ts; other processes
 * on the same file hear them through its change log, sqlite-change-log.ts). A PostgreSQL store
 * always uses its own, LISTEN/NOTIFY (pg-notify-bus.ts), which reaches
 * every process on every machine: a bus given here is not used for it.
 */
import type { LocalBus } from './changes.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export async function openStore(location: string, options: { changes?: LocalBus } = {}): Promise<Store> {
  if (isPostgresLocation(location)) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(location);
  }
  return openSqliteStore(location, options);
}
