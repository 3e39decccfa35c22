// Throttles counted in the database (table rate_limits), so every app server sees the same counts.
import { and, eq, lt, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { minutesUntilWindowEnds, windowStart, type Throttle } from "./rules";

const keyOf = (throttle: Throttle, subject: string) => `${throttle.name}:${subject}`;

/** How many times this subject has been counted in the current window. */
export async function countIn(db: Queryable, throttle: Throttle, subject: string, now: Date) {
  const [row] = await db
    .select({ count: schema.rateLimits.count })
    .from(schema.rateLimits)
    .where(and(eq(schema.rateLimits.key, keyOf(throttle, subject)), eq(schema.rateLimits.windowStart, windowStart(now, throttle.windowMs))));
  return row?.count ?? 0;
}

/** Count one more for this subject in the current window. */
export async function hit(db: Queryable, throttle: Throttle, subject: string, now: Date) {
  const [row] = await db
    .insert(schema.rateLimits)
    .values({ key: keyOf(throttle, subject), windowStart: windowStart(now, throttle.windowMs), count: 1 })
    .onConflictDoUpdate({ target: [schema.rateLimits.key, schema.rateLimits.windowStart], set: { count: sql`${schema.rateLimits.count} + 1` } })
    .returning({ count: schema.rateLimits.count });
  return row.count;
}

/** Forget this subject's count in the current window (after a successful sign-in to the account). */
export async function clear(db: Queryable, throttle: Throttle, subject: string, now: Date) {
  await db
    .delete(schema.rateLimits)
    .where(and(eq(schema.rateLimits.key, keyOf(throttle, subject)), eq(schema.rateLimits.windowStart, windowStart(now, throttle.windowMs))));
}

export const tooManyAttempts = (minutes: number) =>
  new AppError("RATE_LIMITED", minutes === 1 ? t("throttle.tooManyOne") : t("throttle.tooMany", { minutes }));

/** Throws RATE_LIMITED, saying when to try again, if any of these subjects has reached its throttle's limit. */
export async function refuseIfThrottled(db: Queryable, checks: { throttle: Throttle; subject: string }[], now: Date) {
  let minutes = 0;
  for (const { throttle, subject } of checks) {
    if ((await countIn(db, throttle, subject, now)) >= throttle.max) minutes = Math.max(minutes, minutesUntilWindowEnds(now, throttle.windowMs));
  }
  if (minutes > 0) throw tooManyAttempts(minutes);
}

/** Windows that ended more than a day ago are of no further use. */
export async function purgeOldWindows(db: Queryable, now: Date) {
  await db.delete(schema.rateLimits).where(lt(schema.rateLimits.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}
