// The release step: `npm run db:migrate` applies the migrations not yet applied, then exits.
// Run it once per release before starting the new app servers; they also migrate at start (under
// the same lock, finding nothing to do), so forgetting it is slow, never wrong.
import { loadEnv } from "~/env.server";
import { databaseConfig, openDatabase } from "./client";

async function main() {
  const env = loadEnv();
  const database = await openDatabase(databaseConfig(env));
  try {
    await database.migrate();
    console.log(`Migrations applied (${database.kind === "postgres" ? "PostgreSQL" : `embedded database in ${env.DATA_DIR}`}).`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
