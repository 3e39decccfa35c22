// Two instances started together against one fresh PostgreSQL database: they take turns at the
// migration lock, so both come up and each migration is applied once.
import { readFileSync } from "node:fs";
import { connectPostgres } from "#db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltServer, type BuiltServer } from "../setup/built-server.mjs";
import { freshPostgres } from "../setup/postgres";

const journal = JSON.parse(readFileSync(new URL("../../db/migrations/meta/_journal.json", import.meta.url), "utf8")) as { entries: { tag: string }[] };

describe("two app processes starting at once on one new database", () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let servers: BuiltServer[] = [];

  beforeAll(async () => {
    database = await freshPostgres("mkt_race");
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  it("both come up, with each migration applied exactly once", async () => {
    const env = { DATABASE_URL: database.url, DEMO: "false", WEB_CONCURRENCY: "1" };
    servers = await Promise.all([startBuiltServer(env), startBuiltServer(env)]);
    for (const server of servers) {
      const ready = await fetch(`${server.url}/readyz`);
      expect([ready.status, await ready.text()]).toEqual([200, "ready"]);
      expect(server.output()).not.toMatch(/error/i);
    }
    const sql = connectPostgres(database.url, { max: 1 });
    try {
      const rows = await sql<{ hash: string; n: number }[]>`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`;
      expect(rows).toHaveLength(journal.entries.length);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    } finally {
      await sql.end();
    }
  });
});
