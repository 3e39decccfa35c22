import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema, type PaymentRoute } from "~/db.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { answerCollectivePurchase } from "~/domain/purchasing/answer-collective-purchase.server";
import { cancelCollectivePurchase } from "~/domain/purchasing/cancel-collective-purchase.server";
import { cancelOrder } from "~/domain/purchasing/cancel-order.server";
import { closeCollectivePurchase, closeDueCollectivePurchases } from "~/domain/purchasing/close-collective-purchase.server";
import { decidePotRequest } from "~/domain/purchasing/decide-pot-request.server";
import { placeOrder } from "~/domain/purchasing/place-order.server";
import { recordPayment } from "~/domain/purchasing/record-payment.server";
import { useTestDatabase } from "../factories/database";
import { createConsortium } from "../factories/ledger";
import {
  closeCollective,
  invoicesOfOrders,
  joinCollective,
  openCollective,
  ordersOfCollective,
  payInvoicesInFull,
  type OpenCollectiveOptions,
  schoolLeaves,
} from "../factories/collective";
import { actorFor, financeRecordsPayment, createOfferOnSale, createPurchasingWorld, type PurchasingWorld, schoolBuys, TIERS } from "../factories/purchasing";
import { createMember } from "../factories/tenancy";
import { described, say } from "~/domain/ledger/described";
import { idsOf } from "~/domain/ids";
import { rowCount } from "../setup/rows";

const APP_URL = "http://localhost:3000";
const NOW = new Date("2026-01-05T10:00:00Z");
const LATER = new Date("2026-02-05T10:00:00Z");

describe("purchasing", () => {
  const db = useTestDatabase();

  const balanceOf = async (
    authorityId: string,
    kind:
      | "consortium_pot"
      | "school_receivable"
      | "provider_payable"
      | "authority_traded_income"
      | "payment_clearing_bank"
      | "recharge_clearing"
      | "vat_output",
    ownerId: string,
  ) => {
    const { id } = await ensureAccount(db(), { authorityId, kind, ownerId });
    const [row] = await db().select({ balance: schema.ledgerAccounts.balancePence }).from(schema.ledgerAccounts).where(eq(schema.ledgerAccounts.id, id));
    return row.balance;
  };
  const expectSoundLedger = async (authorityId: string) => {
    expect(await trialBalance(db(), authorityId)).toBe(0);
    expect(await checkLedger(db(), authorityId)).toEqual([]);
  };
  const entryCount = async (authorityId: string) => {
    const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(schema.journalEntries).where(eq(schema.journalEntries.authorityId, authorityId));
    return row.n;
  };

  const openFor = (world: PurchasingWorld, overrides: OpenCollectiveOptions = {}) =>
    openCollective(db(), world, { closesAt: LATER, potPercentBps: 1_000, message: "Let's reach the bulk price together", now: NOW, ...overrides });

  const joinAll = (world: PurchasingWorld, purchaseId: string, members = world.members, extra: { delegates?: (i: number) => number } = {}) =>
    joinCollective(db(), world, purchaseId, { members, delegates: extra.delegates, poNumber: (i) => `PO-${i + 1}`, now: NOW });

  describe("a school buying on its own", () => {
    it("is invoiced with VAT, numbered, due in 30 days; replaying the form charges once; the payment is split to the penny", async () => {
      const world = await createPurchasingWorld(db(), { schools: 1 });
      const { school, head } = world.members[0];
      const actor = await actorFor(db(), head, world.authority.id);
      const place = () =>
        placeOrder(db(), {
          appUrl: "http://localhost:3000",
          actor,
          authorityId: world.authority.id,
          schoolId: school.id,
          offerId: world.offer.id,
          delegates: 1,
          poNumber: "PO-778",
          paymentRoute: "invoice",
          idempotencyKey: `form:${school.id}:1`,
          now: NOW,
        });
      const first = await place();
      const entriesAfterFirst = await entryCount(world.authority.id);
      const second = await place();
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.order.id).toBe(first.order.id);
      expect(await entryCount(world.authority.id)).toBe(entriesAfterFirst);

      const order = first.order;
      expect(order).toMatchObject({
        netPence: 90_000,
        vatPence: 18_000,
        grossPence: 108_000,
        payablePence: 108_000,
        status: "placed",
        paymentRoute: "invoice",
        poNumber: "PO-778",
        consortiumId: world.consortium.id,
      });
      const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, order.id));
      expect(invoice.number).toMatch(/^AUT-2026-000001$/);
      expect(invoice).toMatchObject({ netPence: 90_000, vatPence: 18_000, grossPence: 108_000, dueOn: "2026-02-04", status: "issued", poNumber: "PO-778" });
      expect(await balanceOf(world.authority.id, "school_receivable", school.id)).toBe(108_000);
      await expectSoundLedger(world.authority.id);

      const finance = await actorFor(db(), world.finance, world.authority.id);
      const pay = () =>
        recordPayment(db(), {
          actor: finance,
          authorityId: world.authority.id,
          invoiceId: invoice.id,
          amountPence: 108_000,
          bankReference: "BACS 4471",
          receivedOn: "2026-01-20",
          idempotencyKey: "payment-form-1",
          now: LATER,
        });
      await pay();
      const entries = await entryCount(world.authority.id);
      expect((await pay()).created).toBe(false);
      expect(await entryCount(world.authority.id)).toBe(entries);

      const [paid] = await db().select().from(schema.orders).where(eq(schema.orders.id, order.id));
      expect(paid.status).toBe("confirmed");
      expect(paid.providerSharePence! + paid.authoritySharePence! + paid.potSharePence!).toBe(paid.netPence);
      expect(await balanceOf(world.authority.id, "school_receivable", school.id)).toBe(0);
      expect(await balanceOf(world.authority.id, "provider_payable", world.provider.id)).toBe(-81_000);
      expect(await balanceOf(world.authority.id, "authority_traded_income", world.office.id)).toBe(-4_500);
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(-2_420_000 - 4_500);
      expect(await balanceOf(world.authority.id, "vat_output", world.office.id)).toBe(-18_000);
      await expectSoundLedger(world.authority.id);

      await expect(
        recordPayment(db(), {
          actor: finance,
          authorityId: world.authority.id,
          invoiceId: invoice.id,
          amountPence: 108_000,
          bankReference: "again",
          receivedOn: "2026-01-21",
          idempotencyKey: "payment-form-2",
        }),
      ).rejects.toMatchObject({ code: "INVALID_STATE" });
    });

    it("pays the authority's own traded service by internal recharge from a maintained school's budget", async () => {
      const world = await createPurchasingWorld(db(), {
        schools: 2,
        providerKind: "la_traded_services",
        academyEvery: 2,
        vatTreatment: { la_maintained: "outside_scope", academy: "standard", other: "standard" },
      });
      const [maintained, academy] = world.members;
      const { order } = await schoolBuys(db(), world, maintained, { paymentRoute: "internal_recharge", idempotencyKey: "recharge-1", now: NOW });
      expect(order).toMatchObject({
        vatPence: 0,
        grossPence: 90_000,
        status: "confirmed",
        providerSharePence: 0,
        authoritySharePence: 81_000,
        potSharePence: 9_000,
      });
      const [recharge] = await db().select().from(schema.recharges).where(eq(schema.recharges.orderId, order.id));
      expect(recharge).toMatchObject({ amountPence: 90_000, costCentre: "CC1000", status: "posted" });
      expect(recharge.journalReference).toMatch(/^AUT-RC-2026-000001$/);
      expect(await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, order.id))).toEqual([]);
      expect(await balanceOf(world.authority.id, "recharge_clearing", world.office.id)).toBe(90_000);
      await expectSoundLedger(world.authority.id);

      await expect(schoolBuys(db(), world, academy, { paymentRoute: "internal_recharge", idempotencyKey: "recharge-academy" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
    });

    it("refuses the wrong role, another school, another authority's offer, card, and an offer not on sale", async () => {
      const world = await createPurchasingWorld(db(), { schools: 2, potPence: 0 });
      const other = await createPurchasingWorld(db(), { schools: 1, potPence: 0 });
      const base = {
        authorityId: world.authority.id,
        schoolId: world.members[0].school.id,
        offerId: world.offer.id,
        delegates: 1,
        poNumber: null,
        paymentRoute: "invoice" as PaymentRoute,
      };
      const attempt = async (actorUser: { id: string; name: string }, overrides: Partial<typeof base> = {}) =>
        placeOrder(db(), {
          appUrl: "http://localhost:3000",
          ...base,
          actor: await actorFor(db(), actorUser, world.authority.id),
          idempotencyKey: `attempt-${Math.random()}`,
          ...overrides,
        });
      await expect(attempt(world.providerAdmin)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(attempt(world.lead)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(attempt(world.members[1].head)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(attempt(world.members[0].head, { offerId: other.offer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(attempt(world.members[0].head, { offerId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(attempt(world.members[0].head, { paymentRoute: "card" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await db().update(schema.offers).set({ suspendedAt: NOW }).where(eq(schema.offers.id, world.offer.id));
      await expect(attempt(world.members[0].head)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db().select().from(schema.orders).where(eq(schema.orders.authorityId, world.authority.id))).toEqual([]);
    });

    it("cancels within the provider's terms with a credit note and reversals, and refuses once the notice period has passed", async () => {
      const world = await createPurchasingWorld(db(), { schools: 1 });
      const { school, head } = world.members[0];
      const actor = await actorFor(db(), head, world.authority.id);
      const potBefore = await balanceOf(world.authority.id, "consortium_pot", world.consortium.id);
      const place = (key: string) => schoolBuys(db(), world, world.members[0], { idempotencyKey: key, now: NOW });

      const { order } = await place("cancel-1");
      const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, order.id));
      await financeRecordsPayment(db(), world, invoice, { bankReference: "BACS 1", receivedOn: "2026-01-06", idempotencyKey: "cancel-pay-1", now: NOW });
      await cancelOrder(db(), { actor, authorityId: world.authority.id, orderId: order.id, now: NOW });
      const [credit] = await db().select().from(schema.creditNotes).where(eq(schema.creditNotes.invoiceId, invoice.id));
      expect(credit).toMatchObject({ grossPence: 108_000, number: "AUT-CN-2026-000001" });
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(potBefore);
      expect(await balanceOf(world.authority.id, "provider_payable", world.provider.id)).toBe(0);
      // Paid and then credited: the school is owed its money back.
      expect(await balanceOf(world.authority.id, "school_receivable", school.id)).toBe(-108_000);
      await expectSoundLedger(world.authority.id);
      // Cancelling again (a double click) changes nothing.
      const entries = await entryCount(world.authority.id);
      await expect(cancelOrder(db(), { actor, authorityId: world.authority.id, orderId: order.id, now: NOW })).resolves.toMatchObject({ status: "cancelled" });
      expect(await entryCount(world.authority.id)).toBe(entries);

      const { order: late } = await place("cancel-2");
      await db().update(schema.orders).set({ deliveryStartsOn: "2026-01-15" }).where(eq(schema.orders.id, late.id));
      await expect(cancelOrder(db(), { actor, authorityId: world.authority.id, orderId: late.id, now: NOW })).rejects.toThrow(/14 days before delivery/);
      const other = await createPurchasingWorld(db(), { schools: 1 });
      await expect(
        cancelOrder(db(), {
          actor: await actorFor(db(), other.members[0].head, other.authority.id),
          authorityId: other.authority.id,
          orderId: late.id,
          now: NOW,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expectSoundLedger(world.authority.id);
    });
  });

  describe("a school paying from its consortium pot", () => {
    const ask = async (world: PurchasingWorld, key: string, member = world.members[0]) =>
      schoolBuys(db(), world, member, { paymentRoute: "consortium_pot", idempotencyKey: key, now: NOW });

    it("waits for the lead, charging nothing; approved, the pot pays and the sale is split", async () => {
      const world = await createPurchasingWorld(db(), { schools: 1 });
      const before = await entryCount(world.authority.id);
      const { order } = await ask(world, "pot-ask-1");
      // VAT is due on the whole supply whoever pays: the pot pays the £900.00, the school the £180.00 VAT.
      expect(order).toMatchObject({
        status: "placed",
        potRequest: "requested",
        paymentRoute: "consortium_pot",
        netPence: 90_000,
        potContributionPence: 90_000,
        vatPence: 18_000,
        payablePence: 18_000,
      });
      expect(await entryCount(world.authority.id)).toBe(before);
      expect((await ask(world, "pot-ask-1")).created).toBe(false);

      const lead = await actorFor(db(), world.lead, world.authority.id);
      const approved = await decidePotRequest(db(), {
        appUrl: "http://localhost:3000",
        actor: lead,
        authorityId: world.authority.id,
        orderId: order.id,
        decision: "approve",
        now: NOW,
      });
      // The school is invoiced the VAT; the sale is split once that is paid.
      expect(approved).toMatchObject({ status: "placed", potRequest: "approved", paymentRoute: "invoice" });
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(-2_420_000 + 90_000);
      expect(await balanceOf(world.authority.id, "vat_output", world.office.id)).toBe(-18_000);
      const [vatInvoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, order.id));
      expect(vatInvoice).toMatchObject({ netPence: 0, vatPence: 18_000, grossPence: 18_000 });
      await financeRecordsPayment(db(), world, vatInvoice, {
        amountPence: 18_000,
        bankReference: "BACS VAT",
        receivedOn: "2026-01-06",
        idempotencyKey: "pot-vat-1",
        now: NOW,
      });
      const [paidOrder] = await db().select().from(schema.orders).where(eq(schema.orders.id, order.id));
      expect(paidOrder).toMatchObject({ status: "confirmed", providerSharePence: 81_000, authoritySharePence: 4_500, potSharePence: 4_500 });
      // The pot paid 900.00 and got 45.00 back.
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(-2_420_000 + 90_000 - 4_500);
      await expectSoundLedger(world.authority.id);
      await expect(
        decidePotRequest(db(), {
          appUrl: "http://localhost:3000",
          actor: lead,
          authorityId: world.authority.id,
          orderId: order.id,
          decision: "approve",
          now: NOW,
        }),
      ).resolves.toMatchObject({ potRequest: "approved" });
      await expect(
        decidePotRequest(db(), {
          appUrl: "http://localhost:3000",
          actor: lead,
          authorityId: world.authority.id,
          orderId: order.id,
          decision: "refuse",
          now: NOW,
        }),
      ).rejects.toMatchObject({ code: "INVALID_STATE" });

      // Cancelled within the terms, the pot is refunded.
      await cancelOrder(db(), {
        actor: await actorFor(db(), world.members[0].head, world.authority.id),
        authorityId: world.authority.id,
        orderId: order.id,
        now: NOW,
      });
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(-2_420_000);
      await expectSoundLedger(world.authority.id);
    });

    it("is refused by the lead with nothing charged, and never by another consortium's lead or beyond the pot", async () => {
      const world = await createPurchasingWorld(db(), { schools: 2, potPence: 50_000 });
      const { order } = await ask(world, "pot-ask-2");
      const otherConsortium = await createConsortium(db(), world.authority.id);
      const otherLead = await actorFor(db(), await createMember(db(), otherConsortium, "consortium_lead"), world.authority.id);
      await expect(
        decidePotRequest(db(), { appUrl: "http://localhost:3000", actor: otherLead, authorityId: world.authority.id, orderId: order.id, decision: "approve" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const head = await actorFor(db(), world.members[0].head, world.authority.id);
      await expect(
        decidePotRequest(db(), { appUrl: "http://localhost:3000", actor: head, authorityId: world.authority.id, orderId: order.id, decision: "approve" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const lead = await actorFor(db(), world.lead, world.authority.id);
      const before = await entryCount(world.authority.id);
      // The pot holds 500.00: it cannot pay 900.00.
      await expect(
        decidePotRequest(db(), { appUrl: "http://localhost:3000", actor: lead, authorityId: world.authority.id, orderId: order.id, decision: "approve" }),
      ).rejects.toMatchObject({ code: "INSUFFICIENT_FUNDS" });
      expect(await entryCount(world.authority.id)).toBe(before);
      const [still] = await db().select().from(schema.orders).where(eq(schema.orders.id, order.id));
      expect(still).toMatchObject({ status: "placed", potRequest: "requested" });
      const refused = await decidePotRequest(db(), {
        appUrl: "http://localhost:3000",
        actor: lead,
        authorityId: world.authority.id,
        orderId: order.id,
        decision: "refuse",
      });
      expect(refused).toMatchObject({ status: "cancelled", potRequest: "refused" });
      expect(await entryCount(world.authority.id)).toBe(before);
      const other = await createPurchasingWorld(db(), { schools: 1 });
      await expect(
        decidePotRequest(db(), {
          appUrl: "http://localhost:3000",
          actor: await actorFor(db(), other.lead, other.authority.id),
          authorityId: other.authority.id,
          orderId: order.id,
          decision: "approve",
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("a consortium buying together", () => {
    it("confirms at the tier the schools reach, the pot paying its share, each school invoiced; closing twice changes nothing", async () => {
      const world = await createPurchasingWorld(db(), { schools: 6, academyEvery: 3 });
      const purchase = await openFor(world, { potPercentBps: 1_000 });
      const invitations = await db()
        .select()
        .from(schema.outbox)
        .where(and(eq(schema.outbox.topic, "collective-purchase-invitation"), eq(schema.outbox.authorityId, world.authority.id)));
      expect(invitations).toHaveLength(6);
      await joinAll(world, purchase.id, world.members.slice(0, 5));
      await schoolLeaves(db(), world, purchase.id, world.members[5], "decline", { now: NOW });

      const lead = await actorFor(db(), world.lead, world.authority.id);
      const close = () => closeCollective(db(), world, purchase.id, { now: NOW });
      expect(await close()).toEqual({ status: "confirmed", changed: true });
      const entries = await entryCount(world.authority.id);
      expect(await close()).toEqual({ status: "confirmed", changed: false });
      expect(await entryCount(world.authority.id)).toBe(entries);

      const [closed] = await db().select().from(schema.collectivePurchases).where(eq(schema.collectivePurchases.id, purchase.id));
      expect(closed).toMatchObject({ status: "confirmed", finalUnitPricePence: 75_000, totalPence: 375_000, potContributionPence: 37_500 });
      const orders = await ordersOfCollective(db(), purchase.id);
      expect(orders).toHaveLength(5);
      expect(orders.reduce((s, o) => s + o.netPence, 0)).toBe(375_000);
      expect(orders.reduce((s, o) => s + o.potContributionPence, 0)).toBe(37_500);
      // VAT on the whole £750.00 (£150.00); the school pays £675.00 + £150.00.
      for (const o of orders)
        expect(o).toMatchObject({ netPence: 75_000, potContributionPence: 7_500, vatPence: 15_000, payablePence: 82_500, status: "placed" });
      const invoices = await invoicesOfOrders(db(), orders);
      expect(invoices.map((i) => i.number).sort()).toEqual(["AUT-2026-000001", "AUT-2026-000002", "AUT-2026-000003", "AUT-2026-000004", "AUT-2026-000005"]);
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(-2_420_000 + 37_500);
      const outcomes = await db()
        .select()
        .from(schema.outbox)
        .where(and(eq(schema.outbox.topic, "collective-purchase-outcome"), eq(schema.outbox.authorityId, world.authority.id)));
      expect(outcomes).toHaveLength(5);
      await expectSoundLedger(world.authority.id);

      // Every school pays: each sale is split, and the pot gets its share back.
      const finance = await actorFor(db(), world.finance, world.authority.id);
      for (const invoice of invoices) {
        await recordPayment(db(), {
          actor: finance,
          authorityId: world.authority.id,
          invoiceId: invoice.id,
          amountPence: invoice.grossPence,
          bankReference: `BACS ${invoice.number}`,
          receivedOn: "2026-01-20",
          idempotencyKey: `pay:${invoice.id}`,
          now: LATER,
        });
      }
      const paid = await ordersOfCollective(db(), purchase.id);
      for (const o of paid) expect(o.providerSharePence! + o.authoritySharePence! + o.potSharePence!).toBe(o.netPence);
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(-2_420_000 + 37_500 - 5 * 3_750);
      expect(await balanceOf(world.authority.id, "provider_payable", world.provider.id)).toBe(-5 * 67_500);
      await expectSoundLedger(world.authority.id);

      // The lead cancels within the terms: everything is reversed, the pot made whole.
      await cancelCollectivePurchase(db(), {
        actor: lead,
        authorityId: world.authority.id,
        collectivePurchaseId: purchase.id,
        reason: "The provider cannot deliver this term",
        appUrl: APP_URL,
        now: LATER,
      });
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(-2_420_000);
      expect(await balanceOf(world.authority.id, "provider_payable", world.provider.id)).toBe(0);
      expect(await rowCount(db(), schema.creditNotes, inArray(schema.creditNotes.invoiceId, idsOf(invoices)))).toBe(5);
      await expectSoundLedger(world.authority.id);
    });

    it("cancels with nothing charged when too few schools join, and tells them", async () => {
      const world = await createPurchasingWorld(db(), { schools: 4 });
      const purchase = await openFor(world, { minSchools: 3 });
      await joinAll(world, purchase.id, world.members.slice(0, 2));
      const before = await entryCount(world.authority.id);
      const result = await closeDueCollectivePurchases(db(), LATER, { appUrl: APP_URL });
      expect(result).toBeUndefined();
      const [closed] = await db().select().from(schema.collectivePurchases).where(eq(schema.collectivePurchases.id, purchase.id));
      expect(closed.status).toBe("cancelled");
      expect(closed.cancelledReason).toContain("2 of the 3");
      // The reason is kept as a message too, so a Welsh reader reads it in Welsh.
      expect(closed.cancelledReasonMessage).toEqual({ key: "email.collectiveOutcome.reason.too_few", params: { count: 2, min: 3 } });
      expect(described({ description: closed.cancelledReason!, descriptionMessage: closed.cancelledReasonMessage })).toContain("2 of the 3");
      expect(say(closed.cancelledReasonMessage!, "cy")).not.toBe(closed.cancelledReason);
      expect(await entryCount(world.authority.id)).toBe(before);
      expect(await ordersOfCollective(db(), purchase.id)).toEqual([]);
      const told = await db()
        .select()
        .from(schema.outbox)
        .where(and(eq(schema.outbox.topic, "collective-purchase-outcome"), eq(schema.outbox.authorityId, world.authority.id)));
      expect(told).toHaveLength(2);
    });

    it("does not close before the closing date by itself", async () => {
      const world = await createPurchasingWorld(db(), { schools: 3 });
      const purchase = await openFor(world);
      await closeDueCollectivePurchases(db(), NOW, { appUrl: APP_URL });
      const [still] = await db().select().from(schema.collectivePurchases).where(eq(schema.collectivePurchases.id, purchase.id));
      expect(still.status).toBe("open");
    });

    it("leaves nothing behind when it crashes half way through closing, and closes cleanly afterwards", async () => {
      const world = await createPurchasingWorld(db(), { schools: 4 });
      const purchase = await openFor(world);
      await joinAll(world, purchase.id);
      const before = await entryCount(world.authority.id);
      // A real failure inside the transaction, after the orders, the pot entry and the charges are written.
      await db().execute(sql.raw(`CREATE FUNCTION fail_invoice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END; $$`));
      await db().execute(sql.raw(`CREATE TRIGGER fail_invoice BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION fail_invoice()`));
      try {
        await expect(closeCollective(db(), world, purchase.id, { now: NOW })).rejects.toMatchObject({
          cause: expect.objectContaining({ message: expect.stringContaining("disk full") }),
        });
      } finally {
        await db().execute(sql.raw(`DROP TRIGGER fail_invoice ON invoices`));
        await db().execute(sql.raw(`DROP FUNCTION fail_invoice()`));
      }
      expect(await entryCount(world.authority.id)).toBe(before);
      expect(await ordersOfCollective(db(), purchase.id)).toEqual([]);
      const [still] = await db().select().from(schema.collectivePurchases).where(eq(schema.collectivePurchases.id, purchase.id));
      expect(still.status).toBe("open");
      const [counter] = await db().select().from(schema.documentCounters).where(eq(schema.documentCounters.authorityId, world.authority.id));
      expect(counter).toBeUndefined();

      expect(await closeCollective(db(), world, purchase.id, { now: NOW })).toEqual({ status: "confirmed", changed: true });
      expect(await ordersOfCollective(db(), purchase.id)).toHaveLength(4);
      await expectSoundLedger(world.authority.id);
    });

    it("confirms once when the lead and the periodic task close it at the same moment", async () => {
      const world = await createPurchasingWorld(db(), { schools: 5 });
      const purchase = await openFor(world);
      await joinAll(world, purchase.id);
      const lead = await actorFor(db(), world.lead, world.authority.id);
      const results = await Promise.all([
        closeCollectivePurchase(db(), { actor: lead, authorityId: world.authority.id, collectivePurchaseId: purchase.id, appUrl: APP_URL, now: NOW }),
        closeCollectivePurchase(db(), { actor: null, authorityId: world.authority.id, collectivePurchaseId: purchase.id, appUrl: APP_URL, now: LATER }),
      ]);
      expect(results.filter((r) => r.changed)).toHaveLength(1);
      expect(results.map((r) => r.status)).toEqual(["confirmed", "confirmed"]);
      expect(await ordersOfCollective(db(), purchase.id)).toHaveLength(5);
      await expectSoundLedger(world.authority.id);
    });

    it("never lets two purchases closing together take the pot below zero", async () => {
      const world = await createPurchasingWorld(db(), { schools: 3, potPence: 100_000 });
      const first = await openFor(world, { potPercentBps: 10_000, potCapPence: 80_000 });
      const second = await openFor(world, { potPercentBps: 10_000, potCapPence: 80_000 });
      await joinAll(world, first.id);
      await joinAll(world, second.id);
      const lead = await actorFor(db(), world.lead, world.authority.id);
      await Promise.all(
        [first, second].map((p) =>
          closeCollectivePurchase(db(), { actor: lead, authorityId: world.authority.id, collectivePurchaseId: p.id, appUrl: APP_URL, now: NOW }),
        ),
      );
      const closed = await db()
        .select()
        .from(schema.collectivePurchases)
        .where(inArray(schema.collectivePurchases.id, [first.id, second.id]));
      // The second to take the pot's lock gets what the first left: 80,000 then 20,000.
      expect(closed.map((c) => c.potContributionPence).sort((a, b) => b! - a!)).toEqual([80_000, 20_000]);
      expect(await balanceOf(world.authority.id, "consortium_pot", world.consortium.id)).toBe(0);
      await expectSoundLedger(world.authority.id);
    });

    it("lets purchases, payments and a close run at the same moment without waiting on each other in a circle", async () => {
      const world = await createPurchasingWorld(db(), { schools: 8 });
      const purchase = await openFor(world, { minSchools: 2 });
      await joinAll(world, purchase.id, world.members.slice(0, 4));
      const finance = await actorFor(db(), world.finance, world.authority.id);
      const paidEarlier: { id: string }[] = [];
      for (const m of world.members.slice(4)) {
        const { order } = await schoolBuys(db(), world, m, { idempotencyKey: `race-first:${m.school.id}`, now: NOW });
        paidEarlier.push(order);
      }
      const invoices = await invoicesOfOrders(db(), paidEarlier);
      const lead = await actorFor(db(), world.lead, world.authority.id);
      const work = [
        closeCollectivePurchase(db(), { actor: lead, authorityId: world.authority.id, collectivePurchaseId: purchase.id, appUrl: APP_URL, now: NOW }),
        ...invoices.map((invoice) =>
          recordPayment(db(), {
            actor: finance,
            authorityId: world.authority.id,
            invoiceId: invoice.id,
            amountPence: invoice.grossPence,
            bankReference: "BACS",
            receivedOn: "2026-01-06",
            idempotencyKey: `race-pay:${invoice.id}`,
            now: NOW,
          }),
        ),
        ...world.members.map(async (m) => schoolBuys(db(), world, m, { idempotencyKey: `race-second:${m.school.id}`, now: NOW })),
      ];
      const results = await Promise.allSettled(work);
      expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      await expectSoundLedger(world.authority.id);
    });

    it("never lets schools joining at the same moment exceed the maximum", async () => {
      const world = await createPurchasingWorld(db(), { schools: 8 });
      const purchase = await openFor(world, { minSchools: 2, maxSchools: 3 });
      const actors = await Promise.all(world.members.map((m) => actorFor(db(), m.head, world.authority.id)));
      // Concurrent on PostgreSQL (separate connections); interleaved on PGlite's single connection.
      const results = await Promise.allSettled(
        world.members.map((m, i) =>
          answerCollectivePurchase(db(), {
            actor: actors[i],
            authorityId: world.authority.id,
            collectivePurchaseId: purchase.id,
            schoolId: m.school.id,
            answer: "join",
            delegates: 1,
            poNumber: null,
            paymentRoute: "invoice",
            now: NOW,
          }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "FULL" });
      const joined = await db()
        .select()
        .from(schema.pledges)
        .where(and(eq(schema.pledges.collectivePurchaseId, purchase.id), eq(schema.pledges.status, "joined")));
      expect(joined).toHaveLength(3);

      // A withdrawal frees a place until the close.
      const leaver = world.members.find((m) => m.school.id === joined[0].schoolId)!;
      await schoolLeaves(db(), world, purchase.id, leaver, "withdraw", { now: NOW });
      const newcomer = world.members.find((m) => !joined.some((j) => j.schoolId === m.school.id))!;
      await joinCollective(db(), world, purchase.id, { members: [newcomer], delegates: () => 2, poNumber: () => "PO-9", now: NOW });
      await expect(joinCollective(db(), world, purchase.id, { members: [newcomer], now: LATER })).rejects.toMatchObject({ code: "INVALID_STATE" });
    });

    it("keeps each consortium's pot to its own lead and its own schools", async () => {
      const world = await createPurchasingWorld(db(), { schools: 3 });
      const otherConsortium = await createConsortium(db(), world.authority.id);
      const otherLead = await createMember(db(), otherConsortium, "consortium_lead");
      await expect(openCollective(db(), world, { by: otherLead, closesAt: LATER, minSchools: 1, potPercentBps: 10_000, now: NOW })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      const purchase = await openFor(world);
      await expect(
        closeCollectivePurchase(db(), {
          actor: await actorFor(db(), otherLead, world.authority.id),
          authorityId: world.authority.id,
          collectivePurchaseId: purchase.id,
          appUrl: APP_URL,
          now: NOW,
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const outsider = await createPurchasingWorld(db(), { schools: 1 });
      await expect(joinCollective(db(), outsider, purchase.id, { now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("lets a commissioner open one for any consortium of the authority", async () => {
      const world = await createPurchasingWorld(db(), { schools: 2 });
      const commissioner = await createMember(db(), world.office, "commissioner");
      const purchase = await openCollective(db(), world, {
        by: commissioner,
        closesAt: LATER,
        minSchools: 2,
        maxSchools: 2,
        potPerSchoolPence: 10_000,
        potCapPence: 15_000,
        now: NOW,
      });
      expect(purchase.status).toBe("open");
    });
  });

  describe("odd amounts", () => {
    const cases = [
      {
        name: "7 schools (prime), per pupil, cap binding",
        schools: 7,
        pupils: (i: number) => 97 + i * 31,
        method: "per_pupil" as const,
        model: "per_school" as const,
        tiers: TIERS,
        rule: { potPercentBps: 5_000, potCapPence: 100_001 },
        potPence: 5_000_000,
      },
      {
        name: "13 schools (prime), per pupil pricing, a penny a pupil",
        schools: 13,
        pupils: (i: number) => 11 + i * 17,
        method: "per_pupil" as const,
        model: "per_pupil" as const,
        tiers: [{ minSchools: 1, maxSchools: null, unitPricePence: 1 }],
        rule: { potPercentBps: 3_333 },
        potPence: 1_000,
      },
      {
        name: "11 schools, £10m each, the pot short of the rule",
        schools: 11,
        pupils: () => 400,
        method: "equal" as const,
        model: "per_school" as const,
        tiers: [{ minSchools: 1, maxSchools: null, unitPricePence: 1_000_000_000 }],
        rule: { potPercentBps: 10_000 },
        potPence: 2_420_017,
      },
      {
        name: "3 schools, per delegate, the pot paying everything",
        schools: 3,
        pupils: () => 100,
        method: "per_delegate" as const,
        model: "per_delegate" as const,
        tiers: [{ minSchools: 1, maxSchools: null, unitPricePence: 3_333 }],
        rule: { potPerSchoolPence: 1_000_000 },
        potPence: 5_000_000,
      },
    ];
    for (const c of cases) {
      it(`adds up to the penny: ${c.name}`, async () => {
        const world = await createPurchasingWorld(db(), {
          schools: c.schools,
          pupils: c.pupils,
          tiers: c.tiers,
          pricingModel: c.model,
          potPence: c.potPence,
          academyEvery: 4,
        });
        const purchase = await openFor(world, {
          minSchools: 2,
          shareMethod: c.method,
          potPercentBps: c.rule.potPercentBps ?? null,
          potCapPence: c.rule.potCapPence ?? null,
          potPerSchoolPence: c.rule.potPerSchoolPence ?? null,
        });
        await joinAll(world, purchase.id, world.members, { delegates: (i) => 1 + (i % 4) });
        await closeCollective(db(), world, purchase.id, { now: NOW });
        const [closed] = await db().select().from(schema.collectivePurchases).where(eq(schema.collectivePurchases.id, purchase.id));
        expect(closed.status).toBe("confirmed");
        expect(closed.potContributionPence).toBeLessThanOrEqual(c.potPence);
        if (c.rule.potCapPence) expect(closed.potContributionPence).toBe(c.rule.potCapPence);
        const orders = await ordersOfCollective(db(), purchase.id);
        expect(orders.reduce((s, o) => s + o.netPence, 0)).toBe(closed.totalPence);
        expect(orders.reduce((s, o) => s + o.potContributionPence, 0)).toBe(closed.potContributionPence);
        for (const o of orders) expect(o.payablePence).toBeGreaterThanOrEqual(0);
        const invoices = await invoicesOfOrders(db(), orders);
        await payInvoicesInFull(db(), world, invoices, { keyPrefix: "odd", receivedOn: "2026-01-20", now: LATER });
        const paid = await ordersOfCollective(db(), purchase.id);
        for (const o of paid) {
          expect(o.status).toBe("confirmed");
          expect(o.providerSharePence! + o.authoritySharePence! + o.potSharePence!).toBe(o.netPence);
        }
        await expectSoundLedger(world.authority.id);
      });
    }
  });

  it("sells only offers on sale: an expired approval cannot be bought collectively either", async () => {
    const world = await createPurchasingWorld(db(), { schools: 2 });
    const expired = await createOfferOnSale(db(), { authorityId: world.authority.id, providerId: world.provider.id, now: new Date("2024-01-01T00:00:00Z") });
    await expect(openFor(world, { offerId: expired.id, minSchools: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
