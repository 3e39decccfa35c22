import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import * as pay from "~/routes/invoices.$invoiceId_.pay";
import * as preparing from "~/routes/payments.$checkoutId";
import * as reconciliationPage from "~/routes/finance.reconciliation";
import * as refundPage from "~/routes/finance.refunds.$checkoutId";
import * as payouts from "~/routes/provider.payouts";
import * as collectivePage from "~/routes/collective-purchases.$purchaseId";
import { closeCollective, joinCollective, openCollective } from "../factories/collective";
import { invoicedOrder, useStripeWorld, type StripeTestbed } from "../factories/stripe";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

describe("the payment pages", () => {
  const { db, bed, world } = useStripeWorld(1);

  it("pay an invoice: bad amounts answer 400 and write nothing; a good one goes to the preparing page, then to Stripe", async () => {
    const { invoice, head, school } = await invoicedOrder(db(), world(), 0);
    const cookie = await sessionCookieFor(db(), head.id, school.id);
    const path = `/invoices/${invoice.id}/pay`;
    const post = (form: Record<string, string>) =>
      respond(() => pay.action({ request: request(path, { cookie, form }), params: { invoiceId: invoice.id }, context: bed().context() }));
    const key = "6f1c1c9e-8f55-4a8e-9d0b-0b7c0f0e6a11";
    for (const amount of ["", "abc", "\u0000", "9".repeat(40), "-5", "0.10", String(invoice.grossPence)]) {
      expect((await post({ amount, checkoutId: key })).status).toBe(400);
    }
    expect((await post({ amount: "10.00", checkoutId: "not-a-uuid" })).status).toBe(400);
    expect(await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.invoiceId, invoice.id))).toHaveLength(0);
    const ok = (await post({ amount: "100.00", checkoutId: key })) as Response;
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toMatch(new RegExp(`^/payments/${key}\\?done=checkoutStarted`));
    const waiting = await respond(() =>
      preparing.loader({ request: request(`/payments/${key}`, { cookie }), params: { checkoutId: key }, context: bed().context() }),
    );
    expect(waiting.status).toBe(200);
    await bed().runOutbox();
    const toStripe = (await respond(() =>
      preparing.loader({ request: request(`/payments/${key}`, { cookie }), params: { checkoutId: key }, context: bed().context() }),
    )) as Response;
    expect(toStripe.headers.get("Location")).toMatch(new RegExp(`^${bed().fake.url}/pay/cs_test_`));
    // Without Stripe the page says why and offers nothing.
    const off = await respond(() => pay.loader({ request: request(path, { cookie }), params: { invoiceId: invoice.id }, context: appContext(db()) }));
    expect((off as { data: { stripeEnabled: boolean; open: boolean } }).data).toMatchObject({ stripeEnabled: false, open: false });
    // Another id, a malformed one, someone else's checkout: 404.
    for (const id of ["00000000-0000-4000-8000-000000000000", "x"]) {
      expect(
        (await respond(() => pay.loader({ request: request(`/invoices/${id}/pay`, { cookie }), params: { invoiceId: id }, context: bed().context() }))).status,
      ).toBe(404);
      expect(
        (await respond(() => preparing.loader({ request: request(`/payments/${id}`, { cookie }), params: { checkoutId: id }, context: bed().context() })))
          .status,
      ).toBe(404);
    }
  });

  it("keeps reconciliation and refunds to finance, and payouts to the provider's admin", async () => {
    const { head, school } = world().members[0];
    const headCookie = await sessionCookieFor(db(), head.id, school.id);
    const financeCookie = await sessionCookieFor(db(), world().finance.id, world().office.id);
    expect(
      (
        await respond(() =>
          reconciliationPage.loader({ request: request("/finance/reconciliation", { cookie: headCookie }), params: {}, context: bed().context() }),
        )
      ).status,
    ).toBe(403);
    const page = await respond(() =>
      reconciliationPage.loader({ request: request("/finance/reconciliation", { cookie: financeCookie }), params: {}, context: bed().context() }),
    );
    expect(page.status).toBe(200);
    const [checkout] = await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.authorityId, world().authority.id));
    expect(
      (
        await respond(() =>
          refundPage.loader({
            request: request(`/finance/refunds/${checkout.id}`, { cookie: headCookie }),
            params: { checkoutId: checkout.id },
            context: bed().context(),
          }),
        )
      ).status,
    ).toBe(403);
    const refund = await respond(() =>
      refundPage.action({
        request: request(`/finance/refunds/${checkout.id}`, {
          cookie: financeCookie,
          form: { intent: "refund", amount: "1.00", reason: "", idempotencyKey: checkout.id },
        }),
        params: { checkoutId: checkout.id },
        context: bed().context(),
      }),
    );
    expect(refund.status).toBe(400);
    expect(await db().select().from(schema.stripeRefunds)).toHaveLength(0);
    expect(
      (await respond(() => payouts.loader({ request: request("/provider/payouts", { cookie: headCookie }), params: {}, context: bed().context() }))).status,
    ).toBe(403);
    const adminCookie = await sessionCookieFor(db(), world().providerAdmin.id, world().provider.id);
    const started = (await respond(() =>
      payouts.action({ request: request("/provider/payouts", { cookie: adminCookie, form: { intent: "start" } }), params: {}, context: bed().context() }),
    )) as Response;
    expect(started.status).toBe(303);
    await bed().runOutbox();
    const onboarding = (await respond(() =>
      payouts.action({ request: request("/provider/payouts", { cookie: adminCookie, form: { intent: "continue" } }), params: {}, context: bed().context() }),
    )) as Response;
    expect(onboarding.headers.get("Location")).toMatch(new RegExp(`^${bed().fake.url}/onboarding/acct_test_`));
  });

  it("an invoiced share of a collective purchase links to paying it online where Stripe is set up, and not without it", async () => {
    const purchase = await openCollective(db(), world(), { minSchools: 1 });
    const { school, head } = world().members[0];
    await joinCollective(db(), world(), purchase.id, { members: [world().members[0]] });
    await closeCollective(db(), world(), purchase.id);
    const [order] = await db().select().from(schema.orders).where(eq(schema.orders.collectivePurchaseId, purchase.id));
    const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, order.id));
    expect(invoice.status).toBe("issued");

    const cookie = await sessionCookieFor(db(), head.id, school.id);
    const load = (context: ReturnType<StripeTestbed["context"]>) =>
      respond(() =>
        collectivePage.loader({ request: request(`/collective-purchases/${purchase.id}`, { cookie }), params: { purchaseId: purchase.id }, context }),
      ) as Promise<{ data: { payOnline: Record<string, { invoiceId: string; number: string }> } }>;
    // The join card shows "Pay invoice <number> online", linking to the invoice's payment page.
    expect((await load(bed().context())).data.payOnline).toEqual({ [school.id]: { invoiceId: invoice.id, number: invoice.number } });
    expect((await load(appContext(db()))).data.payOnline).toEqual({});
  });
});
