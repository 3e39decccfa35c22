// The ledger's side of what Stripe does with the money while it holds it: the fees it keeps, the
// payouts of the balance to the authority's bank, and the payments a school's bank disputes. Each
// is read back from Stripe and posted once, keyed by the Stripe object it came from, so that the
// Stripe clearing account follows Stripe's balance to the penny (ADR 0011).
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { schema, type DisputeStatus, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { isUuid } from "~/domain/ids";
import { ensureAccount, ensureAuthorityAccount } from "~/domain/ledger/accounts.server";
import { message } from "~/domain/ledger/described";
import { postEntry, debitCredit } from "~/domain/ledger/post-entry.server";
import { reverseEntry } from "~/domain/ledger/reverse-entry.server";
import { lockAccounts } from "~/domain/purchasing/accounts.server";
import { disputeStatusOf } from "./rules";

const { journalEntries, authorities, payments, invoices } = schema;

type Cause = { type: string; id: string };

const posted = async (tx: Queryable, idempotencyKey: string) =>
  (await tx.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.idempotencyKey, idempotencyKey)))[0] ?? null;

/**
 * The Stripe clearing account, locked before any other account an entry of this file touches:
 * every transaction that moves Stripe money takes it first, so two of them queue, never deadlock.
 */
async function lockedClearing(tx: Queryable, authorityId: string) {
  const clearing = await ensureAuthorityAccount(tx, { authorityId, kind: "payment_clearing_stripe" });
  await lockAccounts(tx, [clearing.id]);
  return clearing;
}

/**
 * Stripe's fee on one balance transaction (a payment's processing fee, a dispute's fee, a fee on
 * a refund if Stripe ever charges one): the fees expense debited, the clearing account credited;
 * a fee Stripe gives back (a won dispute) the other way. Once per balance transaction.
 */
export async function postStripeFee(
  tx: Queryable,
  { authorityId, txn, cause }: { authorityId: string; txn: Stripe.BalanceTransaction | string | null | undefined; cause: Cause },
) {
  if (!txn || typeof txn === "string" || !txn.fee) return false;
  const idempotencyKey = `stripe-fee:${txn.id}`;
  if (await posted(tx, idempotencyKey)) return false;
  const clearing = await lockedClearing(tx, authorityId);
  const fees = await ensureAuthorityAccount(tx, { authorityId, kind: "stripe_fees" });
  const source = typeof txn.source === "string" ? txn.source : (txn.source?.id ?? txn.id);
  const { created } = await postEntry(tx, {
    authorityId,
    idempotencyKey,
    description: message("stripeLedger.entry.fee", { reference: source }),
    cause,
    actorUserId: null,
    postings: debitCredit(fees.id, clearing.id, txn.fee),
  });
  return created;
}

/**
 * A payout of the platform's Stripe balance to the bank, read back. It belongs to the authority
 * named in its metadata (`authority_id`); one without is the platform's alone and not in any
 * authority's ledger. Paid: the clearing account credited, the authority's bank account debited.
 * Failed after its money left the balance (Stripe then has a failure balance transaction): the
 * same entry, reversed; so whichever of payout.paid and payout.failed is read first, the ledger
 * ends the same.
 */
export async function applyPayout(tx: Queryable, payout: Stripe.Payout) {
  const authorityId = payout.metadata?.authority_id;
  if (!authorityId || !isUuid(authorityId)) return "ignored: a payout of no authority";
  const [authority] = await tx.select({ id: authorities.id }).from(authorities).where(eq(authorities.id, authorityId));
  if (!authority) return "ignored: unknown authority";
  const left = payout.status === "paid" || (payout.status === "failed" && Boolean(payout.failure_balance_transaction));
  if (!left) return `unchanged: ${payout.status}`;
  const clearing = await lockedClearing(tx, authorityId);
  const bank = await ensureAuthorityAccount(tx, { authorityId, kind: "payment_clearing_bank" });
  const cause = { type: "stripe_payout", id: payout.id };
  const paid = await postEntry(tx, {
    authorityId,
    idempotencyKey: `stripe-payout:${payout.id}`,
    description: message("stripeLedger.entry.payout", { reference: payout.id }),
    cause,
    actorUserId: null,
    postings: debitCredit(bank.id, clearing.id, payout.amount),
  });
  const returned =
    payout.status === "failed"
      ? await reverseEntry(tx, {
          entryId: paid.entryId,
          authorityId,
          idempotencyKey: `stripe-payout-failed:${payout.id}`,
          description: message("stripeLedger.entry.payoutFailed", { reference: payout.id }),
          actorUserId: null,
        })
      : { created: false };
  if (!paid.created && !returned.created) return `unchanged: ${payout.status}`;
  await audit(tx, {
    authorityId,
    actorUserId: null,
    action: `payment.payout.${payout.status}`,
    entityType: "stripe_payout",
    entityId: payout.id,
    organisationId: null,
    after: { amountPence: payout.amount, status: payout.status, failureCode: payout.failure_code ?? null },
  });
  return `payout ${payout.status}: ${payout.amount} pence`;
}

type DisputedCheckout = typeof schema.stripeCheckouts.$inferSelect;

/**
 * Money a school paid through Stripe and got back (a refund, a lost dispute): a negative payment
 * on its invoice, once by its key. Returns the payment, or null when it was recorded before.
 */
export async function paymentGivenBack(
  tx: Queryable,
  {
    checkout,
    amountPence,
    reference,
    idempotencyKey,
    now,
  }: { checkout: Pick<DisputedCheckout, "authorityId" | "invoiceId">; amountPence: number; reference: string; idempotencyKey: string; now: Date },
) {
  const [payment] = await tx
    .insert(payments)
    .values({
      authorityId: checkout.authorityId,
      invoiceId: checkout.invoiceId,
      amountPence: -amountPence,
      bankReference: reference,
      receivedOn: now.toISOString().slice(0, 10),
      recordedBy: null,
      method: "stripe",
      idempotencyKey,
      createdAt: now,
    })
    .onConflictDoNothing({ target: payments.idempotencyKey })
    .returning();
  return payment ?? null;
}

/**
 * The money of a dispute as Stripe's balance shows it, in the caller's transaction with the
 * checkout locked. The amount withdrawn moves from the clearing account to "disputed card
 * payments" with Stripe's dispute fee; won, it comes back (and the fee if Stripe returns it); lost,
 * it is taken off the school's invoice like a refund (a negative payment, the school's account
 * debited, the invoice due again). Each step once, whatever order the events arrive in.
 */
export async function postDisputeMoney(
  tx: Queryable,
  { checkout, dispute, now }: { checkout: DisputedCheckout; dispute: Stripe.Dispute; now: Date },
): Promise<{ status: DisputeStatus; posted: string[] }> {
  const authorityId = checkout.authorityId;
  const status = disputeStatusOf(dispute.status);
  const txns = dispute.balance_transactions ?? [];
  const withdrawn = -txns.filter((b) => b.amount < 0).reduce((s, b) => s + b.amount, 0);
  const reinstated = txns.filter((b) => b.amount > 0).reduce((s, b) => s + b.amount, 0);
  const done: string[] = [];
  if (withdrawn === 0) return { status, posted: done };
  const clearing = await lockedClearing(tx, authorityId);
  const disputed = await ensureAuthorityAccount(tx, { authorityId, kind: "stripe_disputes" });
  const cause = { type: "stripe_checkout", id: checkout.id };
  const [invoice] = await tx.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, checkout.invoiceId));
  const post = async (key: string, description: ReturnType<typeof message>, postings: { accountId: string; amountPence: number }[]) => {
    const { created } = await postEntry(tx, { authorityId, idempotencyKey: key, description, cause, actorUserId: null, postings });
    if (created) done.push(key.split(":")[0]);
  };
  await post(
    `stripe-dispute:${dispute.id}`,
    message("stripeLedger.entry.disputed", { number: invoice.number, reference: dispute.id }),
    debitCredit(disputed.id, clearing.id, withdrawn),
  );
  if (reinstated > 0)
    await post(
      `stripe-dispute-won:${dispute.id}`,
      message("stripeLedger.entry.disputeWon", { number: invoice.number, reference: dispute.id }),
      debitCredit(clearing.id, disputed.id, reinstated),
    );
  for (const txn of txns) if (await postStripeFee(tx, { authorityId, txn, cause })) done.push("stripe-fee");
  if (status === "lost") {
    // The school's bank gave the money back to the school: what it paid is owed again, as after a refund.
    const payment = await paymentGivenBack(tx, {
      checkout,
      amountPence: withdrawn,
      reference: dispute.id,
      idempotencyKey: `stripe:dispute:${dispute.id}`,
      now,
    });
    if (payment) {
      const receivable = await ensureAccount(tx, { authorityId, kind: "school_receivable", ownerId: checkout.schoolId });
      await post(
        `stripe-dispute-lost:${dispute.id}`,
        message("stripeLedger.entry.disputeLost", { number: invoice.number, reference: dispute.id }),
        debitCredit(receivable.id, disputed.id, withdrawn),
      );
    }
  }
  return { status, posted: done };
}
