// Throttles counted in the database, so every app server sees the same counts. Each attempt is
// counted and checked in one statement before the work it guards, so parallel requests cannot all
// read the same count and slip past it.
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { backoffMs, minutesUntil, minutesUntilWindowEnds, windowStart, type Backoff, type Throttle } from "./rules";

const keyOf = (throttle: { name: string }, subject: string) => `${throttle.name}:${subject}`;

/** How many times this subject has been counted in the current window. */
export async function countIn(db: Queryable, throttle: Throttle, subject: string, now: Date) {
  const [row] = await db
    .select({ count: schema.rateLimits.count })
    .from(schema.rateLimits)
    .where(and(eq(schema.rateLimits.key, keyOf(throttle, subject)), eq(schema.rateLimits.windowStart, windowStart(now, throttle.windowMs))));
  return row?.count ?? 0;
}

/** Count one more for this subject in the current window, unless it has reached the limit: false then. */
export async function take(db: Queryable, throttle: Throttle, subject: string, now: Date) {
  const rows = await db
    .insert(schema.rateLimits)
    .values({ key: keyOf(throttle, subject), windowStart: windowStart(now, throttle.windowMs), count: 1 })
    .onConflictDoUpdate({
      target: [schema.rateLimits.key, schema.rateLimits.windowStart],
      set: { count: sql`${schema.rateLimits.count} + 1` },
      setWhere: sql`${schema.rateLimits.count} < ${throttle.max}`,
    })
    .returning({ count: schema.rateLimits.count });
  return rows.length > 0;
}

/** Give back one count taken in the current window (an attempt that turned out to be the owner's). */
export async function giveBack(db: Queryable, throttle: Throttle, subject: string, now: Date) {
  await db
    .update(schema.rateLimits)
    .set({ count: sql`greatest(${schema.rateLimits.count} - 1, 0)` })
    .where(and(eq(schema.rateLimits.key, keyOf(throttle, subject)), eq(schema.rateLimits.windowStart, windowStart(now, throttle.windowMs))));
}

export const tooManyAttempts = (minutes: number) => new AppError("RATE_LIMITED", minutes === 1 ? t("throttle.tooManyOne") : t("throttle.tooMany", { minutes }));

/** Takes one count from each throttle in turn; throws RATE_LIMITED, saying when to try again, at the first that is full. */
export async function takeOrRefuse(
  db: Queryable,
  checks: { throttle: Throttle; subject: string }[],
  now: Date,
  refuse: (minutes: number) => AppError = tooManyAttempts,
) {
  for (const { throttle, subject } of checks) {
    if (!(await take(db, throttle, subject, now))) throw refuse(minutesUntilWindowEnds(now, throttle.windowMs));
  }
}

/**
 * Count one attempt for this subject and hold the next back as the backoff says, in one statement;
 * throws RATE_LIMITED, saying when to try again, while the subject is held back.
 */
export async function attempt(db: Queryable, rule: Backoff, subject: string, now: Date) {
  const key = keyOf(rule, subject);
  const table = schema.signInThrottles;
  const at = sql`${now.toISOString()}::timestamptz`;
  const next = sql`(case when ${table.lastAttemptAt} < ${new Date(now.getTime() - rule.quietMs).toISOString()}::timestamptz then 1 else ${table.attempts} + 1 end)`;
  const first = backoffMs(1, rule);
  const rows = await db
    .insert(table)
    .values({ key, attempts: 1, blockedUntil: first > 0 ? new Date(now.getTime() + first) : null, lastAttemptAt: now })
    .onConflictDoUpdate({
      target: table.key,
      set: {
        attempts: next,
        blockedUntil: sql`case when ${next} < ${rule.free} then null
          else ${at} + interval '1 millisecond' * least(${rule.maxMs}::float8, ${rule.baseMs}::float8 * power(2, least(${next} - ${rule.free}, 30))) end`,
        lastAttemptAt: now,
      },
      setWhere: or(isNull(table.blockedUntil), sql`${table.blockedUntil} <= ${at}`),
    })
    .returning({ attempts: table.attempts });
  if (rows.length > 0) return;
  const [held] = await db.select({ blockedUntil: table.blockedUntil }).from(table).where(eq(table.key, key));
  throw tooManyAttempts(held?.blockedUntil ? minutesUntil(now, held.blockedUntil) : 1);
}

/** The owner got in from here: forget this subject's attempts and remember when. */
export async function succeeded(db: Queryable, rule: Backoff, subject: string, now: Date) {
  await db
    .update(schema.signInThrottles)
    .set({ attempts: 0, blockedUntil: null, succeededAt: now })
    .where(eq(schema.signInThrottles.key, keyOf(rule, subject)));
}

/** Whether this subject succeeded since `since`. */
export async function succeededSince(db: Queryable, rule: Backoff, subject: string, since: Date) {
  const [row] = await db
    .select({ key: schema.signInThrottles.key })
    .from(schema.signInThrottles)
    .where(and(eq(schema.signInThrottles.key, keyOf(rule, subject)), gt(schema.signInThrottles.succeededAt, since)));
  return Boolean(row);
}

/** Windows that ended more than a day ago, and backoffs long quiet that remember no sign-in, are of no further use. */
export async function purgeOldWindows(db: Queryable, now: Date, knownForMs: number) {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await db.delete(schema.rateLimits).where(lt(schema.rateLimits.windowStart, dayAgo));
  await db
    .delete(schema.signInThrottles)
    .where(
      and(
        lt(schema.signInThrottles.lastAttemptAt, dayAgo),
        or(isNull(schema.signInThrottles.succeededAt), lt(schema.signInThrottles.succeededAt, new Date(now.getTime() - knownForMs))),
      ),
    );
}
