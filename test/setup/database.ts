import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { connectPostgres, openDatabase, type DatabaseHandle, type PGliteCompiled, type QueryListener, type RetryListener } from "#db/client";

// Uncompressed: every test file loads it, and unpacking a tarball costs less than gunzipping one too.
export const TEMPLATE_DUMP = new URL("../../.cache/test/template.tar", import.meta.url);
/** The template's `SCHEMA`. */
export const TEMPLATE_SCHEMA = new URL("../../.cache/test/template.schema", import.meta.url);

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
 * Embedded databases that a test file has finished with, emptied, for the next file in this process: opening one
 * from the template costs about half a second of CPU, emptying one about a tenth. At most two wait, the newest first.
 */
const emptied: PGlite[] = [];

/** The template's tables, read from the first database emptied, and its schema (`SCHEMA`), as the run's setup found it. */
let templateShape: Promise<{ tables: string[]; schema: string }> | null = null;

/**
 * Everything a test could have changed that a file after it would notice, in one value: the tables, their columns,
 * constraints and indexes, triggers, functions, sequences and where they stand, the roles, and the migrations applied.
 */
export const SCHEMA = `select md5(string_agg(item, ',' order by item)) as schema from (
  select 'class ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || c.relnatts::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'
  union all select 'column ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped
  union all select 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace
  union all select 'trigger ' || tgname || ' ' || tgenabled::text from pg_trigger where not tgisinternal
  union all select 'function ' || proname || ' ' || md5(prosrc) from pg_proc where pronamespace = 'public'::regnamespace
  union all select 'sequence ' || schemaname || '.' || sequencename || ' ' || coalesce(last_value::text, '-') from pg_sequences
  union all select 'role ' || rolname from pg_roles
  union all select 'migrations ' || count(*)::text from drizzle.__drizzle_migrations
) items (item)`;

/**
 * Empties a test file's embedded database and keeps it for the next file: its session's leftovers discarded (an open
 * transaction, temporary tables, prepared statements, settings, locks), every table truncated and its identities
 * restarted, the append-only tables' refusal of TRUNCATE set aside for that one statement. A database whose schema
 * then differs from the template's in any way (a test altered a table, made a role) is closed instead.
 */
async function giveBack(pglite: PGlite) {
  try {
    await pglite.exec("DISCARD ALL").catch(async () => {
      await pglite.exec("ROLLBACK");
      await pglite.exec("DISCARD ALL");
    });
    const shape = await (templateShape ??= (async () => {
      const { rows } = await pglite.query<{ name: string }>("select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public'");
      return { tables: rows.map((r) => r.name), schema: readFileSync(TEMPLATE_SCHEMA, "utf8") };
    })());
    await pglite.exec(`begin; set local session_replication_role = replica; truncate ${shape.tables.join(", ")} restart identity; commit;`);
    const { rows } = await pglite.query<{ schema: string }>(SCHEMA);
    if (rows[0].schema !== shape.schema) throw new Error("its schema is not the template's");
    emptied.push(pglite);
    // The newest waits first in line; beyond two, the oldest is closed.
    if (emptied.length > 2) await emptied.shift()!.close();
  } catch {
    await pglite.close();
  }
}

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or,
 * with TEST_DATABASE_URL, a new PostgreSQL database cloned from the migrated template
 * (`max` connections in its pool).
 */
export async function createTestDatabase({
  max = 5,
  onQuery,
  onRetry,
}: {
  max?: number;
  onQuery?: QueryListener;
  onRetry?: RetryListener;
} = {}): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const { compiled, template } = await pgliteOnce();
    const open = emptied.pop();
    const handle = await openDatabase(open ? { kind: "pglite", open, onQuery } : { kind: "pglite", loadDataDir: template, compiled, onQuery });
    return { ...handle, close: () => giveBack(handle.pglite!) };
  }
  const name = `${templateDatabaseName()}_w${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}_${counter++}`;
  const admin = connectPostgres(url, { max: 1 });
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
      const cleanup = connectPostgres(url, { max: 1 });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
