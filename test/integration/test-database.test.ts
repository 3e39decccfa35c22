// The test files' databases: on PGlite, a file's database is emptied when it closes and handed to the next file.
// Whichever way a file gets its database, it must find it as the template left it.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "#db/client";
import { rowsOf } from "~/domain/reporting/rows";
import { createTestDatabase } from "../setup/database";

const rows = async <T>(db: Database, query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));

/** The number of rows in each table of the public schema that has any. */
async function tablesWithRows(db: Database) {
  const tables = await rows<{ name: string }>(db, sql`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public'`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${name}`));
    if (row.n > 0) counts[name] = row.n;
  }
  return counts;
}

const audit = (db: Database) =>
  db
    .execute(sql`insert into audit_log (action, entity_type, entity_id) values ('test.written', 'test', 'x') returning id`)
    .then((r) => rowsOf<{ id: string }>(r)[0].id);

describe("a test file's database", () => {
  it("is empty, its identities restarted and its session plain, whatever the file before it left", async () => {
    // One connection on PostgreSQL, so that its session is the one left in a transaction.
    const first = await createTestDatabase({ max: 1 });
    expect(await tablesWithRows(first.db)).toEqual({});
    expect(String(await audit(first.db))).toBe("1");
    await first.db.execute(sql`insert into authorities (slug, name, nation) values ('left', 'Left Behind', 'england')`);
    await first.db.execute(sql`create temporary table scratch (n int)`);
    await first.db.execute(sql`set statement_timeout = '1234ms'`);
    await first.db.execute(sql`prepare leftover as select 1`);
    await first.db.execute(sql`begin`);
    await first.close();

    const second = await createTestDatabase();
    try {
      if (first.kind === "pglite") expect(second.pglite).toBe(first.pglite);
      // Handed on where it can be (PGlite); a new database on PostgreSQL: either way, nothing of the first.
      expect(await tablesWithRows(second.db)).toEqual({});
      expect(String(await audit(second.db))).toBe("1");
      expect((await rows<{ t: string }>(second.db, sql`select current_setting('statement_timeout') as t`))[0].t).toBe("0");
      expect((await rows<{ n: number }>(second.db, sql`select count(*)::int as n from pg_prepared_statements where name = 'leftover'`))[0].n).toBe(0);
      expect((await rows<{ n: number }>(second.db, sql`select count(*)::int as n from pg_tables where tablename = 'scratch'`))[0].n).toBe(0);
      // The append-only tables still refuse to be emptied by anyone else.
      await expect(second.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    } finally {
      await second.close();
    }
  });

  it("is never one whose schema a file changed", async () => {
    const altered = await createTestDatabase();
    await altered.db.execute(sql`alter table authorities add column scribbled text`);
    await altered.close();

    const next = await createTestDatabase();
    try {
      if (altered.kind === "pglite") expect(next.pglite).not.toBe(altered.pglite);
      const columns = await rows<{ n: number }>(
        next.db,
        sql`select count(*)::int as n from information_schema.columns where table_name = 'authorities' and column_name = 'scribbled'`,
      );
      expect(columns[0].n).toBe(0);
    } finally {
      await next.close();
    }
  });
});
