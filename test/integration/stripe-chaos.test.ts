import { randomUUID } from "node:crypto";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { confirmDelivery } from "~/domain/delivery/confirm-delivery.server";
import { markDelivered } from "~/domain/delivery/mark-delivered.server";
import { startOnboarding } from "~/domain/payments/connect.server";
import { payProviderForOrder } from "~/domain/payments/pay-provider.server";
import { requestRefund } from "~/domain/payments/refund.server";
import { startCheckout } from "~/domain/payments/start-checkout.server";
import { applySession, retrieveSession } from "~/domain/payments/sync-checkout.server";
import { DISPUTE_FEE, type StripeEvent } from "../mocks/stripe";
import { actorFor } from "../factories/purchasing";
import { invoicedOrder, openCheckout, useStripeWorld } from "../factories/stripe";
import "../setup/property-runs";

// Each seed is a whole payment's life, some twenty webhook deliveries: one seed for every twenty property runs,
// 50 in `npm test` and 500 in CI (test/setup/property-runs.ts).
const SEEDS = Math.max(1, Math.round((fc.readConfigureGlobal().numRuns ?? 1_000) / 20));

describe("Stripe's events, duplicated, shuffled and delivered at once, reach the state of in-order delivery", () => {
  const { db, bed, world } = useStripeWorld(2);

  /**
   * One payment's life at Stripe: a debit that settles, part refunded, then disputed and the
   * dispute lost; and a payout to the authority's bank that the bank returns. Returns the events
   * in Stripe's order.
   */
  async function lifeOfAPayment(i: number) {
    const { invoice, actor } = await invoicedOrder(db(), world(), i % 2, `chaos-${i}-${randomUUID()}`);
    const row = await openCheckout(db(), bed(), { actor, authorityId: world().authority.id, invoiceId: invoice.id });
    const events: StripeEvent[] = [...bed().fake.complete(row.sessionId!, "bacs_debit"), ...bed().fake.settle(row.sessionId!, "succeeded")];
    const chargeId = (bed().fake.objects.get(bed().fake.session(row.sessionId!).payment_intent as string)!.latest_charge as string)!;
    events.push(...bed().fake.refundCharge(chargeId, 10_000));
    const disputed = bed().fake.dispute(chargeId);
    events.push(...disputed, ...bed().fake.closeDispute(disputed[0].data.object.id, "lost"));
    const paidOut = bed().fake.payout(5_000, "paid", { authorityId: world().authority.id });
    events.push(...paidOut, ...bed().fake.failPayout(paidOut[0].data.object.id));
    return { invoice, checkoutId: row.id, payoutId: paidOut[0].data.object.id, events };
  }

  /** What the app holds about one payment, without ids. */
  async function stateOf(invoiceId: string, checkoutId: string, payoutId: string) {
    const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, invoiceId));
    const [checkout] = await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.id, checkoutId));
    const payments = await db().select().from(schema.payments).where(eq(schema.payments.invoiceId, invoiceId));
    const entries = await db()
      .select()
      .from(schema.journalEntries)
      .where(and(eq(schema.journalEntries.authorityId, world().authority.id), like(schema.journalEntries.idempotencyKey, `order:${invoice.orderId}:%`)));
    // Stripe's fees, the dispute's money and the payout, by the kind of entry and its amount on the clearing account.
    const stripeMoney = await db()
      .select({ key: schema.journalEntries.idempotencyKey, amountPence: schema.ledgerPostings.amountPence })
      .from(schema.journalEntries)
      .innerJoin(schema.ledgerPostings, eq(schema.ledgerPostings.entryId, schema.journalEntries.id))
      .innerJoin(schema.ledgerAccounts, eq(schema.ledgerAccounts.id, schema.ledgerPostings.accountId))
      .where(
        and(
          eq(schema.journalEntries.authorityId, world().authority.id),
          inArray(schema.journalEntries.causeId, [checkoutId, payoutId]),
          inArray(schema.ledgerAccounts.kind, ["payment_clearing_stripe", "school_receivable"]),
        ),
      );
    const emails = await db()
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.topic, "stripe-payment"), sql`${schema.outbox.payload}->>'invoiceNumber' = ${invoice.number}`));
    return {
      invoiceStatus: invoice.status,
      checkout: {
        status: checkout.status,
        refundedPence: checkout.refundedPence,
        disputed: checkout.disputedAt !== null,
        disputeStatus: checkout.disputeStatus,
      },
      payments: payments.map((p) => p.amountPence).sort((a, b) => a - b),
      orderEntries: entries.map((e) => e.idempotencyKey.split(":")[2]).sort(),
      stripeEntries: stripeMoney.map((e) => `${e.key.split(":")[0]} ${e.amountPence}`).sort(),
      emails: emails.map((e) => (e.payload as { outcome: string }).outcome).sort(),
    };
  }

  it(`in ${SEEDS} seeds, with the trial balance at zero throughout`, async () => {
    const reference = await lifeOfAPayment(0);
    for (const e of reference.events) expect((await bed().deliver(e)).status).toBe(200);
    const expected = await stateOf(reference.invoice.id, reference.checkoutId, reference.payoutId);
    // What the payment, the refund, the lost dispute and the returned payout leave, by the amount paid.
    const moneyOf = (grossPence: number) => ({
      payments: [-(grossPence - 10_000), -10_000, grossPence],
      stripeEntries: [
        `stripe-dispute -${grossPence - 10_000}`,
        `stripe-dispute-lost ${grossPence - 10_000}`,
        "stripe-fee -20",
        `stripe-fee -${DISPUTE_FEE}`,
        "stripe-payout -5000",
        "stripe-payout-failed 5000",
      ].sort(),
    });
    expect(expected).toMatchObject({
      invoiceStatus: "issued",
      checkout: { status: "paid", refundedPence: 10_000, disputed: true, disputeStatus: "lost" },
      ...moneyOf(reference.invoice.grossPence),
    });

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), async (seed) => {
        const life = await lifeOfAPayment(seed);
        // Each event one to three times, in an order the seed picks, in concurrent batches.
        const rng = fc.sample(fc.infiniteStream(fc.integer({ min: 0, max: 1_000_000 })), { numRuns: 1, seed })[0][Symbol.iterator]();
        const next = () => rng.next().value as number;
        const deliveries = life.events.flatMap((e) => Array.from({ length: 1 + (next() % 3) }, () => e));
        for (let i = deliveries.length - 1; i > 0; i--) {
          const j = next() % (i + 1);
          [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
        }
        while (deliveries.length > 0) {
          const batch = deliveries.splice(0, 1 + (next() % 4));
          const answers = await Promise.all(batch.map((e) => bed().deliver(e)));
          expect(answers.every((a) => a.status === 200)).toBe(true);
        }
        expect(await stateOf(life.invoice.id, life.checkoutId, life.payoutId)).toEqual({ ...expected, ...moneyOf(life.invoice.grossPence) });
        expect(await trialBalance(db(), world().authority.id)).toBe(0);
      }),
      { numRuns: SEEDS },
    );
    expect(await checkLedger(db(), world().authority.id)).toEqual([]);
  }, 600_000);
});

describe("a crash between the steps of checkout, payment, split, transfer and email leaves exactly one of each after restart", () => {
  const { db, bed, world } = useStripeWorld(1);

  it("one session, one payment, one split, one transfer, one reversal, one email each", async () => {
    const { invoice, order, actor } = await invoicedOrder(db(), world(), 0);
    const { checkout } = await startCheckout(db(), {
      actor,
      authorityId: world().authority.id,
      invoiceId: invoice.id,
      amountPence: null,
      checkoutId: randomUUID(),
      stripeEnabled: true,
    });
    const sessions = () => [...bed().fake.objects.values()].filter((o) => o.object === "checkout.session" && o.client_reference_id === checkout.id);

    // Stripe made the session but every answer was lost: the job fails and is run again.
    bed().fake.failNext(3, { afterAccepting: true });
    expect(await bed().runOutbox()).toMatchObject({ failed: 1 });
    expect(sessions()).toHaveLength(1);
    let [row] = await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.id, checkout.id));
    expect(row.sessionId).toBeNull();
    expect(await bed().runOutbox()).toMatchObject({ sent: 1, failed: 0 });
    [row] = await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.id, checkout.id));
    expect(row.sessionId).toBe(sessions()[0].id);
    expect(sessions()).toHaveLength(1);

    // The payment applied, then again as if the process died before the event was marked processed.
    const [completed] = bed().fake.complete(row.sessionId!, "card");
    const session = await retrieveSession(bed().stripe, row.sessionId!);
    await db().transaction((tx) => applySession(tx, { session, appUrl: "http://localhost:3000" }));
    await db().transaction((tx) => applySession(tx, { session, appUrl: "http://localhost:3000" }));
    expect(await bed().deliver(completed)).toMatchObject({ status: 200 });
    expect(await db().select().from(schema.payments).where(eq(schema.payments.invoiceId, invoice.id))).toHaveLength(1);
    const splits = await db()
      .select()
      .from(schema.journalEntries)
      .where(eq(schema.journalEntries.idempotencyKey, `order:${order.id}:split`));
    expect(splits).toHaveLength(1);
    const paidEmails = async () =>
      (await db().select().from(schema.outbox).where(eq(schema.outbox.topic, "stripe-payment"))).filter(
        (e) => (e.payload as { outcome: string }).outcome === "paid",
      );
    expect(await paidEmails()).toHaveLength(1);

    // The provider onboards; its account is enabled; delivery is confirmed twice.
    const admin = await actorFor(db(), world().providerAdmin, world().authority.id);
    await startOnboarding(db(), { actor: admin, authorityId: world().authority.id, providerId: world().provider.id, stripeEnabled: true });
    bed().fake.failNext(3, { afterAccepting: true });
    await bed().runOutbox();
    await bed().runOutbox();
    const accounts = [...bed().fake.objects.values()].filter((o) => o.object === "account");
    expect(accounts).toHaveLength(1);
    for (const e of bed().fake.updateAccount(accounts[0].id, { details_submitted: true, payouts_enabled: true })) await bed().deliver(e);
    const [account] = await db().select().from(schema.stripeAccounts).where(eq(schema.stripeAccounts.providerId, world().provider.id));
    expect(account).toMatchObject({ status: "enabled", accountId: accounts[0].id });

    await markDelivered(db(), { actor: admin, authorityId: world().authority.id, orderId: order.id, appUrl: "http://localhost:3000" });
    const confirm = () => confirmDelivery(db(), { actor, authorityId: world().authority.id, orderId: order.id, stripeEnabled: true });
    expect(await confirm()).toMatchObject({ replayed: false });
    expect(await confirm()).toMatchObject({ replayed: true });
    expect(
      await db().transaction((tx) => payProviderForOrder(tx, { authorityId: world().authority.id, orderId: order.id, actorUserId: actor.id })),
    ).toMatchObject({ queued: false, reason: "already_queued" });
    // Stripe made the transfer, the answer was lost; its transfer.created event arrives first, then the job runs again.
    const before = bed().fake.events.length;
    bed().fake.failNext(3, { afterAccepting: true });
    expect(await bed().runOutbox()).toMatchObject({ failed: 1 });
    for (const e of bed().fake.events.slice(before)) await bed().deliver(e);
    expect(await bed().runOutbox()).toMatchObject({ failed: 0 });
    const transfers = [...bed().fake.objects.values()].filter((o) => o.object === "transfer");
    expect(transfers).toHaveLength(1);
    const [paidOrder] = await db().select().from(schema.orders).where(eq(schema.orders.id, order.id));
    expect(transfers[0]).toMatchObject({ amount: paidOrder.providerSharePence, destination: accounts[0].id, transfer_group: `order:${order.id}` });
    const [transfer] = await db().select().from(schema.stripeTransfers).where(eq(schema.stripeTransfers.orderId, order.id));
    expect(transfer).toMatchObject({ status: "sent", transferId: transfers[0].id });
    expect(await db().select().from(schema.journalEntries).where(like(schema.journalEntries.idempotencyKey, "stripe-transfer:%"))).toHaveLength(1);

    // Finance refunds all of it: one refund at Stripe, the transfer reversed once, the ledger back to zero.
    const finance = await actorFor(db(), world().finance, world().authority.id);
    const key = randomUUID();
    // The form sent twice, with the same key.
    const refundAll = () =>
      requestRefund(db(), {
        actor: finance,
        authorityId: world().authority.id,
        checkoutId: checkout.id,
        amountPence: null,
        reason: "Cancelled by agreement",
        idempotencyKey: key,
        stripeEnabled: true,
      });
    await refundAll();
    await refundAll();
    const refundEventsFrom = bed().fake.events.length;
    bed().fake.failNext(3, { afterAccepting: true });
    await bed().runOutbox();
    await bed().runOutbox();
    await bed().runOutbox();
    for (const e of bed().fake.events.slice(refundEventsFrom)) await bed().deliver(e);
    await bed().runOutbox();
    expect([...bed().fake.objects.values()].filter((o) => o.object === "refund")).toHaveLength(1);
    expect([...bed().fake.objects.values()].filter((o) => o.object === "transfer_reversal")).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ amount_reversed: paidOrder.providerSharePence });
    const [reversed] = await db().select().from(schema.stripeTransfers).where(eq(schema.stripeTransfers.orderId, order.id));
    expect(reversed).toMatchObject({ status: "reversed", reversedPence: paidOrder.providerSharePence });
    const payments = await db().select().from(schema.payments).where(eq(schema.payments.invoiceId, invoice.id));
    expect(payments.map((p) => p.amountPence).sort((a, b) => a - b)).toEqual([-invoice.grossPence, invoice.grossPence]);
    const [reopened] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, invoice.id));
    expect(reopened.status).toBe("issued");
    expect(await trialBalance(db(), world().authority.id)).toBe(0);
    expect(await checkLedger(db(), world().authority.id)).toEqual([]);
    const clearing = await db()
      .select()
      .from(schema.ledgerAccounts)
      .where(and(eq(schema.ledgerAccounts.authorityId, world().authority.id), eq(schema.ledgerAccounts.kind, "payment_clearing_stripe")));
    // In: the payment; out: the refund, the transfer and Stripe's fee, which a refund does not give
    // back; back: the reversal. What is left is what Stripe's balance shows: less the fee, once.
    const feeTxn = [...bed().fake.objects.values()].find((o) => o.object === "balance_transaction" && o.type === "charge")!;
    expect(feeTxn.fee).toBeGreaterThan(0);
    expect(clearing[0].balancePence).toBe(-(feeTxn.fee as number));
    expect(await db().select().from(schema.journalEntries).where(like(schema.journalEntries.idempotencyKey, "stripe-fee:%"))).toHaveLength(1);
  });
});
