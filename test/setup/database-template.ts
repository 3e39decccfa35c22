// Builds a migrated database once per run; each test file then starts from a copy of it.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { connectPostgres, openDatabase } from "#db/client";
import { SCHEMA, TEMPLATE_DUMP, TEMPLATE_SCHEMA, templateDatabaseName } from "./database";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = connectPostgres(url, { max: 1 });
    const name = templateDatabaseName();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await openDatabase({ kind: "postgres", url: target.toString(), max: 1 });
    await handle.migrate();
    await handle.close();
    return async () => {
      const cleanup = connectPostgres(url, { max: 1 });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const handle = await openDatabase({ kind: "pglite" });
  await handle.migrate();
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  // The schema as a test file finds it: read from a copy loaded from the dump, as each file's is. A copy starts
  // by recovering from the dump's log, which can move a sequence on (PostgreSQL logs a sequence 32 values ahead).
  const copy = await openDatabase({ kind: "pglite", loadDataDir: dump });
  const { rows } = await copy.pglite!.query<{ schema: string }>(SCHEMA);
  await copy.close();
  mkdirSync(new URL(".", TEMPLATE_DUMP), { recursive: true });
  // Written aside and moved into place, so a run starting beside this one never reads half a file.
  for (const [file, content] of [
    [TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer())],
    [TEMPLATE_SCHEMA, rows[0].schema],
  ] as const) {
    const aside = new URL(`${file.href}.${process.pid}`);
    writeFileSync(aside, content);
    renameSync(aside, file);
  }
}
