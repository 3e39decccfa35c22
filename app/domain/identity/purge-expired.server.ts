import { lt, or } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { KNOWN_ADDRESS_DAYS } from "./rules";
import { purgeOldWindows } from "./throttle.server";

/** Sessions past either expiry and throttle windows long over are of no further use. */
export async function purgeExpired(db: Database, now: Date) {
  await db.delete(schema.sessions).where(or(lt(schema.sessions.expiresAt, now), lt(schema.sessions.absoluteExpiresAt, now)));
  await purgeOldWindows(db, now, KNOWN_ADDRESS_DAYS * 24 * 60 * 60 * 1000);
}
