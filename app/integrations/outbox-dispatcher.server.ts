// Sends what the outbox holds, after the transactions that wrote it have committed.
// Any number of app servers can run this: rows are claimed with FOR UPDATE SKIP LOCKED and leased.
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { renderEmail, templates, type EmailName } from "#emails/index";
import { schema, type Database } from "~/db.server";
import type { Env } from "~/env.server";
import { createEmailSender, type EmailSender } from "./email.server";
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, retryDelayMs } from "./outbox-rules";

/** The configuration a periodic task may need, handed in so the domain reads no environment. */
export type TaskConfig = { appUrl: string };
/** Work another area wants done regularly, on the dispatcher's tick. */
export type PeriodicTask = (db: Database, now: Date, config: TaskConfig) => Promise<void>;
/** Handles an outbox row of kind "job" whose topic is its name. */
export type JobHandler = (db: Database, payload: Record<string, unknown>) => Promise<void>;

type OutboxRow = typeof schema.outbox.$inferSelect;

/** Claim up to `limit` due rows for this worker; each is leased (not due) until settled or the lease runs out. */
export async function claimDue(db: Database, { now, limit }: { now: Date; limit: number }): Promise<OutboxRow[]> {
  // JavaScript's clock reads whole milliseconds and PostgreSQL's microseconds: a row queued earlier in
  // the same millisecond as `now` is due too.
  const endOfNow = new Date(now.getTime() + 1);
  const due = db
    .select({ id: schema.outbox.id })
    .from(schema.outbox)
    .where(and(eq(schema.outbox.status, "pending"), lt(schema.outbox.nextAttemptAt, endOfNow)))
    .orderBy(asc(schema.outbox.nextAttemptAt), asc(schema.outbox.seq))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(schema.outbox)
    .set({ attempts: sql`${schema.outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(inArray(schema.outbox.id, due))
    .returning();
}

const isEmailName = (topic: string): topic is EmailName => Object.hasOwn(templates, topic);

async function deliver(db: Database, row: OutboxRow, sender: EmailSender, jobs: Record<string, JobHandler>) {
  if (row.kind === "job") {
    const handler = jobs[row.topic];
    if (!handler) throw new Error(`No handler for the job "${row.topic}"`);
    return handler(db, row.payload);
  }
  if (!isEmailName(row.topic)) throw new Error(`No email template called "${row.topic}"`);
  if (!row.recipient) throw new Error("The email has no recipient");
  const rendered = await renderEmail(row.topic, row.payload as never, row.language);
  await sender.send({ id: row.id, to: row.recipient, ...rendered });
}

export type DispatchOptions = { sender: EmailSender; jobs?: Record<string, JobHandler>; now?: Date; batchSize?: number };

/** Send every due row, a batch at a time; returns how many were sent and how many failed this time. */
export async function dispatchDue(db: Database, { sender, jobs = {}, now = new Date(), batchSize = 20 }: DispatchOptions) {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const rows = await claimDue(db, { now, limit: batchSize });
    for (const row of rows) {
      // Only the claim that is still current may settle the row.
      const mine = and(eq(schema.outbox.id, row.id), eq(schema.outbox.attempts, row.attempts), eq(schema.outbox.status, "pending"));
      try {
        await deliver(db, row, sender, jobs);
        // Once Resend has it, the database need not keep the links inside (single-use, but live until used).
        const payload = row.kind === "email" && sender.mode === "resend" ? {} : row.payload;
        await db.update(schema.outbox).set({ status: "sent", sentAt: new Date(), lastError: null, payload }).where(mine);
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const givingUp = row.attempts >= MAX_ATTEMPTS;
        await db
          .update(schema.outbox)
          .set(
            givingUp ? { status: "failed", lastError: message } : { lastError: message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) },
          )
          .where(mine);
        failed++;
      }
    }
    if (rows.length < batchSize) return { sent, failed };
  }
}

/** Runs a periodic task at most once per `intervalMs`, however often the dispatcher ticks. */
export function everyInterval(intervalMs: number, task: PeriodicTask): PeriodicTask {
  let last = -Infinity;
  return async (db, now, config) => {
    if (now.getTime() - last < intervalMs) return;
    last = now.getTime();
    await task(db, now, config);
  };
}

export type Dispatcher = {
  /** Sends what is due now rather than at the next tick: after a request that may have queued something. */
  wake: () => void;
  stop: () => Promise<void>;
};

/**
 * Every OUTBOX_INTERVAL_MS: send what is due, then run the periodic tasks. A failing task is
 * reported and does not stop the others. wake() ticks at once (or, during a tick, once more as soon
 * as it ends: however many wakes come meanwhile, one tick follows them), so what a request queued
 * goes out when it commits; the interval is for the rows no wake announced (another process's, or a
 * retry's). stop() waits for the tick in flight.
 */
export function startDispatcher(
  db: Database,
  env: Pick<Env, "APP_URL" | "OUTBOX_INTERVAL_MS" | "RESEND_API_KEY" | "RESEND_BASE_URL" | "EMAIL_FROM">,
  {
    tasks = [],
    jobs = {},
    sender = createEmailSender(env),
    onError = (error: unknown) => console.error("Outbox dispatcher:", error),
  }: { tasks?: PeriodicTask[]; jobs?: Record<string, JobHandler>; sender?: EmailSender; onError?: (error: unknown) => void } = {},
): Dispatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | null = null;

  const tick = async () => {
    const now = new Date();
    try {
      await dispatchDue(db, { sender, jobs, now });
    } catch (error) {
      onError(error);
    }
    for (const task of tasks) {
      if (stopped) break;
      try {
        await task(db, now, { appUrl: env.APP_URL });
      } catch (error) {
        onError(error);
      }
    }
  };
  let again = false;
  const run = () => {
    again = false;
    clearTimeout(timer);
    inFlight = tick().finally(() => {
      inFlight = null;
      if (stopped) return;
      if (again) return run();
      timer = setTimeout(run, env.OUTBOX_INTERVAL_MS);
      timer.unref();
    });
  };
  run();

  return {
    wake: () => {
      if (stopped) return;
      if (inFlight) again = true;
      else run();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
