import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { confirmDelivery } from "~/domain/delivery/confirm-delivery.server";
import { addMilestone } from "~/domain/delivery/add-milestone.server";
import { markDelivered } from "~/domain/delivery/mark-delivered.server";
import { milestoneStep } from "~/domain/delivery/milestone-step.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { payoutsOf, startOnboarding } from "~/domain/payments/connect.server";
import { loadReconciliation } from "~/domain/payments/reconciliation.server";
import { milestoneParts, providerShareAfterRefunds } from "~/domain/payments/rules";
import { DISPUTE_FEE, type StripeEvent } from "../mocks/stripe";
import { actorFor, type PurchasingWorld } from "../factories/purchasing";
import { invoicedOrder, openCheckout, useStripeWorld, type StripeTestbed } from "../factories/stripe";
import { TEST_ORIGIN } from "../setup/context";

type Env = ReturnType<typeof useStripeWorld>;
type Invoiced = Awaited<ReturnType<typeof invoicedOrder>>;

/** What a test of this file does with the world: pay, look at the ledger, the transfers and Stripe. */
function helpers(env: Env, get: () => { bed: StripeTestbed; world: PurchasingWorld }) {
  const { db } = env;
  const deliverAll = async (events: StripeEvent[]) => {
    for (const e of events) expect((await get().bed.deliver(e)).status).toBe(200);
  };
  /** The school pays the whole invoice by card; returns the charge. */
  const payByCard = async (o: Invoiced) => {
    const { bed, world } = get();
    const row = await openCheckout(db(), bed, { actor: o.actor, authorityId: world.authority.id, invoiceId: o.invoice.id });
    await deliverAll(bed.fake.complete(row.sessionId!, "card"));
    const chargeId = bed.fake.objects.get(bed.fake.session(row.sessionId!).payment_intent as string)!.latest_charge as string;
    return { checkoutId: row.id, chargeId, charge: bed.fake.objects.get(chargeId)! };
  };
  const entries = (prefix: string) =>
    db()
      .select()
      .from(schema.journalEntries)
      .where(and(eq(schema.journalEntries.authorityId, get().world.authority.id), like(schema.journalEntries.idempotencyKey, `${prefix}%`)));
  const postingsOf = async (key: string) => {
    const [entry] = await db().select().from(schema.journalEntries).where(eq(schema.journalEntries.idempotencyKey, key));
    if (!entry) return null;
    const rows = await db()
      .select({ kind: schema.ledgerAccounts.kind, amountPence: schema.ledgerPostings.amountPence })
      .from(schema.ledgerPostings)
      .innerJoin(schema.ledgerAccounts, eq(schema.ledgerAccounts.id, schema.ledgerPostings.accountId))
      .where(eq(schema.ledgerPostings.entryId, entry.id));
    return Object.fromEntries(rows.map((r) => [r.kind, r.amountPence]));
  };
  const balanceOf = async (kind: "payment_clearing_stripe" | "stripe_fees" | "stripe_disputes" | "payment_clearing_bank") => {
    const [account] = await db()
      .select()
      .from(schema.ledgerAccounts)
      .where(and(eq(schema.ledgerAccounts.authorityId, get().world.authority.id), eq(schema.ledgerAccounts.kind, kind)));
    return account?.balancePence ?? 0;
  };
  const sound = async () => {
    expect(await trialBalance(db(), get().world.authority.id)).toBe(0);
    expect(await checkLedger(db(), get().world.authority.id)).toEqual([]);
  };
  const reconciliation = async () => {
    const { bed, world } = get();
    const actor = await actorFor(db(), world.finance, world.authority.id);
    // Everything in these tests happens today: the range around it holds it all.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    return loadReconciliation(db(), bed.stripe, { actor, authorityId: world.authority.id, range: { from: day(-1), to: day(1) } });
  };
  const noDifference = async () => {
    const { stripe } = await reconciliation();
    expect(stripe.state).toBe("ok");
    if (stripe.state !== "ok") return;
    expect({ amountDiffers: stripe.result.amountDiffers, onlyInLedger: stripe.result.onlyInLedger, onlyExternal: stripe.result.onlyExternal }).toEqual({
      amountDiffers: [],
      onlyInLedger: [],
      onlyExternal: [],
    });
    return stripe.result;
  };
  const transfersOf = (orderId: string) => db().select().from(schema.stripeTransfers).where(eq(schema.stripeTransfers.orderId, orderId));
  const transfersAtStripe = async (orderId: string) => {
    await get().bed.runOutbox();
    return [...get().bed.fake.objects.values()].filter((o) => o.object === "transfer" && o.transfer_group === `order:${orderId}`);
  };
  const shareOf = async (orderId: string) => (await db().select().from(schema.orders).where(eq(schema.orders.id, orderId)))[0].providerSharePence!;
  const deliverAndConfirm = async (o: Invoiced) => {
    const { world } = get();
    const admin = await actorFor(db(), world.providerAdmin, world.authority.id);
    await markDelivered(db(), { actor: admin, authorityId: world.authority.id, orderId: o.order.id, appUrl: TEST_ORIGIN });
    return confirmDelivery(db(), { actor: o.actor, authorityId: world.authority.id, orderId: o.order.id, stripeEnabled: true });
  };
  const enableProvider = async () => {
    const { bed, world } = get();
    const admin = await actorFor(db(), world.providerAdmin, world.authority.id);
    await startOnboarding(db(), { actor: admin, authorityId: world.authority.id, providerId: world.provider.id, stripeEnabled: true });
    await bed.runOutbox();
    const account = [...bed.fake.objects.values()].find((o) => o.object === "account")!;
    return bed.fake.updateAccount(account.id, { details_submitted: true, payouts_enabled: true });
  };
  return {
    deliverAll,
    payByCard,
    entries,
    postingsOf,
    balanceOf,
    sound,
    reconciliation,
    noDifference,
    transfersOf,
    transfersAtStripe,
    shareOf,
    deliverAndConfirm,
    enableProvider,
  };
}

/** For a describe block: a database, the fake Stripe and a world of academies, with this file's helpers. */
function useLedgerWorld(schools: number, { providerEnabled = false } = {}) {
  const env = useStripeWorld(schools);
  const h = helpers(env, () => ({ bed: env.bed(), world: env.world() }));
  beforeAll(async () => {
    if (providerEnabled) await h.deliverAll(await h.enableProvider());
  });
  return { db: env.db, h, bed: env.bed, world: env.world };
}

describe("Stripe's fees, payouts and disputes are in the ledger, and Stripe's balance reconciles with it", () => {
  const { db, h, bed, world } = useLedgerWorld(3);

  it("a card payment's fee: Stripe fees debited, the clearing account credited, once by its balance transaction", async () => {
    const o = await invoicedOrder(db(), world(), 0);
    const { charge, checkoutId } = await h.payByCard(o);
    const txn = bed().fake.objects.get(charge.balance_transaction as string)!;
    expect(txn.fee).toBeGreaterThan(0);
    expect(await h.postingsOf(`stripe-fee:${txn.id}`)).toEqual({ stripe_fees: txn.fee, payment_clearing_stripe: -(txn.fee as number) });
    const [entry] = await h.entries(`stripe-fee:${txn.id}`);
    expect(entry).toMatchObject({ causeType: "stripe_checkout", causeId: checkoutId });
    // The same event again, and the session read back again, post nothing more.
    await h.deliverAll(bed().fake.events.filter((e) => e.type === "checkout.session.completed" && e.data.object.client_reference_id === checkoutId));
    expect(await h.entries(`stripe-fee:${txn.id}`)).toHaveLength(1);
    // What is left on the clearing account is what Stripe holds: the payment less its fee.
    expect(await h.balanceOf("payment_clearing_stripe")).toBe(txn.net);
    await h.sound();
    await h.noDifference();
  });

  it("a refund's fee, when Stripe reports one, is posted the same way", async () => {
    const o = await invoicedOrder(db(), world(), 1);
    const { chargeId } = await h.payByCard(o);
    const events = bed().fake.refundCharge(chargeId, 10_000);
    const refundTxn = [...bed().fake.objects.values()].find(
      (x) => x.object === "balance_transaction" && x.type === "refund" && (x.amount as number) === -10_000,
    )!;
    Object.assign(refundTxn, { fee: 15, net: -10_015, fee_details: [{ amount: 15, currency: "gbp", type: "stripe_fee", description: "Refund fee" }] });
    await h.deliverAll(events);
    await h.deliverAll(events);
    expect(await h.postingsOf(`stripe-fee:${refundTxn.id}`)).toEqual({ stripe_fees: 15, payment_clearing_stripe: -15 });
    await h.sound();
    await h.noDifference();
  });

  it("a payout to the authority's bank: clearing to bank once; returned by the bank, reversed; whichever event is read first", async () => {
    const clearingBefore = await h.balanceOf("payment_clearing_stripe");
    const bankBefore = await h.balanceOf("payment_clearing_bank");
    const [paid] = bed().fake.payout(50_000, "paid", { authorityId: world().authority.id });
    await h.deliverAll([paid, paid]);
    const payoutId = paid.data.object.id;
    expect(await h.postingsOf(`stripe-payout:${payoutId}`)).toEqual({ payment_clearing_bank: 50_000, payment_clearing_stripe: -50_000 });
    expect(await h.balanceOf("payment_clearing_stripe")).toBe(clearingBefore - 50_000);
    expect(await h.balanceOf("payment_clearing_bank")).toBe(bankBefore + 50_000);
    const audits = await db().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, payoutId));
    expect(audits.map((a) => a.action)).toEqual(["payment.payout.paid"]);
    await h.noDifference();

    const failed = bed().fake.failPayout(payoutId);
    await h.deliverAll([...failed, ...failed]);
    expect(await h.postingsOf(`stripe-payout-failed:${payoutId}`)).toEqual({ payment_clearing_bank: -50_000, payment_clearing_stripe: 50_000 });
    expect(await h.balanceOf("payment_clearing_stripe")).toBe(clearingBefore);

    // Paid then returned, the events delivered the other way round: the same two entries.
    const [later] = bed().fake.payout(20_000, "paid", { authorityId: world().authority.id });
    const [laterFailed] = bed().fake.failPayout(later.data.object.id);
    await h.deliverAll([laterFailed, later]);
    expect(await h.entries(`stripe-payout:${later.data.object.id}`)).toHaveLength(1);
    expect(await h.entries(`stripe-payout-failed:${later.data.object.id}`)).toHaveLength(1);
    expect(await h.balanceOf("payment_clearing_stripe")).toBe(clearingBefore);
    await h.sound();
    await h.noDifference();
  });

  it("a payout of no authority, or a provider's own payout from its connected account, is not in the authority's ledger", async () => {
    const before = (await h.entries("stripe-payout")).length;
    const [platform] = bed().fake.payout(1_000, "paid");
    expect(JSON.parse((await bed().deliver(platform)).body)).toMatchObject({ outcome: "processed", detail: "ignored: a payout of no authority" });
    // A connected account's payout is on its own balance, not the platform's: Stripe sends it with the account's id.
    const connected = bed().fake.event("payout.paid", { id: "po_test_connected", object: "payout", amount: 2_000, status: "paid", metadata: {} });
    expect(JSON.parse((await bed().deliver({ ...connected, account: "acct_test_provider" } as StripeEvent)).body)).toMatchObject({ outcome: "ignored" });
    const [never] = bed().fake.payout(3_000, "failed", { authorityId: world().authority.id });
    await h.deliverAll([never]);
    expect(await h.entries("stripe-payout")).toHaveLength(before);
    await h.sound();
  });

  it("a dispute: the money and Stripe's fee leave the clearing account; won, both come back", async () => {
    const o = await invoicedOrder(db(), world(), 2);
    const { chargeId, checkoutId } = await h.payByCard(o);
    const clearingBefore = await h.balanceOf("payment_clearing_stripe");
    const created = bed().fake.dispute(chargeId);
    await h.deliverAll([...created, ...created]);
    const disputeId = created[0].data.object.id;
    expect(await h.postingsOf(`stripe-dispute:${disputeId}`)).toEqual({
      stripe_disputes: o.invoice.grossPence,
      payment_clearing_stripe: -o.invoice.grossPence,
    });
    expect(await h.balanceOf("payment_clearing_stripe")).toBe(clearingBefore - o.invoice.grossPence - DISPUTE_FEE);
    const [checkout] = await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.id, checkoutId));
    expect(checkout).toMatchObject({ disputeId, disputeStatus: "open", disputeReason: "fraudulent" });
    expect(checkout.disputedAt).not.toBeNull();
    const emails = await db().select().from(schema.outbox).where(eq(schema.outbox.topic, "stripe-payment"));
    expect(
      emails
        .filter((e) => (e.payload as { outcome: string; invoiceNumber: string }).invoiceNumber === o.invoice.number)
        .map((e) => (e.payload as { outcome: string }).outcome),
    ).toEqual(["paid", "disputed"]);
    expect((await h.reconciliation()).disputes.find((d) => d.id === checkoutId)).toMatchObject({ disputeStatus: "open" });
    await h.noDifference();

    const closed = bed().fake.closeDispute(disputeId, "won");
    await h.deliverAll([...closed, ...closed]);
    expect(await h.postingsOf(`stripe-dispute-won:${disputeId}`)).toEqual({
      stripe_disputes: -o.invoice.grossPence,
      payment_clearing_stripe: o.invoice.grossPence,
    });
    expect(await h.balanceOf("payment_clearing_stripe")).toBe(clearingBefore);
    expect((await h.reconciliation()).disputes.find((d) => d.id === checkoutId)).toMatchObject({ disputeStatus: "won" });
    const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, o.invoice.id));
    expect(invoice.status).toBe("paid");
    const audits = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, checkoutId), like(schema.auditLog.action, "payment.dispute%")));
    expect(audits.map((a) => a.action).sort()).toEqual(["payment.dispute", "payment.dispute.won"]);
    await h.sound();
    await h.noDifference();
  });

  it("a dispute lost, its close read before its opening: taken off the school's invoice like a refund, and the invoice is due again", async () => {
    const o = await invoicedOrder(db(), world(), 0);
    const { chargeId, checkoutId } = await h.payByCard(o);
    const created = bed().fake.dispute(chargeId);
    const closed = bed().fake.closeDispute(created[0].data.object.id, "lost");
    await h.deliverAll([...closed, ...created, ...closed]);
    const disputeId = created[0].data.object.id;
    expect(await h.postingsOf(`stripe-dispute-lost:${disputeId}`)).toEqual({ school_receivable: o.invoice.grossPence, stripe_disputes: -o.invoice.grossPence });
    const payments = await db().select().from(schema.payments).where(eq(schema.payments.invoiceId, o.invoice.id));
    expect(payments.map((p) => p.amountPence).sort((a, b) => a - b)).toEqual([-o.invoice.grossPence, o.invoice.grossPence]);
    const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, o.invoice.id));
    expect(invoice.status).toBe("issued");
    const [checkout] = await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.id, checkoutId));
    expect(checkout.disputeStatus).toBe("lost");
    expect(await h.entries(`stripe-dispute:${disputeId}`)).toHaveLength(1);
    expect(await h.entries(`stripe-dispute-won:${disputeId}`)).toHaveLength(0);
    // Everything that went through Stripe is matched: nothing differs, nothing is on one side only.
    const result = await h.noDifference();
    expect(result!.matched.length).toBeGreaterThan(5);
    await h.sound();
  });
});

describe("a provider is paid its part as the school confirms each milestone, less what was refunded", () => {
  const { db, h, bed, world } = useLedgerWorld(3, { providerEnabled: true });

  const milestonesFor = async (o: Invoiced, titles: string[]) => {
    const admin = await actorFor(db(), world().providerAdmin, world().authority.id);
    const made = [];
    for (const title of titles) made.push(await addMilestone(db(), { actor: admin, authorityId: world().authority.id, orderId: o.order.id, title }));
    return made;
  };
  const step = async (o: Invoiced, milestoneId: string) => {
    const admin = await actorFor(db(), world().providerAdmin, world().authority.id);
    const base = { authorityId: world().authority.id, orderId: o.order.id, milestoneId, stripeEnabled: true };
    await milestoneStep(db(), { ...base, actor: admin, step: "deliver" });
    await milestoneStep(db(), { ...base, actor: o.actor, step: "confirm" });
    await milestoneStep(db(), { ...base, actor: o.actor, step: "confirm" });
  };

  it("three milestones: each confirmation sends its part; the final confirmation sends what is left; together exactly the share", async () => {
    const o = await invoicedOrder(db(), world(), 0);
    await h.payByCard(o);
    const milestones = await milestonesFor(o, ["First visit", "Second visit", "Third visit"]);
    const share = await h.shareOf(o.order.id);
    const parts = milestoneParts(share, 3);
    await step(o, milestones[0].id);
    expect((await h.transfersOf(o.order.id)).map((t) => t.amountPence)).toEqual([parts[0]]);
    await step(o, milestones[2].id);
    await step(o, milestones[1].id);
    const rows = await h.transfersOf(o.order.id);
    expect(Object.fromEntries(rows.map((r) => [r.milestone, r.amountPence]))).toEqual({
      "1. First visit": parts[0],
      "2. Second visit": parts[1],
      "3. Third visit": parts[2],
    });
    expect(await h.deliverAndConfirm(o)).toMatchObject({ replayed: false });
    const atStripe = await h.transfersAtStripe(o.order.id);
    expect(atStripe).toHaveLength(3);
    expect(atStripe.reduce((s, t) => s + (t.amount as number), 0)).toBe(share);
    expect(await h.transfersOf(o.order.id)).toHaveLength(3);
    await h.sound();
  });

  it("a milestone confirmed, then delivery confirmed: the final confirmation pays whatever is left, once", async () => {
    const o = await invoicedOrder(db(), world(), 1);
    await h.payByCard(o);
    const milestones = await milestonesFor(o, ["Audit", "Coaching"]);
    await step(o, milestones[0].id);
    // The second is delivered but never confirmed on its own: the confirmation of the whole delivery covers it.
    const admin = await actorFor(db(), world().providerAdmin, world().authority.id);
    await milestoneStep(db(), {
      actor: admin,
      authorityId: world().authority.id,
      orderId: o.order.id,
      milestoneId: milestones[1].id,
      step: "deliver",
      stripeEnabled: true,
    });
    await h.deliverAndConfirm(o);
    const share = await h.shareOf(o.order.id);
    const rows = await h.transfersOf(o.order.id);
    expect(Object.fromEntries(rows.map((r) => [r.milestone, r.amountPence]))).toEqual({
      "1. Audit": milestoneParts(share, 2)[0],
      delivery: share - milestoneParts(share, 2)[0],
    });
    const atStripe = await h.transfersAtStripe(o.order.id);
    expect(atStripe.reduce((s, t) => s + (t.amount as number), 0)).toBe(share);
    await h.sound();
  });

  it("a partial refund before the school confirms: the transfer is the share less the refunded proportion", async () => {
    const o = await invoicedOrder(db(), world(), 2);
    const { chargeId } = await h.payByCard(o);
    const refunded = Math.floor(o.invoice.grossPence / 4);
    await h.deliverAll(bed().fake.refundCharge(chargeId, refunded));
    await h.deliverAndConfirm(o);
    const share = await h.shareOf(o.order.id);
    const expected = providerShareAfterRefunds({ sharePence: share, refundedPence: refunded, paidPence: o.invoice.grossPence });
    expect(expected).toBeLessThan(share);
    const [row] = await h.transfersOf(o.order.id);
    expect(row).toMatchObject({ amountPence: expected, refundedBasisPence: refunded });
    const atStripe = await h.transfersAtStripe(o.order.id);
    expect(atStripe.map((t) => t.amount)).toEqual([expected]);

    // Refunded again after the transfer: only the proportion of the new refund is taken back.
    await h.deliverAll(bed().fake.refundCharge(chargeId, refunded));
    await h.transfersAtStripe(o.order.id);
    const [after] = await h.transfersOf(o.order.id);
    const keep = providerShareAfterRefunds({ sharePence: share, refundedPence: 2 * refunded, paidPence: o.invoice.grossPence });
    expect(Math.abs(after.amountPence - after.reversedPence - keep)).toBeLessThanOrEqual(1);
    await h.sound();
  });

  it("a full refund before the school confirms: nothing is transferred", async () => {
    const o = await invoicedOrder(db(), world(), 0);
    const { chargeId } = await h.payByCard(o);
    await h.deliverAll(bed().fake.refundCharge(chargeId));
    await h.deliverAndConfirm(o);
    expect(await h.transfersOf(o.order.id)).toEqual([]);
    expect(await h.transfersAtStripe(o.order.id)).toEqual([]);
    await h.sound();
  });
});

describe("a provider without an enabled account has its transfer held until Stripe enables it", () => {
  const { db, h, bed, world } = useLedgerWorld(1);

  it("held at confirmation, released and sent exactly once when account.updated says payouts are enabled, even delivered twice", async () => {
    const o = await invoicedOrder(db(), world(), 0);
    await h.payByCard(o);
    await h.deliverAndConfirm(o);
    const [held] = await h.transfersOf(o.order.id);
    expect(held).toMatchObject({ status: "held", amountPence: await h.shareOf(o.order.id) });
    expect(await h.transfersAtStripe(o.order.id)).toEqual([]);

    const enabled = await h.enableProvider();
    // The same event twice, at once, and a later account.updated that changes nothing.
    const answers = await Promise.all([bed().deliver(enabled[0]), bed().deliver(enabled[0])]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const account = [...bed().fake.objects.values()].find((x) => x.object === "account")!;
    await h.deliverAll(bed().fake.updateAccount(account.id, { payouts_enabled: true }));
    const atStripe = await h.transfersAtStripe(o.order.id);
    await h.transfersAtStripe(o.order.id);
    expect(atStripe).toHaveLength(1);
    expect(atStripe[0]).toMatchObject({ amount: held.amountPence, destination: account.id });
    expect(bed().fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/transfers")).toHaveLength(1);
    const [sent] = await h.transfersOf(o.order.id);
    expect(sent).toMatchObject({ status: "sent", transferId: atStripe[0].id });
    const outbox = await db().select().from(schema.outbox).where(eq(schema.outbox.topic, "stripe.transfer.create"));
    expect(outbox).toHaveLength(1);
    await h.sound();

    // The provider's payouts page names the offer and the school of each transfer.
    const admin = await actorFor(db(), world().providerAdmin, world().authority.id);
    const page = await payoutsOf(db(), { actor: admin, authorityId: world().authority.id, providerId: world().provider.id });
    const [school] = await db().select().from(schema.organisations).where(eq(schema.organisations.id, o.order.schoolId));
    expect(page.ownService).toBe(false);
    expect(page.transfers.find((x) => x.orderId === o.order.id)).toMatchObject({ status: "sent", schoolName: school.name, title: expect.any(String) });
  });

  it("the authority's own traded service keeps its takings: it is not offered payouts and may not start them", async () => {
    const admin = await actorFor(db(), world().providerAdmin, world().authority.id);
    const set = (kind: "la_traded_services" | "teaching_school") =>
      db().update(schema.providers).set({ providerKind: kind }).where(eq(schema.providers.organisationId, world().provider.id));
    await set("la_traded_services");
    try {
      const page = await payoutsOf(db(), { actor: admin, authorityId: world().authority.id, providerId: world().provider.id });
      expect(page.ownService).toBe(true);
      const accountsBefore = await db().select().from(schema.stripeAccounts);
      await expect(
        startOnboarding(db(), { actor: admin, authorityId: world().authority.id, providerId: world().provider.id, stripeEnabled: true }),
      ).rejects.toMatchObject({ code: "INVALID_STATE" });
      expect(await db().select().from(schema.stripeAccounts)).toEqual(accountsBefore);
    } finally {
      await set("teaching_school");
    }
  });
});
