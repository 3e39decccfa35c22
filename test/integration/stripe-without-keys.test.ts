import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { placeOrder } from "~/domain/purchasing/place-order.server";
import * as reconciliationPage from "~/routes/finance.reconciliation";
import * as invoicePage from "~/routes/invoices.$invoiceId";
import * as payoutsPage from "~/routes/provider.payouts";
import { actorFor, createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor, TEST_ORIGIN } from "../setup/context";
import { useTestDatabase } from "../factories/database";

describe("without Stripe's keys", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  beforeAll(async () => {
    // Maintained schools buying from the authority's traded services: invoice, recharge and pot are all open to them.
    world = await createPurchasingWorld(db(), { schools: 2, providerKind: "la_traded_services" });
  });

  const buy = async (paymentRoute: "invoice" | "internal_recharge" | "consortium_pot", key: string) => {
    const { school, head } = world.members[0];
    return placeOrder(db(), {
      actor: await actorFor(db(), head, world.authority.id),
      authorityId: world.authority.id,
      schoolId: school.id,
      offerId: world.offer.id,
      delegates: 1,
      poNumber: null,
      paymentRoute,
      idempotencyKey: key,
      appUrl: TEST_ORIGIN,
    });
  };

  it("invoice, recharge and pot work; the invoice offers no online payment and says why; payouts are hidden; reconciliation matches the bank only", async () => {
    const invoiced = await buy("invoice", "no-keys-invoice");
    const recharged = await buy("internal_recharge", "no-keys-recharge");
    const pot = await buy("consortium_pot", "no-keys-pot");
    expect(invoiced.order.paymentRoute).toBe("invoice");
    expect(recharged.order.paymentRoute).toBe("internal_recharge");
    expect(pot.order.paymentRoute).toBe("consortium_pot");
    expect(await db().select().from(schema.recharges).where(eq(schema.recharges.orderId, recharged.order.id))).toHaveLength(1);
    const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, invoiced.order.id));
    expect(invoice.status).toBe("issued");

    const { school, head } = world.members[0];
    const headCookie = await sessionCookieFor(db(), head.id, school.id);
    const shown = await respond(() =>
      invoicePage.loader({ request: request(`/invoices/${invoice.id}`, { cookie: headCookie }), params: { invoiceId: invoice.id }, context: appContext(db()) }),
    );
    // The page shows "payments.unavailable" (the one sentence) for an invoice it would otherwise offer to pay online.
    expect((shown as { data: { online: unknown } }).data.online).toMatchObject({ stripeEnabled: false, open: false, routeAllows: true });

    const adminCookie = await sessionCookieFor(db(), world.providerAdmin.id, world.provider.id);
    const payouts = await respond(() =>
      payoutsPage.loader({ request: request("/provider/payouts", { cookie: adminCookie }), params: {}, context: appContext(db()) }),
    );
    expect((payouts as { data: { stripeEnabled: boolean; account: unknown } }).data).toMatchObject({ stripeEnabled: false, account: null });
    const start = await respond(() =>
      payoutsPage.action({ request: request("/provider/payouts", { cookie: adminCookie, form: { intent: "start" } }), params: {}, context: appContext(db()) }),
    );
    expect(start.status).toBe(409);
    expect(await db().select().from(schema.stripeAccounts)).toEqual([]);

    const financeCookie = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const view = await respond(() =>
      reconciliationPage.loader({ request: request("/finance/reconciliation", { cookie: financeCookie }), params: {}, context: appContext(db()) }),
    );
    expect((view as { data: { view: { stripe: { state: string } } } }).data.view.stripe).toEqual({ state: "off" });
  });
});
