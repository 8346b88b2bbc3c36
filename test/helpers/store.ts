import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ArticleInput } from '../../src/content/article.js';
import type { LocalBus } from '../../src/store/changes.js';
import { isPostgresLocation } from '../../src/store/open.js';
import { openPostgresStore, parsePostgresUrl, type PostgresStoreOptions } from '../../src/store/postgres.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';

/**
 * The PostgreSQL database the suite runs against when set (.ci/run sets it
 * for its second run); unset, every test store is SQLite.
 */
export const TEST_DATABASE_URL = process.env.SAHIFA_TEST_DATABASE_URL || undefined;
/** Which engine the stores of this run are on. */
export const ENGINE: 'sqlite' | 'postgres' = TEST_DATABASE_URL ? 'postgres' : 'sqlite';
/** For `test(name, { skip: sqliteOnly })` on tests about SQLite itself. */
export const sqliteOnly = TEST_DATABASE_URL ? 'about SQLite only (SAHIFA_TEST_DATABASE_URL is set)' : false;
/** For `test(name, { skip: postgresOnly })` on tests of PostgreSQL itself (test/postgres). */
export const postgresOnly = TEST_DATABASE_URL
  ? false
  : 'needs PostgreSQL: set SAHIFA_TEST_DATABASE_URL=postgres://… (.ci/run starts a private server and does)';

/**
 * A place to keep a test's database that stores can open (and open again,
 * several at once): a SQLite file in a new temporary folder, or with
 * SAHIFA_TEST_DATABASE_URL a new PostgreSQL schema of that database
 * (a URL with ?schema=t_…). `drop()` removes it.
 */
export interface TestDatabase {
  /** What `--db` or openStore() takes. */
  location: string;
  open(options?: { changes?: LocalBus } & PostgresStoreOptions): Promise<SqliteStore>;
  drop(): Promise<void>;
}

let schemas = 0;

export function testDatabase(): TestDatabase {
  if (!TEST_DATABASE_URL) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-test-'));
    const location = path.join(dir, 'site.db');
    return {
      location,
      open: (options = {}) => openSqliteStore(location, options),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${process.pid}_${++schemas}_${randomBytes(3).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schema);
  const location = url.toString();
  return {
    location,
    open: (options = {}) => openPostgresStore(location, { poolSize: 4, ...options }),
    drop: () => dropSchema(schema),
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: parsePostgresUrl(TEST_DATABASE_URL!).connectionString });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty store: SQLite in memory, or with SAHIFA_TEST_DATABASE_URL
 * a store in a new PostgreSQL schema, dropped when the store is closed.
 */
export async function memoryStore(options: { changes?: LocalBus } = {}): Promise<SqliteStore> {
  if (!TEST_DATABASE_URL) return openSqliteStore(':memory:', options);
  const place = testDatabase();
  const store = await place.open(options);
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await place.drop();
  };
  return store;
}

/** The same as memoryStore(): a new, empty store of the run's engine. */
export const testStore = memoryStore;

/** Opens the store at a location testDatabase() gave (a SQLite file or a PostgreSQL URL). */
export function openAt(location: string, options: { changes?: LocalBus } & PostgresStoreOptions = {}): Promise<SqliteStore> {
  return isPostgresLocation(location) ? openPostgresStore(location, { poolSize: 4, ...options }) : openSqliteStore(location, options);
}

let n = 0;
/** A short article of our own, in the model's shape. */
export function article(overrides: Partial<ArticleInput> = {}): ArticleInput {
  n++;
  return {
    title: `خبر تجريبي رقم ${n}: تفاصيل الحدث`,
    description: 'وصف قصير للخبر التجريبي.',
    tags: ['سياسة'],
    body: [
      '## خلفية الحدث',
      'الفقرة الأولى من الخبر تروي ما جرى في العاصمة صباح اليوم.',
      'الفقرة الثانية تضيف تفاصيل عن المشاركين في الاجتماع.',
      '> «نحن أمام مرحلة جديدة»، قال المتحدث الرسمي.',
      '## ردود الفعل',
      'الفقرة الثالثة تنقل ردود الفعل الأولى على الاتفاق.',
      'الفقرة الرابعة تشرح ما ينتظر الطرفين في الأسابيع المقبلة.',
      'الفقرة الخامسة تختم الخبر بالخطوات التالية.',
    ].join('\n\n'),
    publishedAt: new Date(Date.UTC(2026, 5, 1) + n * 3600_000).toISOString(),
    ...overrides,
  };
}
