// Builds a migrated database once per run; each test file then starts from a copy of it.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import postgres from "postgres";
import { openDatabase } from "#db/client";
import { TEMPLATE_DUMP, templateDatabaseName } from "./database";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
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
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const handle = await openDatabase({ kind: "pglite" });
  await handle.migrate();
  const dump = await handle.pglite!.dumpDataDir("none");
  mkdirSync(new URL(".", TEMPLATE_DUMP), { recursive: true });
  // Written aside and moved into place, so a run starting beside this one never reads half a file.
  const aside = new URL(`${TEMPLATE_DUMP.href}.${process.pid}`);
  writeFileSync(aside, Buffer.from(await dump.arrayBuffer()));
  renameSync(aside, TEMPLATE_DUMP);
  await handle.close();
}
