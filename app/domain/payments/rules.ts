// Pure rules of paying through Stripe: who may, how much, what a Stripe object's state means
// for ours, and how the ledger is matched with Stripe's balance. No I/O.
import type { ConnectStatus, DisputeStatus, PaymentRoute, StripeCheckoutStatus } from "~/db.server";
import { parseDay } from "~/domain/categories/rules";

/**
 * Paying online is for what a school pays from its own bank account: an invoice (an academy's,
 * or a maintained school's with its own account, which is why it was invoiced rather than
 * recharged). An internal recharge is settled inside the authority's budget, and a pot payment
 * leaves the school nothing to pay.
 */
export function mayPayOnline({ paymentRoute }: { paymentRoute: PaymentRoute }) {
  return paymentRoute === "invoice" || paymentRoute === "card";
}

export type AmountCheck = { ok: true; amountPence: number } | { ok: false; reason: "nothing_due" | "too_small" | "too_large" };

/** Stripe's smallest charge in pounds is 30p; an amount due below that is still paid whole. */
export const STRIPE_MINIMUM_PENCE = 30;

/** What one online payment may be: the whole amount due, or a part of it (then at least Stripe's minimum). */
export function checkoutAmount({ duePence, requestedPence }: { duePence: number; requestedPence: number | null }): AmountCheck {
  if (duePence <= 0) return { ok: false, reason: "nothing_due" };
  const amount = requestedPence ?? duePence;
  if (amount > duePence) return { ok: false, reason: "too_large" };
  if (amount < 1 || (amount < STRIPE_MINIMUM_PENCE && amount !== duePence)) return { ok: false, reason: "too_small" };
  return { ok: true, amountPence: amount };
}

const RANK: Record<StripeCheckoutStatus, number> = { preparing: 0, open: 1, processing: 2, failed: 3, expired: 4, paid: 5 };

/**
 * A checkout only moves forward, whatever order Stripe's events arrive in: paid is final, and a
 * failure or expiry never replaces it. Events are hints; the status comes from the object read back.
 */
export function advanceCheckout(current: StripeCheckoutStatus, observed: StripeCheckoutStatus): StripeCheckoutStatus {
  return RANK[observed] > RANK[current] ? observed : current;
}

/** Our reading of a Checkout Session and its PaymentIntent, as Stripe holds them now. */
export function checkoutStatusOf({
  sessionStatus,
  paymentStatus,
  intentStatus,
}: {
  sessionStatus: string | null;
  paymentStatus: string | null;
  intentStatus: string | null;
}): StripeCheckoutStatus {
  if (paymentStatus === "paid" || intentStatus === "succeeded") return "paid";
  if (sessionStatus === "expired") return "expired";
  if (sessionStatus === "complete") {
    // A bank debit or transfer completes the session first and the money follows days later.
    if (intentStatus === "requires_payment_method" || intentStatus === "canceled") return "failed";
    return "processing";
  }
  return "open";
}

/**
 * Where a dispute stands for finance: open while the school's bank decides, then won or lost. An
 * inquiry closed without a chargeback ("warning_closed") took no money and counts as won.
 */
export function disputeStatusOf(status: string): DisputeStatus {
  if (status === "lost") return "lost";
  if (status === "won" || status === "warning_closed") return "won";
  return "open";
}

/** A connected account can be paid once Stripe lets it take payouts. */
export function connectStatusOf({ detailsSubmitted, payoutsEnabled }: { detailsSubmitted: boolean; payoutsEnabled: boolean }): ConnectStatus {
  if (payoutsEnabled) return "enabled";
  return detailsSubmitted ? "restricted" : "onboarding";
}

export type ReconcileLine = { reference: string; amountPence: number; label: string; date: string };
export type Reconciliation = {
  matched: { ledger: ReconcileLine; external: ReconcileLine }[];
  amountDiffers: { ledger: ReconcileLine; external: ReconcileLine; differencePence: number }[];
  onlyInLedger: ReconcileLine[];
  onlyExternal: ReconcileLine[];
};

/**
 * Match the ledger's clearing lines with the outside record (Stripe's balance transactions, or
 * bank transfers) by reference. Several lines under one reference are summed on each side first:
 * a part-paid invoice is one reference with several payments.
 */
export function reconcile(ledger: ReconcileLine[], external: ReconcileLine[]): Reconciliation {
  const group = (lines: ReconcileLine[]) => {
    const map = new Map<string, ReconcileLine>();
    for (const l of lines) {
      const seen = map.get(l.reference);
      map.set(l.reference, seen ? { ...seen, amountPence: seen.amountPence + l.amountPence } : { ...l });
    }
    return map;
  };
  const left = group(ledger);
  const right = group(external);
  const result: Reconciliation = { matched: [], amountDiffers: [], onlyInLedger: [], onlyExternal: [] };
  for (const [reference, l] of left) {
    const r = right.get(reference);
    if (!r) result.onlyInLedger.push(l);
    else if (r.amountPence === l.amountPence) result.matched.push({ ledger: l, external: r });
    else result.amountDiffers.push({ ledger: l, external: r, differencePence: r.amountPence - l.amountPence });
  }
  for (const [reference, r] of right) if (!left.has(reference)) result.onlyExternal.push(r);
  // By code point, so the order is the same whatever the server's locale.
  const byRef = (a: { reference: string }, b: { reference: string }) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
  result.matched.sort((a, b) => byRef(a.ledger, b.ledger));
  result.amountDiffers.sort((a, b) => byRef(a.ledger, b.ledger));
  result.onlyInLedger.sort(byRef);
  result.onlyExternal.sort(byRef);
  return result;
}

/** Event types we act on; every other type is acknowledged and ignored. */
export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "payment_intent.payment_failed",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
  "account.updated",
  "transfer.created",
  "transfer.reversed",
  "payout.paid",
  "payout.failed",
] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];
export const isHandledEvent = (type: string): type is HandledEvent => (HANDLED_EVENTS as readonly string[]).includes(type);

/**
 * How much more of a provider's transfer to take back after refunds: the same share of the
 * transfer as the refunds are of what the school paid, rounded down (the platform bears the
 * odd penny), less what was taken back already. Never negative, never more than is left.
 */
export function transferReversalFor({
  transferPence,
  reversedPence,
  refundedPence,
  paidPence,
}: {
  transferPence: number;
  reversedPence: number;
  refundedPence: number;
  paidPence: number;
}) {
  if (paidPence <= 0 || refundedPence <= 0) return 0;
  const target = refundedPence >= paidPence ? transferPence : Math.floor((transferPence * refundedPence) / paidPence);
  return Math.max(0, Math.min(transferPence - reversedPence, target - reversedPence));
}

/**
 * The provider's share still due to it after refunds: the share less the refunded proportion of
 * what the school paid (the same rounding as `transferReversalFor`); nothing after a full refund.
 */
export function providerShareAfterRefunds({ sharePence, refundedPence, paidPence }: { sharePence: number; refundedPence: number; paidPence: number }) {
  return sharePence - transferReversalFor({ transferPence: sharePence, reversedPence: 0, refundedPence, paidPence });
}

/**
 * A provider's share paid out milestone by milestone: split evenly by the number of milestones,
 * in whole pence, the last milestone taking the odd pence, so the parts add up to the share exactly.
 */
export function milestoneParts(sharePence: number, count: number): number[] {
  if (count <= 0) return [];
  const part = Math.floor(sharePence / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? sharePence - part * (count - 1) : part));
}

export type NoPayoutReason = "not_paid" | "not_confirmed" | "not_through_stripe";

/**
 * Whether a provider's share of an order is paid out by Stripe transfer now, or why not. Only
 * money that reached Stripe is sent on through Stripe: an invoice paid wholly through Stripe
 * Checkout (no part of it by bank). An order paid by bank, recharge or pot leaves its provider to
 * the authority's usual payment run. And only once the school has confirmed delivery (a dispute
 * is not a confirmation).
 */
export function whyNoPayout({
  paid,
  confirmation,
  stripePaidPence,
  bankPaidPence,
}: {
  paid: boolean;
  confirmation: "confirmed" | "disputed" | null;
  stripePaidPence: number;
  bankPaidPence: number;
}): NoPayoutReason | null {
  if (!paid) return "not_paid";
  if (stripePaidPence <= 0 || bankPaidPence !== 0) return "not_through_stripe";
  if (confirmation !== "confirmed") return "not_confirmed";
  return null;
}

/** A range of days, both ends included, as ISO dates. */
export type DayRange = { from: string; to: string };

/** How many days a reconciliation range covers by default, ending today. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range finance may ask for at once: a year and a day. */
export const MAX_RANGE_DAYS = 366;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type RangeProblem = "invalid" | "toBeforeFrom" | "tooLong";

/**
 * The range of a reconciliation from the page's `from` and `to` (ISO, as a date input sends, or
 * 31/12/2026 where the browser has no date input): the last 30 days to today when neither is given.
 */
export function reconciliationRange(
  { from, to }: { from: string | null; to: string | null },
  today: string,
): { ok: true; range: DayRange } | { ok: false; problems: { from?: RangeProblem; to?: RangeProblem } } {
  const blank = (v: string | null) => v === null || v.trim() === "";
  const end = blank(to) ? today : parseDay(to!);
  const start = blank(from) ? (end ? addDays(end, -(DEFAULT_RANGE_DAYS - 1)) : null) : parseDay(from!);
  const problems: { from?: RangeProblem; to?: RangeProblem } = {};
  if (!start) problems.from = "invalid";
  if (!end) problems.to = "invalid";
  if (start && end && end < start) problems.to = "toBeforeFrom";
  else if (start && end && addDays(start, MAX_RANGE_DAYS) <= end) problems.to = "tooLong";
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, range: { from: start!, to: end! } };
}

/** At most this many lines of each side are read for one range of reconciliation; more, and finance is asked to narrow the dates. */
export const SIDE_LIMIT = 1_000;

/** The address of the reconciliation page (or its CSV) for a range. */
export const reconciliationHref = (path: string, range: DayRange, extra: Record<string, string> = {}) =>
  `${path}?${new URLSearchParams({ from: range.from, to: range.to, ...extra })}`;
