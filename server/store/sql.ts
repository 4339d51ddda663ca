/**
 * Typed SQL for server/store/, the only code that talks to the database in SQL. Queries are
 * built with Kysely on the table types Prisma's schema generates (prisma-kysely:
 * server/generated/kysely/types.ts, DateTime columns as epoch ms, booleans as 0/1), compiled,
 * and run synchronously on the better-sqlite3 connection: the study hot path runs inside
 * better-sqlite3's synchronous transactions, where Kysely's own (asynchronous) driver cannot.
 * Kysely is a query builder here, as its docs describe ("splitting build, compile and execute";
 * DummyDriver); statements are prepared once per connection and SQL text.
 *
 * Rows come back typed by the query (InferResult); a column whose stored text has a shape of its
 * own (JSON) is decoded once, in its table's module.
 *
 * A query on the hot path (a review writes the card's schedule) is a `prepared` one: built and
 * compiled once, then bound by name, so it costs what a hand-written prepared statement costs
 * (building and compiling a Kysely query is about 6 µs, the UPDATE itself 2 µs).
 */
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable, type InferResult } from "kysely";
import type { Statement } from "better-sqlite3";
import type { DB } from "../generated/kysely/types";
import type { Sqlite } from "../db";

/** The query builder: builds and compiles, never connects (the connection is better-sqlite3's). */
export const sql = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const statements = new WeakMap<Sqlite, Map<string, Statement>>();
/**
 * Statements kept per connection. A query's text varies with the length of its IN lists and the
 * topics it is scoped to, so the cache is bounded: the least recently used statement goes first.
 */
export const STATEMENT_CACHE_SIZE = 256;

function statement(sqlite: Sqlite, text: string): Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let st = cache.get(text);
  if (st) {
    // a Map keeps insertion order: moving a hit to the end makes the first entry the least recently used
    cache.delete(text);
    cache.set(text, st);
    return st;
  }
  st = sqlite.prepare(text);
  cache.set(text, st);
  if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return st;
}

/**
 * What `build` makes of a connection (its prepared statements), made once per connection and
 * kept beside it in a WeakMap, not as a property patched onto the connection object.
 */
export function perConnection<T>(build: (sqlite: Sqlite) => T): (sqlite: Sqlite) => T {
  const made = new WeakMap<Sqlite, T>();
  return (sqlite) => {
    let value = made.get(sqlite);
    if (value === undefined) made.set(sqlite, (value = build(sqlite)));
    return value;
  };
}

/** How many statements a connection keeps (for the test of the bound). */
export const cachedStatements = (sqlite: Sqlite): number => statements.get(sqlite)?.size ?? 0;

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; Kysely passes what the query was built with. */
function bindable(parameters: readonly unknown[]): unknown[] {
  return parameters.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));
}

/** Every row of a select. */
export function all<Q extends Compilable>(sqlite: Sqlite, query: Q): InferResult<Q> {
  const c = query.compile();
  return statement(sqlite, c.sql).all(...bindable(c.parameters)) as InferResult<Q>;
}

/** The first row of a select, or undefined. */
export function first<Q extends Compilable>(sqlite: Sqlite, query: Q): InferResult<Q>[number] | undefined {
  const c = query.compile();
  return statement(sqlite, c.sql).get(...bindable(c.parameters)) as InferResult<Q>[number] | undefined;
}

/** An insert, update or delete: how many rows it changed, and the last inserted row id. */
export function run(sqlite: Sqlite, query: Compilable): { changes: number; lastInsertRowid: number } {
  const c = query.compile();
  const r = statement(sqlite, c.sql).run(...bindable(c.parameters));
  return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
}

const SENTINEL = "\u0000mianshi-param:";

/**
 * A query built and compiled once: `build` receives its parameters by name and must use each
 * one as a plain value, read by its name (`p.due`; no spreading them, no arrays whose length
 * varies); every other value in it is a constant. Not
 * something Kysely offers (its queries are compiled per call), hence these few lines.
 */
export function prepared<P extends object, Q extends Compilable>(build: (params: P) => Q) {
  let compiled: { sql: string; bind: (params: P) => unknown[] } | undefined;
  const compile = () => {
    if (compiled) return compiled;
    const names = new Proxy({}, { get: (_target, key) => `${SENTINEL}${String(key)}` }) as P;
    const c = build(names).compile();
    const slots = c.parameters.map((v): { name: keyof P } | { value: unknown } =>
      typeof v === "string" && v.startsWith(SENTINEL) ? { name: v.slice(SENTINEL.length) as keyof P } : { value: v },
    );
    compiled = { sql: c.sql, bind: (params) => bindable(slots.map((s) => ("name" in s ? params[s.name] : s.value))) };
    return compiled;
  };
  return {
    all(sqlite: Sqlite, params: P): InferResult<Q> {
      const c = compile();
      return statement(sqlite, c.sql).all(...c.bind(params)) as InferResult<Q>;
    },
    first(sqlite: Sqlite, params: P): InferResult<Q>[number] | undefined {
      const c = compile();
      return statement(sqlite, c.sql).get(...c.bind(params)) as InferResult<Q>[number] | undefined;
    },
    run(sqlite: Sqlite, params: P): { changes: number; lastInsertRowid: number } {
      const c = compile();
      const r = statement(sqlite, c.sql).run(...c.bind(params));
      return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    },
  };
}
