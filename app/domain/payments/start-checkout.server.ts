import { and, eq, inArray, sum } from "drizzle-orm";
import { schema, type Database, type PaymentRoute, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { queueJob } from "~/domain/outbox.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { invoiceSettled } from "~/domain/purchasing/apply-payment.server";
import { invoiceBalance } from "~/domain/purchasing/invoice-balance";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { checkoutAmount, mayPayOnline } from "./rules";

const { invoices, orders, stripeCheckouts } = schema;

export const CHECKOUT_JOB = "stripe.checkout.create";

export type StartCheckoutOptions = {
  actor: Actor;
  authorityId: string;
  invoiceId: string;
  /** A part of what is due; null for all of it. */
  amountPence: number | null;
  /** From the form: it becomes the checkout's id, and so the Checkout Session's idempotency key. */
  checkoutId: string;
  /** Whether Stripe is configured here. */
  stripeEnabled: boolean;
  now?: Date;
};

/** How an invoice is paid: its order's route, or (a school's match funding, which has no order) by invoice. */
const paidBy = ({ paymentRoute }: { paymentRoute: PaymentRoute | null }) => ({ paymentRoute: paymentRoute ?? ("invoice" as const) });

/** What may be paid online now: what is due less what is already on its way through Stripe. */
export async function payableOnline(tx: Queryable, invoice: { id: string; grossPence: number }) {
  const balance = invoiceBalance({ grossPence: invoice.grossPence, ...(await invoiceSettled(tx, invoice.id)) });
  const [pending] = await tx
    .select({ total: sum(stripeCheckouts.amountPence) })
    .from(stripeCheckouts)
    .where(and(eq(stripeCheckouts.invoiceId, invoice.id), eq(stripeCheckouts.status, "processing")));
  return { balance, onItsWayPence: Number(pending?.total ?? 0), payablePence: Math.max(0, balance.duePence - Number(pending?.total ?? 0)) };
}

/**
 * A school starts paying (part of) an invoice by card, Bacs Direct Debit or bank transfer. The
 * Checkout Session is created by the outbox after this commits, under this checkout's id, so a
 * crash or a second click never makes two; the payment is recorded only when Stripe confirms it.
 */
export async function startCheckout(db: Database, options: StartCheckoutOptions) {
  const { actor, authorityId, invoiceId, amountPence, checkoutId, now = new Date() } = options;
  if (!options.stripeEnabled) throw new AppError("INVALID_STATE", t("payments.error.notConfigured"));
  if (!isUuid(invoiceId) || !isUuid(checkoutId)) throw new AppError("NOT_FOUND", t("payments.error.invoiceNotFound"));
  return db.transaction(async (tx) => {
    const [replay] = await tx.select().from(stripeCheckouts).where(eq(stripeCheckouts.id, checkoutId));
    if (replay) {
      if (replay.authorityId !== authorityId || replay.invoiceId !== invoiceId) throw new AppError("CONFLICT", t("payments.error.replayConflict"));
      return { checkout: replay, created: false };
    }
    const [found] = await tx
      .select({ invoice: invoices, paymentRoute: orders.paymentRoute })
      .from(invoices)
      .leftJoin(orders, eq(orders.id, invoices.orderId))
      .where(and(eq(invoices.id, invoiceId), eq(invoices.authorityId, authorityId)))
      .for("update", { of: invoices });
    if (!found) throw new AppError("NOT_FOUND", t("payments.error.invoiceNotFound"));
    const { invoice } = found;
    ensureCan(actor, "buy:offer", { organisationId: invoice.schoolId, authorityId }, t("payments.error.notPayer"));
    if (!mayPayOnline(paidBy(found))) throw new AppError("INVALID_STATE", t("payments.error.routeNotOnline"));
    if (invoice.status !== "issued") throw new AppError("INVALID_STATE", t("payments.error.alreadyPaid"));
    const { payablePence } = await payableOnline(tx, invoice);
    const amount = checkoutAmount({ duePence: payablePence, requestedPence: amountPence });
    if (!amount.ok) throw new AppError("INVALID_INPUT", t(`payments.error.amount.${amount.reason}`, { due: formatPence(payablePence) }));

    const [checkout] = await tx
      .insert(stripeCheckouts)
      .values({
        id: checkoutId,
        authorityId,
        invoiceId: invoice.id,
        schoolId: invoice.schoolId,
        amountPence: amount.amountPence,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    await queueJob(tx, { topic: CHECKOUT_JOB, payload: { checkoutId: checkout.id }, authorityId });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "payment.checkout.start",
      entityType: "stripe_checkout",
      entityId: checkout.id,
      organisationId: invoice.schoolId,
      after: checkout,
    });
    return { checkout, created: true };
  });
}

/** A checkout as its pages show it, for the school that started it (or finance). */
export async function findCheckout(db: Database, { authorityId, checkoutId }: { authorityId: string; checkoutId: string }) {
  if (!isUuid(checkoutId)) return null;
  const [row] = await db
    .select({ checkout: stripeCheckouts, invoiceNumber: invoices.number, orderId: invoices.orderId })
    .from(stripeCheckouts)
    .innerJoin(invoices, eq(invoices.id, stripeCheckouts.invoiceId))
    .where(and(eq(stripeCheckouts.id, checkoutId), eq(stripeCheckouts.authorityId, authorityId)));
  return row ?? null;
}

/** Checkouts of an invoice that finance may refund: paid, with something left to give back. */
export const refundableCheckouts = (db: Database, { authorityId, invoiceIds }: { authorityId: string; invoiceIds: string[] }) =>
  invoiceIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(stripeCheckouts)
        .where(and(eq(stripeCheckouts.authorityId, authorityId), inArray(stripeCheckouts.invoiceId, invoiceIds), eq(stripeCheckouts.status, "paid")));

/** What the invoice page offers: whether this invoice may be paid online here, and how much. */
export async function onlinePaymentOf(
  db: Queryable,
  { authorityId, invoiceId, stripeEnabled }: { authorityId: string; invoiceId: string; stripeEnabled: boolean },
) {
  if (!isUuid(invoiceId)) return null;
  const [found] = await db
    .select({ invoice: invoices, paymentRoute: orders.paymentRoute })
    .from(invoices)
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.authorityId, authorityId)));
  if (!found) return null;
  const { balance, onItsWayPence, payablePence } = await payableOnline(db, found.invoice);
  return {
    invoice: found.invoice,
    stripeEnabled,
    /** The route allows it: a school that banks for itself, not a recharge. */
    routeAllows: mayPayOnline(paidBy(found)),
    open: stripeEnabled && mayPayOnline(paidBy(found)) && found.invoice.status === "issued" && payablePence > 0,
    duePence: balance.duePence,
    onItsWayPence,
    payablePence,
  };
}

/** The invoice of an order, in its authority. */
export async function invoiceIdOfOrder(db: Queryable, { authorityId, orderId }: { authorityId: string; orderId: string }) {
  if (!isUuid(orderId)) return null;
  const [row] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.authorityId, authorityId)));
  return row?.id ?? null;
}
