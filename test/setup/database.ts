import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle, type QueryListener } from "#db/client";

export const TEMPLATE_DUMP = new URL("../../.cache/test/template.tar.gz", import.meta.url);

// Named after the checkout, so two checkouts on one machine never share a template.
export const templateDatabaseName = () =>
  `mkt_tpl_${process.env.TEST_RUN_ID ?? createHash("sha1").update(process.cwd()).digest("hex").slice(0, 10)}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();

let counter = 0;

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or,
 * with TEST_DATABASE_URL, a new PostgreSQL database cloned from the migrated template
 * (`max` connections in its pool).
 */
export async function createTestDatabase({ onQuery, max = 5 }: { onQuery?: QueryListener; max?: number } = {}): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dump = readFileSync(TEMPLATE_DUMP);
    return openDatabase({ kind: "pglite", loadDataDir: new Blob([dump]), onQuery });
  }
  const name = `${templateDatabaseName()}_w${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}_${counter++}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: target.toString(), max, onQuery });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
