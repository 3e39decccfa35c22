// An authority's administrator sees the emails the dispatcher gave up on, and sends one again.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { createEmailSender } from "~/integrations/email.server";
import { dispatchDue } from "~/integrations/outbox-dispatcher.server";
import { action, loader } from "~/routes/admin.outbox";
import { startFakeResend, type FakeResend } from "../mocks/resend";
import { createAuthority, createMember, createOrganisation, createSchool, createUser } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor, testEnv } from "../setup/context";
import { useTestDatabase } from "../factories/database";

type Page = { rows: { id: string; recipient: string | null; attempts: number; lastError: string | null }[]; confirmation: string | null };

describe("failed emails, for an authority's administrator", () => {
  const db = useTestDatabase();
  let resend: FakeResend;
  let adminCookie: string;
  let otherAdminCookie: string;
  let headCookie: string;
  const ids: Record<string, string> = {};

  const failedRow = async (values: Partial<typeof schema.outbox.$inferInsert>) => {
    const [row] = await db()
      .insert(schema.outbox)
      .values({
        kind: "email",
        topic: "password-reset",
        payload: { name: "Sam", url: "http://localhost:3000/reset-password/live-token", expiresInMinutes: 60 },
        status: "failed",
        attempts: 8,
        lastError: "Resend refused the email: validation_error: bad address",
        ...values,
      })
      .returning();
    return row.id;
  };
  const rowOf = async (id: string) => (await db().select().from(schema.outbox).where(eq(schema.outbox.id, id)))[0];
  const load = async (cookie: string) => respond(() => loader({ request: request("/admin/outbox", { cookie }), context: appContext(db()), params: {} }));
  const retry = async (cookie: string, outboxId: string) =>
    respond(() => action({ request: request("/admin/outbox", { cookie, form: { outboxId } }), context: appContext(db()), params: {} }));

  beforeAll(async () => {
    resend = await startFakeResend();
    const arden = await createAuthority(db());
    const other = await createAuthority(db());
    const office = await createOrganisation(db(), arden.id, "authority_office");
    const otherOffice = await createOrganisation(db(), other.id, "authority_office");
    const { organisation: school } = await createSchool(db(), arden.id);
    const admin = await createMember(db(), office, "la_admin");
    const otherAdmin = await createMember(db(), otherOffice, "la_admin");
    const head = await createMember(db(), school, "headteacher", { email: "head@arden.example" });
    const stranger = await createUser(db(), { email: "stranger@nowhere.example" });
    adminCookie = await sessionCookieFor(db(), admin.id);
    otherAdminCookie = await sessionCookieFor(db(), otherAdmin.id);
    headCookie = await sessionCookieFor(db(), head.id);
    // Written before any authority was known, to a person of Arden: Arden's.
    ids.toHead = await failedRow({ recipient: "head@arden.example" });
    ids.forArden = await failedRow({ recipient: "someone@provider.example", authorityId: arden.id, topic: "offer-decision" });
    ids.forOther = await failedRow({ recipient: "other@other.example", authorityId: other.id });
    ids.toStranger = await failedRow({ recipient: stranger.email });
    // Waiting for its next attempt, an hour from now.
    ids.pendingInArden = await failedRow({ recipient: "head@arden.example", status: "pending", attempts: 2, nextAttemptAt: new Date(Date.now() + 3_600_000) });
  });
  afterAll(async () => {
    await resend?.close();
  });

  it("lists the authority's failed rows only, with recipient, attempts and the last error", async () => {
    const page = (await load(adminCookie)) as { data: Page; status: number };
    expect(page.status).toBe(200);
    expect(page.data.rows.map((r) => r.id).sort()).toEqual([ids.toHead, ids.forArden].sort());
    expect(page.data.rows[0]).toMatchObject({ attempts: 8, lastError: expect.stringContaining("bad address") });
    expect(JSON.stringify(page.data)).not.toContain("live-token");
  });

  it("is not for anyone but an la_admin", async () => {
    const refused = await load(headCookie);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    const post = await retry(headCookie, ids.toHead);
    expect((post as Response).status).toBe(403);
    expect(await rowOf(ids.toHead)).toMatchObject({ status: "failed", attempts: 8 });
  });

  it("cannot touch another authority's rows", async () => {
    const response = await retry(adminCookie, ids.forOther);
    expect((response as Response).status).toBe(404);
    expect(await rowOf(ids.forOther)).toMatchObject({ status: "failed", attempts: 8 });
    const otherPage = (await load(otherAdminCookie)) as { data: Page };
    expect(otherPage.data.rows.map((r) => r.id)).toEqual([ids.forOther]);
  });

  it("sends one again: the row goes back to the dispatcher, the retry is audited, and it is sent once", async () => {
    const response = (await retry(adminCookie, ids.toHead)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/admin/outbox?retried=${encodeURIComponent("head@arden.example")}`);
    expect(await rowOf(ids.toHead)).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    const audits = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityType, "outbox"), eq(schema.auditLog.entityId, ids.toHead)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "outbox.retried", before: { status: "failed", attempts: 8 }, after: { status: "pending", attempts: 0 } });

    const confirmed = (await respond(() =>
      loader({ request: request("/admin/outbox?retried=head%40arden.example", { cookie: adminCookie }), context: appContext(db()), params: {} }),
    )) as { data: Page };
    expect(confirmed.data.confirmation).toContain("head@arden.example");
    expect(confirmed.data.rows.map((r) => r.id)).toEqual([ids.forArden]);

    const sender = createEmailSender(testEnv({ RESEND_API_KEY: "re_test", RESEND_BASE_URL: resend.url }));
    await dispatchDue(db(), { sender });
    expect(resend.requests.filter((r) => r.headers["idempotency-key"] === ids.toHead)).toHaveLength(1);
    expect(await rowOf(ids.toHead)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("refuses to retry a row that is not failed, with a message and nothing written", async () => {
    const response = (await retry(adminCookie, ids.pendingInArden)) as { data: { errors: Record<string, string[]> }; status: number };
    expect(response.status).toBe(409);
    expect(response.data.errors.form[0]).toContain("already waiting");
    expect(await rowOf(ids.pendingInArden)).toMatchObject({ status: "pending", attempts: 2 });
    const bad = (await retry(adminCookie, "not-an-id")) as { status: number };
    expect(bad.status).toBe(400);
  });
});
