import { count, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "#db/client";

/** How many rows of a table there are, or how many match `where`. */
export async function rowCount(db: Database, table: PgTable, where?: SQL) {
  const [{ n }] = await db.select({ n: count() }).from(table).where(where);
  return n;
}

/** How many rows each table has, under the name it is given. */
export async function rowCounts<Name extends string>(db: Database, tables: Record<Name, PgTable>) {
  const counts = {} as Record<Name, number>;
  for (const name of Object.keys(tables) as Name[]) counts[name] = await rowCount(db, tables[name]);
  return counts;
}
