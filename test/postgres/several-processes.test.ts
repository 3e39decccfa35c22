// App servers keep no state: two of them (one a cluster of two workers) and their three outbox
// dispatchers share one PostgreSQL. A session made on one is recognised on the other, and every
// outbox row reaches Resend exactly once. Each request's log line counts the SQL statements it sent.
import { readdirSync, readFileSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "#db/client";
import { schema } from "~/db.server";
import { queueEmail } from "~/domain/outbox.server";
import { startFakeResend, type FakeResend } from "../mocks/resend";
import { createAccount, PASSWORD } from "../factories/identity";
import { createAuthority, createOrganisation } from "../factories/tenancy";
import { startBuiltServer, type BuiltServer } from "../setup/built-server.mjs";
import { freshPostgres } from "../setup/postgres";

const EMAILS = 300;

/** The node processes whose parent is `pid` (Linux /proc). */
const childrenOf = (pid: number) =>
  readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    });

describe("two app processes and their dispatchers on one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let handle: DatabaseHandle;
  let resend: FakeResend;
  let one: BuiltServer;
  let two: BuiltServer;
  let email: string;
  let name: string;

  beforeAll(async () => {
    database = await freshPostgres("mkt_processes");
    resend = await startFakeResend();
    const env = {
      DATABASE_URL: database.url,
      DEMO: "false",
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: resend.url,
      OUTBOX_INTERVAL_MS: "50",
      LOG_LEVEL: "warn",
    };
    // The first is a cluster of two workers (two dispatchers); both start together.
    [one, two] = await Promise.all([startBuiltServer({ ...env, WEB_CONCURRENCY: "2" }), startBuiltServer({ ...env, WEB_CONCURRENCY: "1", LOG_LEVEL: "info" })]);
    handle = await openDatabase({ kind: "postgres", url: database.url, max: 2 });
    const authority = await createAuthority(handle.db);
    const office = await createOrganisation(handle.db, authority.id, "authority_office");
    const admin = await createAccount(handle.db, office, "la_admin");
    email = admin.email;
    name = admin.name;
  });
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await handle?.close();
    await resend?.close();
    await database?.drop();
  });

  it("runs the first as a cluster: its process has two worker processes", () => {
    expect(childrenOf(one.child.pid!)).toHaveLength(2);
    expect(childrenOf(two.child.pid!)).toHaveLength(0);
  });

  it("recognises on one server a person who signed in on the other", async () => {
    const signIn = await fetch(`${one.url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: one.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(302);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
    expect(cookie).toMatch(/^session=.+/);

    const elsewhere = await fetch(`${two.url}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.text()).toContain(name);
    const stranger = await fetch(`${two.url}/account`, { redirect: "manual" });
    expect(stranger.status).toBe(302);

    // The page's language and its two loaders (the layout's and the account's) share one look-up of
    // the session with the person's memberships and their shortlist's count; the account page then
    // reads the live sessions. The visitor's redirect sends none. (A line is written as its response ends.)
    const logged = () =>
      two
        .output()
        .split("\n")
        .filter((line) => line.includes('"route":"/account"'))
        .map((line) => JSON.parse(line) as { status: number; userId?: string; queries: number });
    await expect.poll(() => logged().length).toBe(2);
    const lines = logged();
    expect(lines.map(({ status, queries }) => ({ status, queries }))).toEqual([
      { status: 200, queries: 2 },
      { status: 302, queries: 0 },
    ]);
    expect(lines[0].userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends every outbox row exactly once between the three dispatchers", async () => {
    const ids = await handle.db.transaction(async (tx) => {
      const queued: string[] = [];
      for (let n = 0; n < EMAILS; n++) {
        queued.push(
          await queueEmail(tx, {
            to: `person-${n}@example.org`,
            template: "password-reset",
            props: { name: `Person ${n}`, url: `http://localhost:3000/reset-password/t${n}`, expiresInMinutes: 60 },
          }),
        );
      }
      return queued;
    });
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [{ sent }] = await handle.db
        .select({ sent: sql<number>`count(*)::int` })
        .from(schema.outbox)
        .where(and(inArray(schema.outbox.id, ids), eq(schema.outbox.status, "sent")));
      if (sent === EMAILS || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const rows = await handle.db
      .select({ status: schema.outbox.status, attempts: schema.outbox.attempts })
      .from(schema.outbox)
      .where(inArray(schema.outbox.id, ids));
    expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    const keys = resend.requests.map((r) => String(r.headers["idempotency-key"]));
    const ours = keys.filter((key) => ids.includes(key));
    expect(ours).toHaveLength(EMAILS);
    expect(new Set(ours).size).toBe(EMAILS);
  });

  it("stops the cluster on SIGTERM: workers finish and exit, then the primary exits 0", async () => {
    const pid = one.child.pid!;
    expect(await one.stop()).toBe(0);
    expect(childrenOf(pid)).toEqual([]);
    expect(one.output()).toContain("SIGTERM received");
  });
});
