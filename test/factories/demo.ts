import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { schema, type Database } from "~/db.server";

/** The tables a start-up or a command could write to. */
export const SETUP_TABLES = {
  authorities: schema.authorities,
  organisations: schema.organisations,
  users: schema.users,
  memberships: schema.memberships,
  authTokens: schema.authTokens,
  auditLog: schema.auditLog,
} satisfies Record<string, PgTable>;

/** How many rows each table holds, to show that something wrote nothing (or exactly this much). */
export async function countRows(db: Database, tables: Record<string, PgTable> = SETUP_TABLES) {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) counts[name] = (await db.select({ n: count() }).from(table))[0].n;
  return counts;
}
