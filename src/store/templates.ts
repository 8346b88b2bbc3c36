/**
 * Queries built and compiled once, then run with fresh values. Kysely
 * builds a query's tree and compiles it to SQL on every call; for a page's
 * one statement (json-rows.ts) that was about a fifth of its CPU time on
 * SQLite. A template is built once with named markers in place of the
 * values that change (`arg('slug')`); each run swaps the values into the
 * compiled parameter list and executes the same SQL text (which SQLite's
 * statement cache and PostgreSQL's named statements then reuse).
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

const MARK = '\u0000sahifa-arg:';

/**
 * The SQL texts of the templates compiled so far, in this process. On
 * PostgreSQL exactly these run as named prepared statements
 * (postgres.ts): their plans are the same whatever the values, so a
 * cached plan is as good as a fresh one. Other queries (search, whose
 * best plan depends on the words sought) are planned at each run.
 */
export const templateTexts = new Set<string>();

/** A stand-in for a value given at each run under `name`. */
export function arg<T>(name: string): T {
  return `${MARK}${name}` as unknown as T;
}

interface Compiled {
  sql: string;
  parameters: readonly unknown[];
  /** For each parameter, the argument it takes, or null for a value fixed at build time. */
  slots: (string | null)[];
}

export class QueryTemplates {
  readonly #compiled = new Map<string, Compiled>();

  constructor(private readonly db: Kysely<any>) {}

  /** Runs the template `key` (built by `build` the first time) with `args`; the rows. */
  async run<R>(key: string, build: () => Compilable<R>, args: Record<string, unknown>): Promise<R[]> {
    let t = this.#compiled.get(key);
    if (!t) {
      const { sql, parameters } = build().compile();
      const slots = parameters.map((p) => (typeof p === 'string' && p.startsWith(MARK) ? p.slice(MARK.length) : null));
      for (const s of slots) if (s !== null && !(s in args)) throw new Error(`query template ${key}: no value for ${s}`);
      t = { sql, parameters, slots };
      templateTexts.add(sql);
      this.#compiled.set(key, t);
    }
    const { parameters, slots } = t;
    const values = slots.map((s, i) => (s === null ? parameters[i] : args[s]));
    const { rows } = await this.db.executeQuery<R>(CompiledQuery.raw(t.sql, values));
    return rows;
  }
}
