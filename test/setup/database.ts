import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle, type PGliteCompiled, type QueryListener, type RetryListener } from "#db/client";

// Uncompressed: every test file loads it, and unpacking a tarball costs less than gunzipping one too.
export const TEMPLATE_DUMP = new URL("../../.cache/test/template.tar", import.meta.url);

// The integration files share one process (isolate: false in test/vitest.config.ts), so PGlite's
// WebAssembly is compiled, and the template read, once for all of them rather than once a file.
let pglite: Promise<{ compiled: PGliteCompiled; template: Blob }> | null = null;
const pgliteOnce = () =>
  (pglite ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all(
      ["pglite.wasm", "initdb.wasm"].map((file) => WebAssembly.compile(readFileSync(join(dist, file)))),
    );
    const compiled = { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([readFileSync(join(dist, "pglite.data"))]) };
    return { compiled, template: new Blob([readFileSync(TEMPLATE_DUMP)]) };
  })());

// Named after the checkout, so two checkouts on one machine never share a template.
export const templateDatabaseName = () =>
  `mkt_tpl_${process.env.TEST_RUN_ID ?? createHash("sha1").update(process.cwd()).digest("hex").slice(0, 10)}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();

let counter = 0;

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or,
 * with TEST_DATABASE_URL, a new PostgreSQL database cloned from the migrated template
 * (`max` connections in its pool).
 */
export async function createTestDatabase({
  max = 5,
  onQuery,
  onRetry,
}: { max?: number; onQuery?: QueryListener; onRetry?: RetryListener } = {}): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const { compiled, template } = await pgliteOnce();
    return openDatabase({ kind: "pglite", loadDataDir: template, compiled, onQuery });
  }
  const name = `${templateDatabaseName()}_w${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}_${counter++}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
  // A commit need not wait for the disk: a database that lives for one test file is never recovered after a crash.
  await admin.unsafe(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: target.toString(), max, onQuery, onRetry });
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
