/**
 * The default store: SQLite embedded through better-sqlite3 (WAL, foreign
 * keys on), queried through Kysely: the store itself is KyselyStore
 * (kysely-store.ts), the same code that runs on PostgreSQL (postgres.ts).
 */
import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import { LocalBus } from './changes.js';
import { KyselyStore, migrate } from './kysely-store.js';
import type { Database } from './schema.js';
import { SqliteChangeLog } from './sqlite-change-log.js';

/** The store's class, by the name it had when SQLite was the only engine (tests and tools use it). */
export { KyselyStore as SqliteStore, KyselyStore } from './kysely-store.js';

/**
 * `changes` is this process's own bus (a cluster worker's, which also
 * reaches its siblings); a file's store also logs every change for other
 * processes that open the file (sqlite-change-log.ts).
 */
export async function openSqliteStore(file: string, options: { changes?: LocalBus } = {}): Promise<KyselyStore> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Sqlite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrate(db);
  const local = options.changes ?? new LocalBus();
  return new KyselyStore(db, file === ':memory:' ? local : new SqliteChangeLog(db, local));
}

/**
 * Transactions that begin IMMEDIATE, taking the file's write lock at once.
 * Every transaction here writes; one begun deferred reads first, and if
 * another process writes the file meanwhile (`sahifa import` while the site
 * runs, another `sahifa serve`), its first write fails at once with
 * SQLITE_BUSY, busy_timeout or not: its snapshot is stale. Begun immediate,
 * it waits for the other's commit instead (up to busy_timeout) and reads
 * what that wrote. Within one process Kysely runs one query at a time anyway.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new (class extends SqliteDriver {
      override async beginTransaction(connection: DatabaseConnection): Promise<void> {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      }
    })(this.config);
  }
}

/**
 * Kysely prepares every query it runs; SQLite's prepare is the larger part
 * of a short query's cost. Reusing the prepared statement for the same SQL
 * text (Kysely's queries are parameterised, so the set of texts is small)
 * makes page reads about twice as fast. Bounded, in case of dynamic IN lists.
 */
function withStatementCache(sqlite: Sqlite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  } as SqliteDatabase;
}
