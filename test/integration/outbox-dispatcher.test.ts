import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSession, generateSessionToken } from "~/auth/session.server";
import { schema } from "~/db.server";
import { purgeExpired } from "~/domain/identity/purge-expired.server";
import { queueEmail } from "~/domain/outbox.server";
import { createEmailSender } from "~/integrations/email.server";
import { dispatchDue, everyInterval, startDispatcher, type PeriodicTask } from "~/integrations/outbox-dispatcher.server";
import { MAX_ATTEMPTS } from "~/integrations/outbox-rules";
import { loader as mailboxEmailLoader } from "~/routes/dev.mailbox.$id";
import { loader as mailboxLoader } from "~/routes/dev.mailbox._index";
import { startFakeResend, type FakeResend } from "../mocks/resend";
import { createUser } from "../factories/tenancy";
import { appContext, request, respond, testEnv } from "../setup/context";
import { useTestDatabase } from "../factories/database";

const resetProps = (n: number | string) => ({ name: `Person ${n}`, url: `http://localhost:3000/reset-password/token${n}`, expiresInMinutes: 60 });

describe("the outbox dispatcher", () => {
  const db = useTestDatabase();
  let resend: FakeResend;
  let env: ReturnType<typeof testEnv>;

  const queue = async (to: string, n: number | string = to) =>
    db().transaction((tx) => queueEmail(tx, { to, template: "password-reset", props: resetProps(n) }));
  const row = async (id: string) => (await db().select().from(schema.outbox).where(eq(schema.outbox.id, id)))[0];

  beforeAll(async () => {
    resend = await startFakeResend();
    env = testEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url, EMAIL_FROM: "Marketplace <no-reply@marketplace.test>" });
  });
  beforeEach(async () => {
    // Each test looks only at what it queues.
    await db().update(schema.outbox).set({ status: "sent" }).where(eq(schema.outbox.status, "pending"));
    resend.requests.length = 0;
    resend.delivered.clear();
    resend.failNext(0);
  });
  afterAll(async () => {
    await resend?.close();
  });

  it("without an API key, marks emails sent and keeps them for the local mailbox", async () => {
    const id = await queue("local@example.org");
    const result = await dispatchDue(db(), { sender: createEmailSender(testEnv()) });
    expect(result).toEqual({ sent: 1, failed: 0 });
    const sent = await row(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.payload).toEqual(resetProps("local@example.org"));
    expect(resend.requests).toHaveLength(0);
  });

  it("sends through Resend with the outbox row's id as the idempotency key, then drops the links it held", async () => {
    const id = await queue("sam@example.org");
    await dispatchDue(db(), { sender: createEmailSender(env) });
    expect(resend.requests).toHaveLength(1);
    const [sent] = resend.requests;
    expect(sent.headers["idempotency-key"]).toBe(id);
    expect(sent.headers.authorization).toBe("Bearer re_test_key");
    expect(sent.body).toMatchObject({ from: "Marketplace <no-reply@marketplace.test>", to: "sam@example.org", subject: "Reset your password" });
    expect(sent.body.html).toContain("http://localhost:3000/reset-password/tokensam@example.org");
    expect(sent.body.text).toContain("Choose a new password");
    expect(await row(id)).toMatchObject({ status: "sent", payload: {} });
  });

  it("retries after a failure with backoff, and a retry after a lost answer does not send twice", async () => {
    const id = await queue("retry@example.org");
    const now = new Date();
    resend.failNext(1, { afterAccepting: true });
    expect(await dispatchDue(db(), { sender: createEmailSender(env), now })).toEqual({ sent: 0, failed: 1 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toContain("Resend refused the email");
    expect(waiting.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);

    expect(await dispatchDue(db(), { sender: createEmailSender(env), now: new Date(now.getTime() + 10_000) })).toEqual({ sent: 0, failed: 0 });
    expect(await dispatchDue(db(), { sender: createEmailSender(env), now: new Date(now.getTime() + 30_000) })).toEqual({ sent: 1, failed: 0 });
    expect(resend.requests.map((r) => r.headers["idempotency-key"])).toEqual([id, id]);
    expect(resend.delivered.size).toBe(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it(`sets a message aside as failed after ${MAX_ATTEMPTS} failures`, async () => {
    const id = await queue("bounce@example.org");
    resend.failNext(100);
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await dispatchDue(db(), { sender: createEmailSender(env), now })).toEqual({ sent: 0, failed: 1 });
      now = new Date((await row(id)).nextAttemptAt.getTime());
    }
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await dispatchDue(db(), { sender: createEmailSender(env), now: new Date(now.getTime() + 86_400_000) })).toEqual({ sent: 0, failed: 0 });
    expect(resend.requests).toHaveLength(MAX_ATTEMPTS);
  });

  it("records a message it cannot build as a failure, without stopping the others", async () => {
    const [bad] = await db().insert(schema.outbox).values({ kind: "email", topic: "no-such-template", recipient: "x@example.org", payload: {} }).returning();
    const [job] = await db().insert(schema.outbox).values({ kind: "job", topic: "unknown-job", payload: {} }).returning();
    const good = await queue("fine@example.org");
    const result = await dispatchDue(db(), { sender: createEmailSender(testEnv()) });
    expect(result).toEqual({ sent: 1, failed: 2 });
    expect((await row(bad.id)).lastError).toContain("no-such-template");
    expect((await row(job.id)).lastError).toContain("unknown-job");
    expect((await row(good)).status).toBe("sent");
  });

  it("takes a row queued in the same millisecond as its clock, though PostgreSQL keeps microseconds", async () => {
    const seen: unknown[] = [];
    const [job] = await db()
      .insert(schema.outbox)
      .values({ kind: "job", topic: "note", payload: { n: 1 }, nextAttemptAt: sql`'2030-01-01 00:00:00.000500+00'::timestamptz` })
      .returning();
    const jobs = { note: async (_db: unknown, payload: unknown) => void seen.push(payload) };
    await dispatchDue(db(), { sender: createEmailSender(testEnv()), jobs, now: new Date("2029-12-31T23:59:59.999Z") });
    expect(seen).toEqual([]);
    await dispatchDue(db(), { sender: createEmailSender(testEnv()), jobs, now: new Date("2030-01-01T00:00:00.000Z") });
    expect(seen).toEqual([{ n: 1 }]);
    expect((await row(job.id)).status).toBe("sent");
  });

  it("runs jobs by their handler", async () => {
    const seen: unknown[] = [];
    const [job] = await db()
      .insert(schema.outbox)
      .values({ kind: "job", topic: "note", payload: { n: 7 } })
      .returning();
    await dispatchDue(db(), { sender: createEmailSender(testEnv()), jobs: { note: async (_db, payload) => void seen.push(payload) } });
    expect(seen).toEqual([{ n: 7 }]);
    expect((await row(job.id)).status).toBe("sent");
  });

  it("two dispatchers working at once send every message exactly once", async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => queue(`crowd-${i}@example.org`, i)));
    const results = await Promise.all([
      dispatchDue(db(), { sender: createEmailSender(env), batchSize: 4 }),
      dispatchDue(db(), { sender: createEmailSender(env), batchSize: 4 }),
    ]);
    expect(results[0].sent + results[1].sent).toBe(30);
    expect(resend.requests).toHaveLength(30);
    expect(new Set(resend.requests.map((r) => r.headers["idempotency-key"]))).toEqual(new Set(ids));
    const rows = await db().select().from(schema.outbox).where(inArray(schema.outbox.id, ids));
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["sent", 1]));
  });

  it("ticks periodic tasks, survives one that fails, and stop() waits for the tick in flight", async () => {
    const calls: Date[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const errors: unknown[] = [];
    const failing: PeriodicTask = async () => {
      throw new Error("this task is broken");
    };
    const slow: PeriodicTask = async (_db, now) => {
      calls.push(now);
      if (calls.length === 2) await gate;
    };
    const dispatcher = startDispatcher(db(), { ...testEnv(), OUTBOX_INTERVAL_MS: 50 }, { tasks: [failing, slow], onError: (e) => errors.push(e) });
    await expect.poll(() => calls.length, { timeout: 5000 }).toBe(2);
    let stopped = false;
    const stopping = dispatcher.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    const after = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls.length).toBe(after);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(String(errors[0])).toContain("this task is broken");
  });

  it("sends at once when woken, not at the next tick, and wakes during a tick make one more tick after it", async () => {
    let ticks = 0;
    let release!: () => void;
    let gate: Promise<void> | null = null;
    const counting: PeriodicTask = async () => {
      ticks++;
      await gate;
    };
    // The first tick runs as it starts; the next would be a minute later.
    const dispatcher = startDispatcher(db(), { ...testEnv(), OUTBOX_INTERVAL_MS: 60_000 }, { tasks: [counting] });
    try {
      await expect.poll(() => ticks).toBe(1);
      const id = await queue("woken@example.org");
      dispatcher.wake();
      await expect.poll(async () => (await row(id)).status, { timeout: 5_000 }).toBe("sent");
      expect(ticks).toBe(2);

      // Three wakes while a tick is held: it ends, and exactly one tick follows.
      gate = new Promise<void>((resolve) => (release = resolve));
      dispatcher.wake();
      await expect.poll(() => ticks).toBe(3);
      const during = await queue("during@example.org");
      dispatcher.wake();
      dispatcher.wake();
      dispatcher.wake();
      gate = null;
      release();
      await expect.poll(async () => (await row(during)).status, { timeout: 5_000 }).toBe("sent");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ticks).toBe(4);
    } finally {
      await dispatcher.stop();
    }
    dispatcher.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ticks, "a stopped dispatcher does not wake").toBe(4);
  });

  it("runs a task given everyInterval at most once per interval", async () => {
    let runs = 0;
    const task = everyInterval(60_000, async () => void runs++);
    const t0 = new Date("2026-01-05T09:00:00Z");
    for (const offset of [0, 1_000, 59_999, 60_000, 61_000, 120_000]) await task(db(), new Date(t0.getTime() + offset), { appUrl: "http://localhost:3000" });
    expect(runs).toBe(3);
  });

  it("purges expired sessions and old throttle windows", async () => {
    const user = await createUser(db());
    const now = new Date();
    const stale = await createSession(db(), generateSessionToken(), user.id, null, new Date(now.getTime() - 13 * 3600_000));
    const live = await createSession(db(), generateSessionToken(), user.id, null, now);
    await db()
      .insert(schema.rateLimits)
      .values([
        { key: "sign-in:ip:old", windowStart: new Date(now.getTime() - 2 * 86_400_000), count: 3 },
        { key: "sign-in:ip:new", windowStart: now, count: 3 },
      ]);
    await purgeExpired(db(), now);
    const sessions = await db().select({ id: schema.sessions.id }).from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(sessions.map((s) => s.id)).toEqual([live.id]);
    expect(sessions.map((s) => s.id)).not.toContain(stale.id);
    expect((await db().select().from(schema.rateLimits)).map((r) => r.key)).toEqual(["sign-in:ip:new"]);
  });

  describe("the local mailbox", () => {
    const demo = () => appContext(db(), { env: testEnv({ DEMO: "true" }) });
    const list = (query: string, context = demo()) =>
      respond(() => mailboxLoader({ request: request(`/dev/mailbox${query}`), context, params: {} } as LoaderFunctionArgs));
    const open = (id: string, context = demo()) =>
      respond(() => mailboxEmailLoader({ request: request(`/dev/mailbox/${id}`), context, params: { id } } as LoaderFunctionArgs));

    it("is not there outside the demo and development", async () => {
      const id = await queue("hidden@example.org");
      const production = appContext(db(), { env: testEnv({ DEMO: "false", NODE_ENV: "production" }) });
      expect((await list("", production)).status).toBe(404);
      expect((await open(id, production)).status).toBe(404);
      const development = appContext(db(), { env: testEnv({ DEMO: "false", NODE_ENV: "development" }), clientIp: "127.0.0.1" });
      expect((await list("", development)).status).toBe(200);
    });

    it("lists emails newest first, filters by recipient, and shows an email with its links", async () => {
      const first = await queue("reader@example.org", "one");
      const second = await queue("reader@example.org", "two");
      await queue("someone.else@example.org");
      const page = (await list("?to=Reader@Example.org")) as { data: { emails: { id: string; to: string; subject: string }[] } };
      expect(page.data.emails.map((e) => e.id)).toEqual([second, first]);
      expect(page.data.emails[0]).toMatchObject({ to: "reader@example.org", subject: "Reset your password" });

      const email = (await open(second)) as { data: { email: { subject: string; text: string } } };
      expect(email.data.email.subject).toBe("Reset your password");
      expect(email.data.email.text).toContain("http://localhost:3000/reset-password/tokentwo");
      expect((await open("not-a-uuid")).status).toBe(404);
      expect((await open("00000000-0000-0000-0000-000000000000")).status).toBe(404);
    });
  });
});
