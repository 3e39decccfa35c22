// Finance gives a card or bank-debit payment back through Stripe; the ledger follows when Stripe
// says the refund is made (charge.refunded, read back), with the provider's transfer reversed in proportion.
import { and, eq, inArray, sum } from "drizzle-orm";
import type Stripe from "stripe";
import { schema, type Database, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { ensureAccount, ensureAuthorityAccount } from "~/domain/ledger/accounts.server";
import { postEntry, debitCredit } from "~/domain/ledger/post-entry.server";
import { queueJob } from "~/domain/outbox.server";
import { lockAccounts } from "~/domain/purchasing/accounts.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { invoiceSettled } from "~/domain/purchasing/apply-payment.server";
import { invoiceBalance } from "~/domain/purchasing/invoice-balance";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import type { StripeClient } from "~/integrations/stripe.server";
import { reverseTransfersAfterRefund } from "./pay-provider.server";
import { paymentGivenBack, postDisputeMoney, postStripeFee } from "./stripe-ledger.server";
import { tellPayer } from "./sync-checkout.server";
import { message } from "~/domain/ledger/described";

const { stripeCheckouts, stripeRefunds, invoices } = schema;

export const REFUND_JOB = "stripe.refund.create";

export type RequestRefundOptions = {
  actor: Actor;
  authorityId: string;
  checkoutId: string;
  /** Null: all that is left to refund. */
  amountPence: number | null;
  reason: string;
  idempotencyKey: string;
  stripeEnabled: boolean;
  now?: Date;
};

/** What of a paid checkout is still refundable: its amount less refunds made or on their way. */
async function refundable(tx: Queryable, checkout: { id: string; amountPence: number }) {
  const [asked] = await tx
    .select({ total: sum(stripeRefunds.amountPence) })
    .from(stripeRefunds)
    .where(and(eq(stripeRefunds.checkoutId, checkout.id), inArray(stripeRefunds.status, ["queued", "succeeded"])));
  return checkout.amountPence - Number(asked?.total ?? 0);
}

export async function requestRefund(db: Database, options: RequestRefundOptions) {
  const { actor, authorityId, checkoutId, reason, idempotencyKey, now = new Date() } = options;
  ensureCan(actor, "record:payment", { authorityId }, t("refunds.error.notFinance"));
  if (!options.stripeEnabled) throw new AppError("INVALID_STATE", t("payments.error.notConfigured"));
  if (!isUuid(checkoutId)) throw new AppError("NOT_FOUND", t("refunds.error.notFound"));
  return db.transaction(async (tx) => {
    const [replay] = await tx.select().from(stripeRefunds).where(eq(stripeRefunds.idempotencyKey, idempotencyKey));
    if (replay) return { refund: replay, created: false };
    const [checkout] = await tx
      .select()
      .from(stripeCheckouts)
      .where(and(eq(stripeCheckouts.id, checkoutId), eq(stripeCheckouts.authorityId, authorityId)))
      .for("update");
    if (!checkout) throw new AppError("NOT_FOUND", t("refunds.error.notFound"));
    if (checkout.status !== "paid" || !checkout.paymentIntentId) throw new AppError("INVALID_STATE", t("refunds.error.notPaid"));
    const left = await refundable(tx, checkout);
    const amount = options.amountPence ?? left;
    if (left <= 0) throw new AppError("INVALID_STATE", t("refunds.error.nothingLeft"));
    if (amount <= 0 || amount > left) throw new AppError("INVALID_INPUT", t("refunds.error.amount", { left: formatPence(left) }));
    const [refund] = await tx
      .insert(stripeRefunds)
      .values({ authorityId, checkoutId, amountPence: amount, reason, requestedBy: actor.id, idempotencyKey, createdAt: now })
      .returning();
    await queueJob(tx, { topic: REFUND_JOB, payload: { refundId: refund.id }, authorityId });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "payment.refund.request",
      entityType: "stripe_checkout",
      entityId: checkout.id,
      organisationId: checkout.schoolId,
      after: refund,
    });
    return { refund, created: true };
  });
}

/** The outbox asks Stripe for the refund, under the refund row's id as idempotency key, then applies the charge as it now stands. */
export async function sendRefund(db: Database, stripe: StripeClient, { refundId, appUrl }: { refundId: string; appUrl: string }) {
  const [row] = await db
    .select({ refund: stripeRefunds, paymentIntentId: stripeCheckouts.paymentIntentId, chargeId: stripeCheckouts.chargeId })
    .from(stripeRefunds)
    .innerJoin(stripeCheckouts, eq(stripeCheckouts.id, stripeRefunds.checkoutId))
    .where(eq(stripeRefunds.id, refundId));
  if (!row || row.refund.status !== "queued" || !row.paymentIntentId) return;
  const refund = await stripe.refunds.create(
    {
      payment_intent: row.paymentIntentId,
      amount: row.refund.amountPence,
      metadata: { refund_row_id: row.refund.id, checkout_id: row.refund.checkoutId, authority_id: row.refund.authorityId },
    },
    { idempotencyKey: `refund:${row.refund.id}` },
  );
  const chargeId = typeof refund.charge === "string" ? refund.charge : (refund.charge?.id ?? row.chargeId);
  if (!chargeId) return;
  const charge = await retrieveCharge(stripe, chargeId);
  await db.transaction((tx) => applyCharge(tx, { charge, appUrl }));
}

/** A charge with its refunds and its PaymentIntent, whose metadata names our checkout (a charge's own metadata is empty). */
export const retrieveCharge = (stripe: StripeClient, chargeId: string) =>
  stripe.charges.retrieve(chargeId, { expand: ["refunds", "refunds.data.balance_transaction", "payment_intent"] });

const checkoutIdOf = (charge: Stripe.Charge) =>
  (typeof charge.payment_intent === "object" && charge.payment_intent ? charge.payment_intent.metadata?.checkout_id : undefined) ??
  charge.metadata?.checkout_id;

/**
 * Apply a charge's refunds as Stripe holds them: each succeeded refund once, as a negative payment
 * on the invoice and an entry from the Stripe clearing account back to the school's receivable.
 */
export async function applyCharge(tx: Queryable, { charge, appUrl, now = new Date() }: { charge: Stripe.Charge; appUrl: string; now?: Date }) {
  const intentId = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  const checkoutId = checkoutIdOf(charge);
  const [checkout] = checkoutId && isUuid(checkoutId) ? await tx.select().from(stripeCheckouts).where(eq(stripeCheckouts.id, checkoutId)).for("update") : [];
  if (!checkout || (intentId && checkout.paymentIntentId && checkout.paymentIntentId !== intentId)) return "ignored: not one of ours";
  // The payment itself is recorded first (from its session) when this event overtook it.
  if (checkout.status !== "paid") return "ignored: not paid";
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, checkout.invoiceId)).for("update");
  const receivable = await ensureAccount(tx, { authorityId: checkout.authorityId, kind: "school_receivable", ownerId: checkout.schoolId });
  const clearing = await ensureAuthorityAccount(tx, { authorityId: checkout.authorityId, kind: "payment_clearing_stripe" });
  await lockAccounts(tx, [receivable.id, clearing.id]);
  const done: string[] = [];
  for (const refund of charge.refunds?.data ?? []) {
    if (refund.status !== "succeeded") continue;
    const payment = await paymentGivenBack(tx, {
      checkout,
      amountPence: refund.amount,
      reference: refund.id,
      idempotencyKey: `stripe:refund:${refund.id}`,
      now,
    });
    if (!payment) continue;
    await postEntry(tx, {
      authorityId: checkout.authorityId,
      idempotencyKey: `payment:${payment.id}`,
      description: message("ledgerText.refund", { number: invoice.number, reference: refund.id }),
      cause: { type: "payment", id: payment.id },
      actorUserId: null,
      postings: debitCredit(receivable.id, clearing.id, refund.amount),
    });
    await postStripeFee(tx, { authorityId: checkout.authorityId, txn: refund.balance_transaction, cause: { type: "stripe_checkout", id: checkout.id } });
    const rowId = refund.metadata?.refund_row_id;
    const [mine] =
      rowId && isUuid(rowId)
        ? await tx
            .select()
            .from(stripeRefunds)
            .where(and(eq(stripeRefunds.id, rowId), eq(stripeRefunds.checkoutId, checkout.id)))
        : [];
    if (mine) await tx.update(stripeRefunds).set({ status: "succeeded", refundId: refund.id, settledAt: now }).where(eq(stripeRefunds.id, mine.id));
    else
      await tx
        .insert(stripeRefunds)
        .values({
          authorityId: checkout.authorityId,
          checkoutId: checkout.id,
          amountPence: refund.amount,
          reason: "Refunded in Stripe",
          status: "succeeded",
          refundId: refund.id,
          idempotencyKey: `stripe:${refund.id}`,
          settledAt: now,
        })
        .onConflictDoNothing();
    done.push(refund.id);
  }
  if (done.length === 0) return "unchanged";
  const refundedPence = Math.min(checkout.amountPence, charge.amount_refunded);
  await tx.update(stripeCheckouts).set({ refundedPence }).where(eq(stripeCheckouts.id, checkout.id));
  const balance = await reopenIfDue(tx, invoice);
  // A match-funding invoice paid no provider: nothing to take back.
  if (invoice.orderId) await reverseTransfersAfterRefund(tx, { authorityId: checkout.authorityId, orderId: invoice.orderId });
  await audit(tx, {
    authorityId: checkout.authorityId,
    actorUserId: null,
    action: "payment.refund",
    entityType: "stripe_checkout",
    entityId: checkout.id,
    organisationId: checkout.schoolId,
    after: { refunds: done, refundedPence, duePence: balance.duePence },
  });
  await tellPayer(tx, { checkoutId: checkout.id, outcome: "refunded", appUrl, amountPence: refundedPence });
  return `refunded ${done.join(", ")}`;
}

/** Money given back (a refund, a lost dispute) is owed again, unless finance credits the invoice: a paid invoice with something due is issued again. */
async function reopenIfDue(tx: Queryable, invoice: typeof invoices.$inferSelect) {
  const balance = invoiceBalance({ grossPence: invoice.grossPence, ...(await invoiceSettled(tx, invoice.id)) });
  if (invoice.status === "paid" && balance.duePence > 0) await tx.update(invoices).set({ status: "issued", paidAt: null }).where(eq(invoices.id, invoice.id));
  return balance;
}

/**
 * A dispute as Stripe holds it now (from charge.dispute.created or .closed, read back): flagged on
 * the checkout for finance, with its order, and emailed to them once; its money followed in the
 * ledger (withdrawn, then returned if won or taken off the invoice if lost); its status kept.
 */
export async function applyDispute(
  tx: Queryable,
  { dispute, charge, appUrl, now = new Date() }: { dispute: Stripe.Dispute; charge: Stripe.Charge; appUrl: string; now?: Date },
) {
  const checkoutId = checkoutIdOf(charge);
  const [checkout] = checkoutId && isUuid(checkoutId) ? await tx.select().from(stripeCheckouts).where(eq(stripeCheckouts.id, checkoutId)).for("update") : [];
  if (!checkout) return "ignored: not one of ours";
  // The payment is recorded first (from its session) when this event overtook it.
  if (checkout.status !== "paid") return "ignored: not paid";
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, checkout.invoiceId)).for("update");
  const { status, posted } = await postDisputeMoney(tx, { checkout, dispute, now });
  if (status === "lost" && posted.includes("stripe-dispute-lost")) await reopenIfDue(tx, invoice);
  const first = !checkout.disputedAt;
  if (!first && checkout.disputeStatus === status && posted.length === 0) return "unchanged";
  await tx
    .update(stripeCheckouts)
    .set({ disputedAt: checkout.disputedAt ?? now, disputeReason: dispute.reason ?? "unknown", disputeId: dispute.id, disputeStatus: status })
    .where(eq(stripeCheckouts.id, checkout.id));
  const after = { disputeId: dispute.id, reason: dispute.reason, amount: dispute.amount, status, posted };
  const base = {
    authorityId: checkout.authorityId,
    actorUserId: null,
    entityType: "stripe_checkout",
    entityId: checkout.id,
    organisationId: checkout.schoolId,
  };
  if (first) await audit(tx, { ...base, action: "payment.dispute", after });
  if (status !== "open" && checkout.disputeStatus !== status)
    await audit(tx, { ...base, action: `payment.dispute.${status}`, before: { status: checkout.disputeStatus ?? "open" }, after });
  if (first) await tellPayer(tx, { checkoutId: checkout.id, outcome: "disputed", appUrl });
  return `dispute ${status}`;
}

/** What finance sees before refunding: the payment, its invoice and what is left to refund. */
export async function refundPreview(db: Queryable, { actor, authorityId, checkoutId }: { actor: Actor; authorityId: string; checkoutId: string }) {
  ensureCan(actor, "record:payment", { authorityId }, t("refunds.error.notFinance"));
  if (!isUuid(checkoutId)) return null;
  const [row] = await db
    .select({ checkout: stripeCheckouts, invoiceNumber: invoices.number })
    .from(stripeCheckouts)
    .innerJoin(invoices, eq(invoices.id, stripeCheckouts.invoiceId))
    .where(and(eq(stripeCheckouts.id, checkoutId), eq(stripeCheckouts.authorityId, authorityId)));
  if (!row) return null;
  return {
    id: row.checkout.id,
    status: row.checkout.status,
    amountPence: row.checkout.amountPence,
    invoiceNumber: row.invoiceNumber,
    leftPence: row.checkout.status === "paid" ? await refundable(db, row.checkout) : 0,
  };
}
