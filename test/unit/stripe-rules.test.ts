import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STRIPE_CHECKOUT_STATUSES } from "#db/schema/stripe";
import {
  advanceCheckout,
  checkoutAmount,
  checkoutStatusOf,
  connectStatusOf,
  isHandledEvent,
  mayPayOnline,
  whyNoPayout,
  reconcile,
  transferReversalFor,
} from "~/domain/payments/rules";
import "../setup/property-runs";

describe("paying online", () => {
  it("is for invoices, never an internal recharge or the pot", () => {
    expect(mayPayOnline({ paymentRoute: "invoice" })).toBe(true);
    expect(mayPayOnline({ paymentRoute: "card" })).toBe(true);
    expect(mayPayOnline({ paymentRoute: "internal_recharge" })).toBe(false);
    expect(mayPayOnline({ paymentRoute: "consortium_pot" })).toBe(false);
  });

  it("takes all that is due or a part of at least 30p, never more than is due", () => {
    expect(checkoutAmount({ duePence: 108_000, requestedPence: null })).toEqual({ ok: true, amountPence: 108_000 });
    expect(checkoutAmount({ duePence: 108_000, requestedPence: 50_000 })).toEqual({ ok: true, amountPence: 50_000 });
    expect(checkoutAmount({ duePence: 108_000, requestedPence: 108_001 })).toEqual({ ok: false, reason: "too_large" });
    expect(checkoutAmount({ duePence: 108_000, requestedPence: 29 })).toEqual({ ok: false, reason: "too_small" });
    expect(checkoutAmount({ duePence: 20, requestedPence: 20 })).toEqual({ ok: true, amountPence: 20 });
    expect(checkoutAmount({ duePence: 0, requestedPence: null })).toEqual({ ok: false, reason: "nothing_due" });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.option(fc.integer({ min: -10, max: 10_000_000 })), (due, requested) => {
        const r = checkoutAmount({ duePence: due, requestedPence: requested });
        if (r.ok) expect(r.amountPence > 0 && r.amountPence <= due).toBe(true);
      }),
    );
  });

  it("reads Stripe's session and intent as one status", () => {
    expect(checkoutStatusOf({ sessionStatus: "complete", paymentStatus: "paid", intentStatus: "succeeded" })).toBe("paid");
    expect(checkoutStatusOf({ sessionStatus: "complete", paymentStatus: "unpaid", intentStatus: "processing" })).toBe("processing");
    expect(checkoutStatusOf({ sessionStatus: "complete", paymentStatus: "unpaid", intentStatus: "requires_payment_method" })).toBe("failed");
    expect(checkoutStatusOf({ sessionStatus: "expired", paymentStatus: "unpaid", intentStatus: null })).toBe("expired");
    expect(checkoutStatusOf({ sessionStatus: "open", paymentStatus: "unpaid", intentStatus: "requires_payment_method" })).toBe("open");
  });

  it("only moves a checkout forward, so any order of observations ends where the furthest one does", () => {
    const status = fc.constantFrom(...STRIPE_CHECKOUT_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { maxLength: 12 }), (seen) => {
        const forward = seen.reduce(advanceCheckout, "preparing" as const);
        const backward = [...seen].reverse().reduce(advanceCheckout, "preparing" as const);
        expect(forward).toBe(backward);
        if (seen.includes("paid")) expect(forward).toBe("paid");
      }),
    );
  });

  it("allow-lists the events it acts on", () => {
    expect(isHandledEvent("checkout.session.completed")).toBe(true);
    expect(isHandledEvent("charge.dispute.created")).toBe(true);
    expect(isHandledEvent("customer.created")).toBe(false);
  });
});

describe("payouts", () => {
  it("follow the connected account", () => {
    expect(connectStatusOf({ detailsSubmitted: false, payoutsEnabled: false })).toBe("onboarding");
    expect(connectStatusOf({ detailsSubmitted: true, payoutsEnabled: false })).toBe("restricted");
    expect(connectStatusOf({ detailsSubmitted: true, payoutsEnabled: true })).toBe("enabled");
  });

  it("take back the refunded share of a transfer, in steps that never exceed it and end at all of it", () => {
    expect(transferReversalFor({ transferPence: 90_000, reversedPence: 0, refundedPence: 54_000, paidPence: 108_000 })).toBe(45_000);
    expect(transferReversalFor({ transferPence: 90_000, reversedPence: 45_000, refundedPence: 108_000, paidPence: 108_000 })).toBe(45_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 8 }),
        (transfer, paid, refunds) => {
          let reversed = 0;
          let refunded = 0;
          for (const r of refunds) {
            refunded = Math.min(paid, refunded + r);
            const more = transferReversalFor({ transferPence: transfer, reversedPence: reversed, refundedPence: refunded, paidPence: paid });
            expect(more).toBeGreaterThanOrEqual(0);
            reversed += more;
            expect(reversed).toBeLessThanOrEqual(transfer);
          }
          if (refunded >= paid) expect(reversed).toBe(transfer);
        },
      ),
    );
  });
});

describe("reconciliation", () => {
  const line = (reference: string, amountPence: number) => ({ reference, amountPence, label: reference, date: "2026-01-05" });

  it("matches by reference, sums parts, and lists what differs", () => {
    const r = reconcile(
      [line("ch_1", 100), line("INV-1", 40), line("INV-1", 60), line("ch_2", 50), line("tr_1", -90)],
      [line("ch_1", 100), line("INV-1", 100), line("ch_2", 49), line("ch_3", 10)],
    );
    expect(r.matched.map((m) => m.ledger.reference)).toEqual(["INV-1", "ch_1"]);
    expect(r.amountDiffers).toEqual([{ ledger: line("ch_2", 50), external: line("ch_2", 49), differencePence: -1 }]);
    expect(r.onlyInLedger.map((l) => l.reference)).toEqual(["tr_1"]);
    expect(r.onlyExternal.map((l) => l.reference)).toEqual(["ch_3"]);
  });

  it("puts every reference of either side in exactly one place, and totals agree", () => {
    const lines = fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.integer({ min: -10_000, max: 10_000 })), { maxLength: 20 });
    fc.assert(
      fc.property(lines, lines, (left, right) => {
        const r = reconcile(
          left.map(([ref, a]) => line(ref, a)),
          right.map(([ref, a]) => line(ref, a)),
        );
        const refs = [
          ...r.matched.map((m) => m.ledger.reference),
          ...r.amountDiffers.map((d) => d.ledger.reference),
          ...r.onlyInLedger.map((l) => l.reference),
          ...r.onlyExternal.map((l) => l.reference),
        ];
        expect(new Set(refs).size).toBe(refs.length);
        expect(new Set(refs)).toEqual(new Set([...left, ...right].map(([ref]) => ref)));
        const ledgerTotal = left.reduce((s, [, a]) => s + a, 0);
        const placed = [
          ...r.matched.map((m) => m.ledger.amountPence),
          ...r.amountDiffers.map((d) => d.ledger.amountPence),
          ...r.onlyInLedger.map((l) => l.amountPence),
        ].reduce((s, a) => s + a, 0);
        expect(placed).toBe(ledgerTotal);
      }),
    );
  });
});

describe("paying a provider out through Stripe", () => {
  const paid = { paid: true, confirmation: "confirmed" as const, stripePaidPence: 12_000, bankPaidPence: 0 };
  it("goes only for an order paid wholly through Stripe whose delivery the school confirmed", () => {
    expect(whyNoPayout(paid)).toBeNull();
    expect(whyNoPayout({ ...paid, paid: false })).toBe("not_paid");
    expect(whyNoPayout({ ...paid, confirmation: null })).toBe("not_confirmed");
    expect(whyNoPayout({ ...paid, confirmation: "disputed" })).toBe("not_confirmed");
    expect(whyNoPayout({ ...paid, stripePaidPence: 0, bankPaidPence: 12_000 })).toBe("not_through_stripe");
    expect(whyNoPayout({ ...paid, stripePaidPence: 0 })).toBe("not_through_stripe");
    // Part by card, part by bank: the payment run pays the provider.
    expect(whyNoPayout({ ...paid, stripePaidPence: 8_000, bankPaidPence: 4_000 })).toBe("not_through_stripe");
  });
});
