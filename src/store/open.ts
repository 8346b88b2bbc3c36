/** Opens the store a location names. Only SQLite files for now. */
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error('PostgreSQL is not supported yet: give a SQLite file path');
  }
  return openSqliteStore(location);
}
