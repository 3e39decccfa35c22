// Starts the demo afresh: `npm run db:reset`. The embedded database is deleted; a PostgreSQL
// database is wiped only when DEMO=true says it holds nothing but demo data.
import { rmSync } from "node:fs";
import { loadEnv, type Env } from "~/env.server";
import { startupMessage } from "~/startup.server";
import { connectPostgres, databaseConfig, openDatabase } from "./client";
import { seedDemo } from "./seed/index";

async function wipe(env: Env) {
  if (!env.DATABASE_URL) {
    rmSync(env.DATA_DIR, { recursive: true, force: true });
    return;
  }
  const client = connectPostgres(env.DATABASE_URL, { max: 1 });
  try {
    await client.unsafe("DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

async function main() {
  const env = loadEnv();
  if (!env.DEMO) {
    console.error(
      env.DATABASE_URL
        ? "Refusing to reset a PostgreSQL database: it may hold real data. Set DEMO=true if it holds only the demo."
        : "Refusing to reset: DEMO is false. Unset it (or set DEMO=true) to reset the embedded demo database.",
    );
    process.exit(1);
  }
  await wipe(env);
  const database = await openDatabase(databaseConfig(env));
  try {
    await database.migrate();
    const signIns = await seedDemo(database.db, { password: env.DEMO_PASSWORD, today: new Date() });
    console.log(startupMessage({ kind: "demo", seeded: true, signIns }));
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
