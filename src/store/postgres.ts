/**
 * The store on PostgreSQL, through the `pg` client: the same KyselyStore as
 * on SQLite (kysely-store.ts), on a connection pool, with change
 * notifications through LISTEN/NOTIFY (pg-notify-bus.ts).
 *
 * The location is a postgres:// or postgresql:// URL, as libpq reads it.
 * One parameter of our own: `?schema=NAME` keeps the site's tables in that
 * schema (made if missing) rather than in the first of the role's search
 * path; two sites (or two test runs) can so share a database. The change
 * notifications then use a channel of that schema's own.
 *
 * The pool reconnects by itself: when the server restarts, the queries in
 * flight fail and the next ones open new connections.
 */
import {
  Kysely,
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import type { ChangeBus } from './changes.js';
import { KyselyStore, migrate } from './kysely-store.js';
import { DEFAULT_CHANNEL, PgNotifyBus } from './pg-notify-bus.js';
import type { Database } from './schema.js';
import { templateTexts } from './templates.js';

export interface PostgresStoreOptions {
  /** The change bus; a PgNotifyBus on the same database by default. */
  changes?: ChangeBus;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Told of connection errors the store recovers from; console.warn by default. */
  onError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The connection string without our `schema` parameter, and the schema it named. */
export function parsePostgresUrl(location: string): { connectionString: string; schema: string | null } {
  const url = new URL(location);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name in the database URL: ${schema}`);
  return { connectionString: url.toString(), schema };
}

/** The change channel of a schema: one per site sharing a database. */
export function channelFor(schema: string): string {
  return schema === 'public' ? DEFAULT_CHANNEL : `${DEFAULT_CHANNEL}_${schema}`.slice(0, 63);
}

export async function openPostgresStore(location: string, options: PostgresStoreOptions = {}): Promise<KyselyStore> {
  const { connectionString, schema: named } = parsePostgresUrl(location);
  const onError = options.onError ?? ((e: Error) => console.warn(`sahifa: ${e.message}`));
  const connection: pg.ClientConfig = { connectionString, ...(named ? { options: `-c search_path=${named}` } : {}) };
  if (named) await createSchema(connection, named);

  const pool = new pg.Pool({
    ...connection,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    // Idle connections do not keep the process alive (a server's socket does).
    allowExitOnIdle: true,
  });
  // An idle connection the server closed (a restart): the pool drops it and opens another when needed.
  pool.on('error', (e) => onError(new Error(`database connection lost: ${e.message}`)));
  // A connection in use when the server goes away: the query in flight fails (its caller is told),
  // the pool drops the connection when it is given back. Without a listener, the client's
  // 'error' event would end the process.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    preparedStatements(client);
  });
  const db = new Kysely<Database>({ dialect: new Dialect({ pool }) });
  try {
    const schema = named ?? (await currentSchema(db));
    await migrate(db, schema);
    const changes = options.changes ?? new PgNotifyBus({ connection, pool, channel: channelFor(schema), onError });
    return new KyselyStore(db, changes);
  } catch (e) {
    await db.destroy();
    throw e;
  }
}

/** Names of the page reads' statements, in the order first run. */
const statementNames = new Map<string, string>();

/**
 * Runs the page reads (the templates of templates.ts: one statement for an
 * article, home or tag page) as named prepared statements, so that
 * PostgreSQL parses and plans each once per connection rather than on
 * every execution: planning the article page's statement took about as
 * long as executing it. Their plans do not depend on the values; every
 * other query runs unnamed, planned for its own values, as before.
 */
function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && templateTexts.has(text)) {
      let name = statementNames.get(text);
      if (name === undefined) statementNames.set(text, (name = `sahifa_page_${statementNames.size}`));
      return query({ name, text, values });
    }
    return query(...args);
  };
}

/**
 * What Kysely's migrator asks of the database (which tables exist), read
 * from the catalog of the schemas in the search path only. Kysely's own
 * PostgreSQL introspector reads every table of every schema and calls
 * functions on their names, which fails when another session drops one of
 * them meanwhile (as tests in schemas of their own do when they end).
 */
class SchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any (current_schemas(false)) and c.relkind in ('r', 'p', 'v', 'm')`.execute(this.db);
    return rows
      .filter((r) => options.withInternalKyselyTables || !r.name.startsWith('kysely_'))
      .map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v' || r.kind === 'm', columns: [] }));
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

class Dialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SchemaIntrospector(db);
  }
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('the database role has no schema to create tables in: give one with ?schema=NAME');
  return schema;
}

async function createSchema(connection: pg.ClientConfig, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: connection.connectionString });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`create schema if not exists "${schema}"`);
  } catch (e) {
    // Two processes creating it at once: one of them loses the race, and that is fine.
    const exists = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
    if (exists.rowCount === 0) throw e;
  } finally {
    await client.end();
  }
}
