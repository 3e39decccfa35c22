import { randomUUID } from "node:crypto";
import { and, eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { applySession, retrieveSession } from "~/domain/payments/sync-checkout.server";
import * as deliveryRoute from "~/routes/purchases.$orderId_.delivery";
import { financeRecordsPayment, createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";
import { enableProviderPayouts, invoicedOrder, openCheckout, useStripeWorld } from "../factories/stripe";
import { appContext, request, respond, sessionCookieFor, TEST_ORIGIN } from "../setup/context";

type Invoiced = Awaited<ReturnType<typeof invoicedOrder>>;

describe("a provider is paid by Stripe transfer when the school confirms delivery of an order it paid through Stripe", () => {
  const { db, bed, world } = useStripeWorld(2);

  beforeAll(async () => {
    // The provider's connected account is able to take payouts, so transfers are sent, not held.
    await enableProviderPayouts(db(), bed(), world());
  });

  /** The delivery page's form, posted as the provider's admin or the school's head, with Stripe configured or not. */
  const postDelivery = async (
    who: "provider" | "school",
    { order, head, school }: Pick<Invoiced, "order" | "head" | "school">,
    form: Record<string, string>,
    { stripe = true, w = world() }: { stripe?: boolean; w?: PurchasingWorld } = {},
  ) => {
    const cookie = who === "provider" ? await sessionCookieFor(db(), w.providerAdmin.id, w.provider.id) : await sessionCookieFor(db(), head.id, school.id);
    const path = `/purchases/${order.id}/delivery`;
    const response = await respond(() =>
      deliveryRoute.action({
        request: request(path, { cookie, form }),
        params: { orderId: order.id },
        context: stripe ? bed().context() : appContext(db()),
      }),
    );
    expect(response.status).toBe(303);
  };
  const deliver = (o: Invoiced, options?: { stripe?: boolean; w?: PurchasingWorld }) => postDelivery("provider", o, { intent: "deliver" }, options);
  const confirm = (o: Invoiced, options?: { stripe?: boolean; w?: PurchasingWorld }) => postDelivery("school", o, { intent: "confirm" }, options);

  /** The school pays the whole invoice by card through Stripe Checkout; the webhook records it. */
  const payByCard = async ({ invoice, actor }: Invoiced) => {
    const row = await openCheckout(db(), bed(), { actor, authorityId: world().authority.id, invoiceId: invoice.id });
    const [completed] = bed().fake.complete(row.sessionId!, "card");
    expect((await bed().deliver(completed)).status).toBe(200);
    return row.sessionId!;
  };
  const payByBank = async ({ invoice }: Invoiced, w = world()) =>
    financeRecordsPayment(db(), w, invoice, { bankReference: invoice.number, receivedOn: "2026-01-05", idempotencyKey: randomUUID() });

  const rowsOf = (orderId: string) => db().select().from(schema.stripeTransfers).where(eq(schema.stripeTransfers.orderId, orderId));
  /** The transfers Stripe made for the order (the outbox run first). */
  const transfersAtStripe = async (orderId: string) => {
    await bed().runOutbox();
    return [...bed().fake.objects.values()].filter((o) => o.object === "transfer" && o.transfer_group === `order:${orderId}`);
  };
  const transferRequests = (orderId: string) =>
    bed().fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/transfers" && r.body.transfer_group === `order:${orderId}`);
  const providerShareOf = async (orderId: string) => (await db().select().from(schema.orders).where(eq(schema.orders.id, orderId)))[0].providerSharePence;

  it("paid through Stripe and marked delivered by the provider: nothing is transferred until the school confirms, then exactly the provider's share, once", async () => {
    const o = await invoicedOrder(db(), world(), 0);
    await deliver(o);
    // Paid after the provider marked it delivered: still nothing, the school has not confirmed.
    await payByCard(o);
    expect(await rowsOf(o.order.id)).toEqual([]);
    expect(await transfersAtStripe(o.order.id)).toEqual([]);

    await confirm(o);
    const [row] = await rowsOf(o.order.id);
    expect(row).toMatchObject({ status: "queued", milestone: "delivery", amountPence: await providerShareOf(o.order.id) });
    const transfers = await transfersAtStripe(o.order.id);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ amount: await providerShareOf(o.order.id), transfer_group: `order:${o.order.id}` });
    expect(transferRequests(o.order.id)[0].headers["idempotency-key"]).toBe(`transfer:${row.id}`);
    const audits = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, o.order.id), like(schema.auditLog.action, "payouts.%")));
    expect(audits.map((a) => a.action).sort()).toEqual(["payouts.transfer.queued", "payouts.transfer.sync"]);
    expect(await trialBalance(db(), world().authority.id)).toBe(0);
    expect(await checkLedger(db(), world().authority.id)).toEqual([]);
  });

  it("replaying the confirmation, and the payment, still makes one transfer", async () => {
    const o = await invoicedOrder(db(), world(), 1);
    const sessionId = await payByCard(o);
    await deliver(o);
    await confirm(o);
    await confirm(o);
    const session = await retrieveSession(bed().stripe, sessionId);
    await db().transaction((tx) => applySession(tx, { session, appUrl: TEST_ORIGIN }));
    expect(await rowsOf(o.order.id)).toHaveLength(1);
    expect(await transfersAtStripe(o.order.id)).toHaveLength(1);
    await confirm(o);
    expect(await transfersAtStripe(o.order.id)).toHaveLength(1);
    expect(transferRequests(o.order.id)).toHaveLength(1);
  });

  it("confirmed before it was paid: the transfer goes when the money reaches Stripe", async () => {
    const o = await invoicedOrder(db(), world(), 0);
    await deliver(o);
    await confirm(o);
    expect(await rowsOf(o.order.id)).toEqual([]);
    await payByCard(o);
    const transfers = await transfersAtStripe(o.order.id);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ amount: await providerShareOf(o.order.id), transfer_group: `order:${o.order.id}` });
  });

  it("disputed by the school: nothing is transferred, whenever the money arrives", async () => {
    const o = await invoicedOrder(db(), world(), 1);
    await deliver(o);
    await postDelivery("school", o, { intent: "dispute", reason: "The second visit never happened." });
    await payByCard(o);
    expect(await rowsOf(o.order.id)).toEqual([]);
    expect(await transfersAtStripe(o.order.id)).toEqual([]);
  });

  it("paid by bank: confirmed delivery transfers nothing through Stripe; the provider is owed its share in the ledger for the payment run", async () => {
    const o = await invoicedOrder(db(), world(), 0);
    await payByBank(o);
    await deliver(o);
    await confirm(o);
    expect(await rowsOf(o.order.id)).toEqual([]);
    expect(await transfersAtStripe(o.order.id)).toEqual([]);
    expect(
      await db()
        .select()
        .from(schema.journalEntries)
        .where(eq(schema.journalEntries.idempotencyKey, `order:${o.order.id}:split`)),
    ).toHaveLength(1);
    expect(await trialBalance(db(), world().authority.id)).toBe(0);
  });

  it("without Stripe's keys nothing Stripe-related is written: no transfer rows, held or otherwise, and no payout audit rows", async () => {
    const local = await createPurchasingWorld(db(), { schools: 1, academyEvery: 1 });
    const o = await invoicedOrder(db(), local, 0);
    await deliver(o, { stripe: false, w: local });
    await payByBank(o, local);
    await confirm(o, { stripe: false, w: local });
    const [answer] = await db().select().from(schema.deliveryConfirmations).where(eq(schema.deliveryConfirmations.orderId, o.order.id));
    expect(answer.outcome).toBe("confirmed");
    expect(await db().select().from(schema.stripeTransfers).where(eq(schema.stripeTransfers.authorityId, local.authority.id))).toEqual([]);
    const audits = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.authorityId, local.authority.id), like(schema.auditLog.action, "payouts.%")));
    expect(audits).toEqual([]);
    const outbox = await db()
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.authorityId, local.authority.id), inArray(schema.outbox.topic, ["stripe.transfer.create", "stripe.transfer.reverse"])));
    expect(outbox).toEqual([]);
  });
});
