import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

export { schema };
// Queries are written with the query builder against `schema`'s tables; drizzle is not given the schema for
// its relational API (`db.query.*`), which the service does not use and which drizzle would build again, a
// builder for every table, for every transaction.
type NoRelations = Record<string, never>;
export type Database = PgDatabase<PgQueryResultHKT, NoRelations>;
export type Tx = PgTransaction<PgQueryResultHKT, NoRelations, ExtractTablesWithRelations<NoRelations>>;
/** Anything that runs queries: the database or a transaction inside it. */
export type Queryable = Database | Tx;

const dialect = new PgDialect();

/**
 * Where a connection URL leads. Besides a host and port, the URL may name a directory holding
 * PostgreSQL's unix socket, as libpq reads it (`postgres://user@localhost/db?host=/var/run/postgresql`):
 * on the database's own machine a socket spares every query the TCP stack. Every other parameter is
 * the server's (application_name, options, …) and is passed on as given.
 */
export function postgresTarget(url: string): { url: string; path?: string } {
  const target = new URL(url);
  const socketDirectory = target.searchParams.get("host");
  if (!socketDirectory?.startsWith("/")) return { url };
  target.searchParams.delete("host");
  return { url: target.toString(), path: `${socketDirectory.replace(/\/+$/, "")}/.s.PGSQL.${target.port || 5432}` };
}

/** A postgres.js client for a connection URL (`postgresTarget`), which keeps the server's notices to itself. */
export function connectPostgres(url: string, options: postgres.Options<Record<string, postgres.PostgresType>> = {}) {
  const target = postgresTarget(url);
  return postgres(target.url, { onnotice: () => {}, ...(target.path && { path: target.path }), ...options });
}

/**
 * One statement, compiled once, run as a prepared statement: on PostgreSQL it is parsed and
 * planned once per connection and then costs one round trip (an unprepared statement with
 * parameters costs two: the driver asks for their types first). For a hot statement whose text
 * never changes: its varying values are `sql.placeholder(name)`s, filled at each call from
 * `values`; `name` only marks it as prepared (the driver keys its statements by their text).
 * Each call returns the statement's rows.
 */
export function preparedStatement<Row, Values extends Record<string, unknown> = Record<string, never>>(name: string, statement: SQL) {
  const query = dialect.sqlToQuery(statement);
  return async (db: Queryable, values?: Values): Promise<Row[]> => {
    const result: unknown = await db._.session.prepareQuery(query, undefined, name, false).execute(values);
    return Array.isArray(result) ? result : (result as { rows: Row[] }).rows;
  };
}

/**
 * A query-builder query asked for on every request (the reader's session, the shortlist's count):
 * built once for each database, with `sql.placeholder`s for what changes, and prepared, so that on
 * PostgreSQL it costs one round trip and no SQL building. Call `.execute(values)` on what it returns.
 */
export function preparedQuery<Query>(build: (db: Queryable) => Query): (db: Queryable) => Query {
  const built = new WeakMap<Queryable, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Called with the text of every statement the app sends (for statement budgets in tests and benches). */
export type QueryListener = (sql: string) => void;

/** Called when PostgreSQL aborted a transaction that is then run again, with the reason's SQLSTATE. */
export type RetryListener = (sqlState: string) => void;

export type DatabaseConfig =
  | { kind: "postgres"; url: string; max?: number; onQuery?: QueryListener; onRetry?: RetryListener }
  | {
      kind: "pglite";
      dataDir?: string;
      loadDataDir?: Blob | File;
      onQuery?: QueryListener;
      compiled?: PGliteCompiled;
      /** An embedded database already open, used as it is (the tests hand one file's database, emptied, to the next). */
      open?: PGlite;
    };

/** PGlite's WebAssembly compiled and its file bundle read once, for a process that opens many embedded databases (the tests). */
export type PGliteCompiled = Pick<PGliteOptions, "pgliteWasmModule" | "initdbWasmModule" | "fsBundle">;

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseConfig["kind"];
  /** Applies the migrations not yet applied; on PostgreSQL under the migration lock, so instances starting together take turns. */
  migrate: () => Promise<void>;
  /** Runs `work` while no other instance holds the migration lock (work done once per database: migrating, seeding). Not re-entrant. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
  /** The embedded database, for dumping a migrated template in tests. */
  pglite?: PGlite;
};

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database in DATA_DIR. */
export const databaseConfig = (env: { DATABASE_URL?: string; DATA_DIR: string }): DatabaseConfig =>
  env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.DATA_DIR };

/** The SQLSTATE of a database error, through drizzle's wrapping. */
export const sqlState = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
};

/**
 * The failures after which PostgreSQL asks the client to run the whole transaction again: a
 * deadlock it broke by aborting one side (40P01), a serialization failure (40001). Single
 * entries lock their accounts in id order and cannot deadlock; a transaction posting several
 * entries (a Stripe event: the payment, its fee, the pot's share) holds the first entry's
 * accounts while it locks the next's, so two of them can wait on each other.
 */
const RETRYABLE = new Set(["40P01", "40001"]);
const ATTEMPTS = 5;

/**
 * Makes every top-level transaction of `db` run again, after a short random pause, when
 * PostgreSQL aborted it for one of those reasons. Nothing of the aborted attempt was written;
 * work in a transaction is only database work (mail goes through the outbox), so it may run twice.
 */
function retryAborted(db: Database, onRetry?: RetryListener): Database {
  const transaction = db.transaction.bind(db);
  db.transaction = async (work, config) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(work, config);
      } catch (error) {
        const state = sqlState(error);
        if (!state || !RETRYABLE.has(state) || attempt === ATTEMPTS) throw error;
        onRetry?.(state);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  };
  return db;
}

/** The advisory lock key every instance takes before migrating (any fixed bigint; this one is ours). */
export const MIGRATION_LOCK_KEY = 4_417_203_981_776_203n;

/**
 * Runs `work` holding a session-level advisory lock on its own connection: a second caller waits
 * until the first is done (drizzle's migrator takes no lock of its own). The lock goes with the
 * connection, so a process that dies mid-way releases it.
 */
async function withAdvisoryLock<T>(url: string, key: bigint, work: () => Promise<T>): Promise<T> {
  const lockClient = connectPostgres(url, { max: 1 });
  try {
    await lockClient`select pg_advisory_lock(${key.toString()}::bigint)`;
    try {
      return await work();
    } finally {
      await lockClient`select pg_advisory_unlock(${key.toString()}::bigint)`;
    }
  } finally {
    await lockClient.end({ timeout: 5 });
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const onQuery = config.onQuery;
  const logger = onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined;
  if (config.kind === "postgres") {
    const client = connectPostgres(config.url, { max: config.max ?? 10 });
    const db = retryAborted(drizzlePostgres(client, { logger }) as unknown as Database, config.onRetry);
    const exclusive = <T>(work: () => Promise<T>) => withAdvisoryLock(config.url, MIGRATION_LOCK_KEY, work);
    return {
      db,
      kind: "postgres",
      migrate: () => exclusive(() => migratePostgres(db as never, { migrationsFolder })),
      exclusive,
      close: () => client.end({ timeout: 5 }),
    };
  }
  // PGlite creates only the last folder of its path; a fresh checkout has no ./data yet.
  if (config.dataDir && !config.dataDir.includes("://")) mkdirSync(dirname(resolve(config.dataDir)), { recursive: true });
  const pglite = config.open ?? new PGlite({ dataDir: config.dataDir, loadDataDir: config.loadDataDir, ...config.compiled });
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { logger }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    pglite,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    // One process owns an embedded database: there is nobody to take turns with.
    exclusive: (work) => work(),
    close: () => pglite.close(),
  };
}
