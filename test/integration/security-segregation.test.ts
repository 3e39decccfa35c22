import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import * as financeInvoice from "~/routes/finance.invoices.$invoiceId";
import * as invoicePage from "~/routes/invoices.$invoiceId";
import * as purchaseNew from "~/routes/purchases.new";
import { createAccount } from "../factories/identity";
import { postMembersPage } from "../factories/members";
import { createPurchasingWorld } from "../factories/purchasing";
import { createAuthority, createOrganisation } from "../factories/tenancy";
import { type Answer, appContext, dataOf, errorsOf, request, respond, sessionCookieFor } from "../setup/context";
import { useTestDatabase } from "../factories/database";
import { rowCounts } from "../setup/rows";
import { confirmedPurchaseForm } from "../setup/purchase-form";

const statusOf = (answer: Answer) => answer.status;

describe("segregation of duties", () => {
  const db = useTestDatabase();
  let context: AppLoadContext;
  let office: typeof schema.organisations.$inferSelect;
  let board: typeof schema.organisations.$inferSelect;
  let admin: Awaited<ReturnType<typeof createAccount>>;
  let otherAdmins: Awaited<ReturnType<typeof createAccount>>[];
  let foreignAdmin: Awaited<ReturnType<typeof createAccount>>;
  let adminCookie: string;

  const invite = (organisationId: string, form: Record<string, string>, cookie = adminCookie) => postMembersPage(context, organisationId, cookie, form);
  const counts = () => rowCounts(db(), { users: schema.users, memberships: schema.memberships, outbox: schema.outbox, audit: schema.auditLog });
  const emailsAbout = async (topic: string) => db().select().from(schema.outbox).where(eq(schema.outbox.topic, topic));

  beforeAll(async () => {
    context = appContext(db());
    const authority = await createAuthority(db());
    office = await createOrganisation(db(), authority.id, "authority_office", "County Office");
    board = await createOrganisation(db(), authority.id, "improvement_board", "Primary Board");
    admin = await createAccount(db(), office, "la_admin", { name: "Jo Green" });
    otherAdmins = [await createAccount(db(), office, "la_admin", { name: "Alex Morgan" }), await createAccount(db(), office, "la_admin", { name: "Kim Lee" })];
    const foreign = await createAuthority(db());
    foreignAdmin = await createAccount(db(), await createOrganisation(db(), foreign.id, "authority_office"), "la_admin");
    adminCookie = await sessionCookieFor(db(), admin.id, office.id);
  });

  it("refuses an administrator who invites themselves into any role, and writes nothing", async () => {
    const before = await counts();
    for (const [organisation, role] of [
      [office, "la_finance"],
      [office, "commissioner"],
      [board, "qa_panel_member"],
    ] as const) {
      for (const email of [admin.email, admin.email.toUpperCase()]) {
        const answer = await invite(organisation.id, { name: "Jo Green", email, role });
        expect(statusOf(answer)).toBe(403);
        expect(errorsOf(answer).email).toEqual(["You cannot give yourself a role. Ask another administrator to do it"]);
      }
    }
    expect(await counts()).toEqual(before);
    const roles = await db().select({ role: schema.memberships.role }).from(schema.memberships).where(eq(schema.memberships.userId, admin.id));
    expect(roles.map((r) => r.role)).toEqual(["la_admin"]);
  });

  it("tells every other administrator of the authority when someone is given a finance or administrator role, and audits it", async () => {
    for (const role of ["la_finance", "la_admin"] as const) {
      const email = `new-${role}@example.org`;
      expect(statusOf(await invite(office.id, { name: "Sam Patel", email, role }))).toBe(302);
      const told = (await emailsAbout("role-granted")).filter((e) => (e.payload as { personEmail: string }).personEmail === email);
      expect(told.map((e) => e.recipient).sort()).toEqual(otherAdmins.map((a) => a.email).sort());
      expect(told.map((e) => e.recipient)).not.toContain(admin.email);
      expect(told.map((e) => e.recipient)).not.toContain(foreignAdmin.email);
      expect(told[0].payload).toMatchObject({ personName: "Sam Patel", grantedByName: "Jo Green", organisationName: "County Office" });
      const [person] = await db().select().from(schema.users).where(eq(schema.users.email, email));
      const [membership] = await db()
        .select()
        .from(schema.memberships)
        .where(and(eq(schema.memberships.userId, person.id), eq(schema.memberships.role, role)));
      const [row] = await db().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, membership.id));
      expect(row.actorUserId).toBe(admin.id);
      expect(row.after).toMatchObject({ role, grantedBy: admin.id, administratorsTold: expect.arrayContaining(otherAdmins.map((a) => a.id)) });
    }
  });

  it("tells nobody extra for a role that manages neither people nor money", async () => {
    const before = (await emailsAbout("role-granted")).length;
    expect(statusOf(await invite(office.id, { name: "Ana Silva", email: "ana.silva@example.org", role: "commissioner" }))).toBe(302);
    expect((await emailsAbout("role-granted")).length).toBe(before);
  });

  it("records who recorded a payment and shows it to finance on the invoice", async () => {
    const world = await createPurchasingWorld(db(), { schools: 1 });
    const ctx = () => appContext(db());
    const head = await sessionCookieFor(db(), world.members[0].head.id, world.members[0].school.id);
    const finance = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const form = confirmedPurchaseForm(world, "invoice");
    expect(statusOf(await respond(() => purchaseNew.action({ request: request("/purchases/new", { cookie: head, form }), params: {}, context: ctx() })))).toBe(
      303,
    );
    const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.schoolId, world.members[0].school.id));
    const key = dataOf<{ idempotencyKey: string }>(
      await respond(() =>
        financeInvoice.loader({
          request: request(`/finance/invoices/${invoice.id}`, { cookie: finance }),
          params: { invoiceId: invoice.id },
          context: ctx(),
        } as LoaderFunctionArgs),
      ),
    ).idempotencyKey;
    const pay = { amount: (invoice.grossPence / 100).toFixed(2), bankReference: "BACS 12", receivedOn: "2026-01-20", idempotencyKey: key };
    expect(
      statusOf(
        await respond(() =>
          financeInvoice.action({
            request: request(`/finance/invoices/${invoice.id}`, { cookie: finance, form: pay }),
            params: { invoiceId: invoice.id },
            context: ctx(),
          } as ActionFunctionArgs),
        ),
      ),
    ).toBe(303);

    const [payment] = await db().select().from(schema.payments).where(eq(schema.payments.invoiceId, invoice.id));
    expect(payment.recordedBy).toBe(world.finance.id);
    const view = (cookie: string) =>
      respond(() =>
        invoicePage.loader({
          request: request(`/invoices/${invoice.id}`, { cookie }),
          params: { invoiceId: invoice.id },
          context: ctx(),
        } as LoaderFunctionArgs),
      );
    const seen = dataOf<{ invoice: { payment: { recordedByName: string } | null }; isFinance: boolean }>(await view(finance));
    expect(seen.isFinance).toBe(true);
    expect(seen.invoice.payment?.recordedByName).toBe(world.finance.name);
  });
});
