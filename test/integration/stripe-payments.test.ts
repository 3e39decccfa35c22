import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { applyFormula } from "~/domain/funding/apply-formula.server";
import { createFormula } from "~/domain/funding/create-formula.server";
import { publishMou } from "~/domain/mou/publish-mou.server";
import { onlinePaymentOf, startCheckout } from "~/domain/payments/start-checkout.server";
import { recordPayment } from "~/domain/purchasing/record-payment.server";
import { actorFor, createPurchasingWorld } from "../factories/purchasing";
import { createMember } from "../factories/tenancy";
import { invoicedOrder, useStripeWorld } from "../factories/stripe";

describe("a school pays an invoice through Stripe Checkout", () => {
  // Academies, which bank for themselves.
  const { db, bed, world } = useStripeWorld(3);

  const checkoutOf = async (id: string) => (await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.id, id)))[0];
  const start = async (invoiceId: string, actor: Awaited<ReturnType<typeof actorFor>>, amountPence: number | null = null) => {
    const { checkout } = await startCheckout(db(), {
      actor,
      authorityId: world().authority.id,
      invoiceId,
      amountPence,
      checkoutId: randomUUID(),
      stripeEnabled: true,
    });
    await bed().runOutbox();
    return checkoutOf(checkout.id);
  };
  const invoiceOf = async (id: string) => (await db().select().from(schema.invoices).where(eq(schema.invoices.id, id)))[0];
  const paymentsOf = (invoiceId: string) => db().select().from(schema.payments).where(eq(schema.payments.invoiceId, invoiceId));
  /** A checkout of the invoice completed by a way of paying that takes time: it is on its way, and no payment is recorded yet. */
  const startPaymentOnItsWay = async (invoiceId: string, actor: Awaited<ReturnType<typeof actorFor>>, method: "bacs_debit" | "customer_balance") => {
    const checkout = await start(invoiceId, actor);
    await bed().deliver(bed().fake.complete(checkout.sessionId!, method)[0]);
    expect((await checkoutOf(checkout.id)).status).toBe("processing");
    expect(await paymentsOf(invoiceId)).toHaveLength(0);
    return checkout;
  };

  it("by card: the session is created from the outbox, the payment recorded only from the webhook, split, and the ledger balances", async () => {
    const { invoice, order, actor } = await invoicedOrder(db(), world(), 0);
    const checkout = await start(invoice.id, actor);
    expect(checkout.status).toBe("open");
    expect(checkout.sessionId).toMatch(/^cs_test_/);
    const create = bed().fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
    expect(create).toHaveLength(1);
    expect(create[0].headers["idempotency-key"]).toBe(`checkout:${checkout.id}`);
    expect(create[0].body).toMatchObject({
      client_reference_id: checkout.id,
      metadata: { checkout_id: checkout.id, authority_id: world().authority.id },
      payment_intent_data: { transfer_group: `order:${order.id}` },
    });
    expect(Number((create[0].body.line_items as { price_data: { unit_amount: string } }[])[0].price_data.unit_amount)).toBe(invoice.grossPence);

    // Returning from Stripe records nothing: only the webhook does.
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    const [completed] = bed().fake.complete(checkout.sessionId!, "card");
    expect(await bed().deliver(completed)).toMatchObject({ status: 200 });

    const payments = await paymentsOf(invoice.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amountPence: invoice.grossPence, method: "stripe", recordedBy: null });
    expect(payments[0].bankReference).toMatch(/^ch_test_/);
    expect((await invoiceOf(invoice.id)).status).toBe("paid");
    const [paidOrder] = await db().select().from(schema.orders).where(eq(schema.orders.id, order.id));
    expect(paidOrder.status).toBe("confirmed");
    expect((paidOrder.providerSharePence ?? 0) + (paidOrder.authoritySharePence ?? 0) + (paidOrder.potSharePence ?? 0)).toBe(order.netPence);
    const emails = await db()
      .select()
      .from(schema.outbox)
      .where(
        and(
          eq(schema.outbox.topic, "stripe-payment"),
          eq(schema.outbox.recipient, actor.name ? (await db().select().from(schema.users).where(eq(schema.users.id, actor.id)))[0].email : ""),
        ),
      );
    expect(emails.map((e) => (e.payload as { outcome: string }).outcome)).toEqual(["paid"]);

    // The same event again, and the one that follows it, change nothing.
    expect(JSON.parse((await bed().deliver(completed)).body)).toMatchObject({ outcome: "duplicate" });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await trialBalance(db(), world().authority.id)).toBe(0);
    expect(await checkLedger(db(), world().authority.id)).toEqual([]);
  });

  it("in parts, by card and by bank: each part is recorded against the invoice until it is paid", async () => {
    const { invoice, actor } = await invoicedOrder(db(), world(), 1);
    const first = await start(invoice.id, actor, 50_000);
    expect(first.amountPence).toBe(50_000);
    await bed().deliver(bed().fake.complete(first.sessionId!, "card")[0]);
    expect((await invoiceOf(invoice.id)).status).toBe("issued");
    const finance = await actorFor(db(), world().finance, world().authority.id);
    await recordPayment(db(), {
      actor: finance,
      authorityId: world().authority.id,
      invoiceId: invoice.id,
      amountPence: 30_000,
      bankReference: invoice.number,
      receivedOn: "2026-01-05",
      idempotencyKey: randomUUID(),
    });
    expect((await invoiceOf(invoice.id)).status).toBe("issued");
    // More than is left is refused; the rest pays it.
    await expect(start(invoice.id, actor, invoice.grossPence)).rejects.toThrow(/cannot be more than/);
    const rest = await start(invoice.id, actor);
    expect(rest.amountPence).toBe(invoice.grossPence - 80_000);
    await bed().deliver(bed().fake.complete(rest.sessionId!, "card")[0]);
    expect((await invoiceOf(invoice.id)).status).toBe("paid");
    expect((await paymentsOf(invoice.id)).map((p) => p.amountPence).sort()).toEqual([30_000, 50_000, invoice.grossPence - 80_000].sort());
    expect(await trialBalance(db(), world().authority.id)).toBe(0);
  });

  it("by Bacs Direct Debit: on its way at completion, recorded when it settles, and nothing when it fails", async () => {
    const { invoice, actor } = await invoicedOrder(db(), world(), 2);
    const debit = await startPaymentOnItsWay(invoice.id, actor, "bacs_debit");
    // While it is on its way the school cannot start paying the same amount again.
    await expect(start(invoice.id, actor)).rejects.toThrow(/on its way/);
    for (const e of bed().fake.settle(debit.sessionId!, "failed")) await bed().deliver(e);
    const failed = await checkoutOf(debit.id);
    expect(failed.status).toBe("failed");
    expect(failed.failureReason).toMatch(/insufficient funds/);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);

    const again = await startPaymentOnItsWay(invoice.id, actor, "bacs_debit");
    for (const e of bed().fake.settle(again.sessionId!, "succeeded")) await bed().deliver(e);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await invoiceOf(invoice.id)).status).toBe("paid");
    expect(await trialBalance(db(), world().authority.id)).toBe(0);
  });

  it("by bank transfer: on its way until the money arrives, then recorded against the invoice as paid by bank transfer", async () => {
    const { invoice, actor } = await invoicedOrder(db(), world(), 2);
    const transfer = await startPaymentOnItsWay(invoice.id, actor, "customer_balance");
    for (const e of bed().fake.settle(transfer.sessionId!, "succeeded")) await bed().deliver(e);
    const payments = await paymentsOf(invoice.id);
    expect(payments).toMatchObject([{ amountPence: invoice.grossPence, method: "stripe" }]);
    const charge = await bed().stripe.charges.retrieve(payments[0].bankReference!);
    expect(charge.payment_method_details?.type).toBe("customer_balance");
    expect((await invoiceOf(invoice.id)).status).toBe("paid");
    expect(await trialBalance(db(), world().authority.id)).toBe(0);
  });

  it("a school's match funding, which has no order, is paid by card: its receivable is cleared and nothing is split or transferred", async () => {
    const { school, head } = world().members[1];
    const actor = await actorFor(db(), head, world().authority.id);
    const adminUser = await createMember(db(), world().office, "la_admin");
    const admin = await actorFor(db(), adminUser, world().authority.id);
    const mou = await publishMou(db(), {
      actor: admin,
      authorityId: world().authority.id,
      consortiumId: world().consortium.id,
      financialYear: "2026-27",
      title: "MOU",
      body: "We match fund.",
    });
    await db()
      .insert(schema.mouSignatures)
      .values({ authorityId: world().authority.id, mouId: mou.id, schoolId: school.id, signedBy: head.id, signerName: head.name, signedOn: "2026-04-01" });
    const formula = await createFormula(db(), {
      actor: admin,
      authorityId: world().authority.id,
      financialYear: "2026-27",
      parts: [{ kind: "match", label: "Match", ratePence: 500 }],
    });
    await applyFormula(db(), { actor: admin, authorityId: world().authority.id, formulaId: formula.id });
    const [invoice] = await db()
      .select()
      .from(schema.invoices)
      .where(and(eq(schema.invoices.schoolId, school.id), isNotNull(schema.invoices.fundingFormulaId)));
    expect(invoice).toMatchObject({ orderId: null, grossPence: 210 * 500, status: "issued" });

    const online = await onlinePaymentOf(db(), { authorityId: world().authority.id, invoiceId: invoice.id, stripeEnabled: true });
    expect(online).toMatchObject({ routeAllows: true, open: true, payablePence: invoice.grossPence });
    const checkout = await start(invoice.id, actor);
    const create = bed()
      .fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions")
      .at(-1)!;
    expect(create.body.client_reference_id).toBe(checkout.id);
    expect((create.body.payment_intent_data as Record<string, unknown>).transfer_group).toBeUndefined();
    const splitsBefore = await db().select().from(schema.journalEntries).where(like(schema.journalEntries.idempotencyKey, "%split%"));
    await bed().deliver(bed().fake.complete(checkout.sessionId!, "card")[0]);
    expect(await paymentsOf(invoice.id)).toMatchObject([{ amountPence: invoice.grossPence, method: "stripe" }]);
    expect((await invoiceOf(invoice.id)).status).toBe("paid");
    const [receivable] = await db()
      .select()
      .from(schema.ledgerAccounts)
      .where(and(eq(schema.ledgerAccounts.kind, "school_receivable"), eq(schema.ledgerAccounts.ownerId, school.id)));
    expect(receivable.balancePence).toBe(0);
    expect(await db().select().from(schema.journalEntries).where(like(schema.journalEntries.idempotencyKey, "%split%"))).toHaveLength(splitsBefore.length);
    await bed().runOutbox();
    expect(bed().fake.requests.filter((r) => r.path === "/v1/transfers")).toHaveLength(0);
    expect(await trialBalance(db(), world().authority.id)).toBe(0);
    expect(await checkLedger(db(), world().authority.id)).toEqual([]);
  });

  it("refuses without Stripe, another authority's invoice, and another school's", async () => {
    const maintained = await createPurchasingWorld(db(), { schools: 1 });
    const { invoice, actor } = await invoicedOrder(db(), maintained, 0);
    await expect(
      startCheckout(db(), {
        actor,
        authorityId: maintained.authority.id,
        invoiceId: invoice.id,
        amountPence: null,
        checkoutId: randomUUID(),
        stripeEnabled: false,
      }),
    ).rejects.toThrow(/not available/);
    const other = await invoicedOrder(db(), world(), 0);
    await expect(
      startCheckout(db(), {
        actor,
        authorityId: maintained.authority.id,
        invoiceId: other.invoice.id,
        amountPence: null,
        checkoutId: randomUUID(),
        stripeEnabled: true,
      }),
    ).rejects.toThrow(/not found/);
    await expect(
      startCheckout(db(), {
        actor: await actorFor(db(), world().members[1].head, world().authority.id),
        authorityId: world().authority.id,
        invoiceId: other.invoice.id,
        amountPence: null,
        checkoutId: randomUUID(),
        stripeEnabled: true,
      }),
    ).rejects.toThrow(/headteacher or business manager/);
    expect(await db().select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.invoiceId, invoice.id))).toHaveLength(0);
  });

  it("answers a tampered, expired, unsigned or wrongly signed webhook with 400 and writes nothing", async () => {
    const { invoice, actor } = await invoicedOrder(db(), world(), 0);
    const checkout = await start(invoice.id, actor);
    const [event] = bed().fake.complete(checkout.sessionId!, "card");
    const payload = JSON.stringify(event);
    const tampered = payload.replace(event.id, "evt_test_forged");
    const cases = [
      { signature: bed().fake.sign(payload), body: tampered },
      { signature: bed().fake.sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 3600 }), body: payload },
      { signature: null, body: payload },
      { signature: bed().fake.sign(payload, { secret: "whsec_someoneelse" }), body: payload },
      { signature: "t=1,v1=deadbeef", body: payload },
      { signature: bed().fake.sign("\u0000"), body: "\u0000" },
    ];
    for (const c of cases) expect((await bed().deliver(event, c)).status).toBe(400);
    expect(await db().select().from(schema.stripeEvents).where(like(schema.stripeEvents.id, "evt_%"))).toHaveLength(
      (await db().select().from(schema.stripeEvents)).length,
    );
    expect(await db().select().from(schema.stripeEvents).where(eq(schema.stripeEvents.id, event.id))).toHaveLength(0);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    // Signed properly, the very same event is processed.
    expect((await bed().deliver(event)).status).toBe(200);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
  });

  it("acknowledges event types it does not handle without storing them", async () => {
    const e = bed().fake.event("customer.created", { id: "cus_test_1", object: "customer" });
    expect(await bed().deliver(e)).toMatchObject({ status: 200 });
    expect(await db().select().from(schema.stripeEvents).where(eq(schema.stripeEvents.id, e.id))).toHaveLength(0);
  });
});
