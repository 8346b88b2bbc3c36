/** Opens the store a location names. Only SQLite files for now. */
import type { ChangeBus } from './changes.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export async function openStore(location: string, options: { changes?: ChangeBus } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error('PostgreSQL is not supported yet: give a SQLite file path');
  }
  return openSqliteStore(location, options);
}
