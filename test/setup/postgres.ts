import { connectPostgres } from "#db/client";

/** The PostgreSQL server the multi-process tests run against (they need one: PGlite is one process). */
export const testPostgresUrl = () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("These tests need PostgreSQL: set TEST_DATABASE_URL (npm test runs them only when it is set).");
  return url;
};

/** A new, empty database on that server, and a way to drop it afterwards. */
export function freshPostgres(prefix: string) {
  return createDatabaseOn(testPostgresUrl(), `${prefix}_${process.env.TEST_RUN_ID ?? ""}_${process.pid}`);
}

/** A new, empty database `name` (made safe as a name) on the server of `base`, and a way to drop it afterwards. */
export async function createDatabaseOn(base: string, name: string) {
  const safe = name.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  const admin = connectPostgres(base, { max: 1 });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${safe} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${safe}`);
  await admin.end();
  const target = new URL(base);
  target.pathname = `/${safe}`;
  return {
    url: target.toString(),
    host: target.host,
    drop: async () => {
      const cleanup = connectPostgres(base, { max: 1 });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${safe} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
