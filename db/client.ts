import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

export { schema };
type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction inside it. */
export type Queryable = Database | Tx;

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Called with the text of every statement the app sends (for statement budgets in tests and benches). */
export type QueryListener = (sql: string) => void;

export type DatabaseConfig =
  | { kind: "postgres"; url: string; max?: number; onQuery?: QueryListener }
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob | File; onQuery?: QueryListener };

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseConfig["kind"];
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** The embedded database, for dumping a migrated template in tests. */
  pglite?: PGlite;
};

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database in DATA_DIR. */
export const databaseConfig = (env: { DATABASE_URL?: string; DATA_DIR: string }): DatabaseConfig =>
  env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.DATA_DIR };

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const onQuery = config.onQuery;
  const logger = onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined;
  if (config.kind === "postgres") {
    const client = postgres(config.url, { max: config.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      migrate: () => migratePostgres(db as never, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  // PGlite creates only the last folder of its path; a fresh checkout has no ./data yet.
  if (config.dataDir && !config.dataDir.includes("://")) mkdirSync(dirname(resolve(config.dataDir)), { recursive: true });
  const pglite = new PGlite({ dataDir: config.dataDir, loadDataDir: config.loadDataDir });
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema, logger }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    pglite,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => pglite.close(),
  };
}
