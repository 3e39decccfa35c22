// Reconciliation for finance: the ledger's clearing entries matched with Stripe's balance
// transactions (by the Stripe object each came from) and with bank transfers (by the invoice
// number quoted as the reference). Read-only.
import { and, desc, eq, isNotNull, like, notLike, or } from "drizzle-orm";
import type Stripe from "stripe";
import { schema, type Queryable } from "~/db.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { t } from "~/i18n";
import type { StripeClient } from "~/integrations/stripe.server";
import { reconcile, type ReconcileLine, type Reconciliation } from "./rules";

const { payments, invoices, stripeTransfers, journalEntries, ledgerPostings, ledgerAccounts, stripeCheckouts, organisations } = schema;

/**
 * Balance transaction types that move money we account for: payments, refunds, transfers and
 * their reversals, payouts to the bank (and their return), and disputes (an "adjustment" whose
 * source is the dispute). Each one's fee is a line of its own.
 */
const MATCHED_TYPES = new Set([
  "charge",
  "payment",
  "refund",
  "payment_refund",
  "transfer",
  "transfer_reversal",
  "payout",
  "payout_failure",
  "payout_cancel",
  "adjustment",
]);

/** The clearing lines the ledger posts for Stripe's own movements, by the prefix of their entry's key: the rest of the key is Stripe's reference. */
const CLEARING_LINES = {
  "stripe-reversal": "payouts.transfer.reversed",
  "stripe-fee": "stripeLedger.line.fee",
  "stripe-payout": "stripeLedger.line.payout",
  "stripe-payout-failed": "stripeLedger.line.payoutFailed",
  "stripe-dispute": "stripeLedger.line.dispute",
  "stripe-dispute-won": "stripeLedger.line.disputeReturned",
} as const;
/** How far back Stripe's balance is read for one page of reconciliation. */
const STRIPE_LIMIT = 1_000;

const day = (d: Date) => d.toISOString().slice(0, 10);

async function ledgerStripeLines(db: Queryable, authorityId: string): Promise<ReconcileLine[]> {
  const paid = await db
    .select({ reference: payments.bankReference, amountPence: payments.amountPence, number: invoices.number, createdAt: payments.createdAt })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    // A lost dispute's negative payment moves no money at Stripe (it left with the dispute).
    .where(and(eq(payments.authorityId, authorityId), eq(payments.method, "stripe"), notLike(payments.idempotencyKey, "stripe:dispute:%")));
  const sent = await db
    .select({
      reference: stripeTransfers.transferId,
      amountPence: stripeTransfers.amountPence,
      sentAt: stripeTransfers.sentAt,
      orderId: stripeTransfers.orderId,
    })
    .from(stripeTransfers)
    .where(and(eq(stripeTransfers.authorityId, authorityId), isNotNull(stripeTransfers.transferId)));
  const movements = await db
    .select({ key: journalEntries.idempotencyKey, amountPence: ledgerPostings.amountPence, createdAt: journalEntries.createdAt })
    .from(journalEntries)
    .innerJoin(ledgerPostings, eq(ledgerPostings.entryId, journalEntries.id))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerPostings.accountId))
    .where(
      and(
        eq(journalEntries.authorityId, authorityId),
        or(...Object.keys(CLEARING_LINES).map((prefix) => like(journalEntries.idempotencyKey, `${prefix}:%`))),
        eq(ledgerAccounts.kind, "payment_clearing_stripe"),
      ),
    );
  return [
    ...paid.map((p) => ({
      reference: p.reference,
      amountPence: p.amountPence,
      label: t(p.amountPence < 0 ? "payments.list.refund" : "payments.list.stripe", { date: day(p.createdAt), reference: p.number }),
      date: day(p.createdAt),
    })),
    ...sent.map((s) => ({
      reference: s.reference!,
      amountPence: -s.amountPence,
      label: `${t("payouts.title")}: ${t("reconciliation.order")} ${s.orderId.slice(0, 8)}`,
      date: s.sentAt ? day(s.sentAt) : "",
    })),
    ...movements.map((r) => {
      const prefix = r.key.slice(0, r.key.indexOf(":")) as keyof typeof CLEARING_LINES;
      const reference = r.key.slice(prefix.length + 1);
      return { reference, amountPence: r.amountPence, label: t(CLEARING_LINES[prefix]), date: day(r.createdAt) };
    }),
  ];
}

/** Stripe's side: balance transactions of this authority (a reference the ledger knows, or our metadata on the source). */
async function stripeLines(stripe: StripeClient, authorityId: string, known: Set<string>): Promise<ReconcileLine[]> {
  const lines: ReconcileLine[] = [];
  for await (const txn of stripe.balanceTransactions.list({ limit: 100, expand: ["data.source"] })) {
    if (lines.length >= STRIPE_LIMIT) break;
    if (!MATCHED_TYPES.has(txn.type)) continue;
    const source = txn.source as string | (Stripe.BalanceTransactionSource & { metadata?: Record<string, string> }) | null;
    const reference = typeof source === "string" ? source : source?.id;
    if (!reference) continue;
    const ours = known.has(reference) || (typeof source === "object" && source?.metadata?.authority_id === authorityId);
    if (!ours) continue;
    lines.push({
      reference,
      amountPence: txn.amount,
      label: `${txn.type}${txn.description ? `: ${txn.description}` : ""}`,
      date: day(new Date(txn.created * 1000)),
    });
    // Stripe's fee on it, matched with the ledger's fee entry by the balance transaction's id.
    if (txn.fee) lines.push({ reference: txn.id, amountPence: -txn.fee, label: `${txn.type}: fee`, date: day(new Date(txn.created * 1000)) });
  }
  return lines;
}

/** Bank transfers recorded by finance, matched to invoices by the invoice number quoted in the bank reference. */
async function bankReconciliation(db: Queryable, authorityId: string): Promise<Reconciliation> {
  const rows = await db
    .select({ number: invoices.number, reference: payments.bankReference, amountPence: payments.amountPence, receivedOn: payments.receivedOn })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.authorityId, authorityId), eq(payments.method, "bank")));
  const ledger = rows.map((r) => ({
    reference: r.number,
    amountPence: r.amountPence,
    label: t("payments.list.bank", { date: r.receivedOn, reference: r.reference }),
    date: r.receivedOn,
  }));
  const bank = rows.map((r) => ({
    reference: r.reference.toUpperCase().includes(r.number.toUpperCase()) ? r.number : r.reference,
    amountPence: r.amountPence,
    label: r.reference,
    date: r.receivedOn,
  }));
  return reconcile(ledger, bank);
}

export type StripeSide = { state: "off" } | { state: "unreachable" } | { state: "ok"; result: Reconciliation };

export async function loadReconciliation(db: Queryable, stripe: StripeClient | null, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  ensureCan(actor, "record:payment", { authorityId }, t("refunds.error.notFinance"));
  const ledger = await ledgerStripeLines(db, authorityId);
  let stripeSide: StripeSide = { state: "off" };
  if (stripe) {
    try {
      stripeSide = { state: "ok", result: reconcile(ledger, await stripeLines(stripe, authorityId, new Set(ledger.map((l) => l.reference)))) };
    } catch {
      stripeSide = { state: "unreachable" };
    }
  }
  const checkouts = await db
    .select({
      id: stripeCheckouts.id,
      invoiceId: stripeCheckouts.invoiceId,
      invoiceNumber: invoices.number,
      orderId: invoices.orderId,
      schoolName: organisations.name,
      amountPence: stripeCheckouts.amountPence,
      refundedPence: stripeCheckouts.refundedPence,
      completedAt: stripeCheckouts.completedAt,
      disputedAt: stripeCheckouts.disputedAt,
      disputeReason: stripeCheckouts.disputeReason,
      disputeStatus: stripeCheckouts.disputeStatus,
    })
    .from(stripeCheckouts)
    .innerJoin(invoices, eq(invoices.id, stripeCheckouts.invoiceId))
    .innerJoin(organisations, eq(organisations.id, stripeCheckouts.schoolId))
    .where(and(eq(stripeCheckouts.authorityId, authorityId), eq(stripeCheckouts.status, "paid")))
    .orderBy(desc(stripeCheckouts.completedAt))
    .limit(200);
  return { stripe: stripeSide, bank: await bankReconciliation(db, authorityId), checkouts, disputes: checkouts.filter((c) => c.disputedAt !== null) };
}

/** The rows of the CSV: every line of both reconciliations, differences and matches alike. */
export function reconciliationRows({ stripe, bank }: Pick<Awaited<ReturnType<typeof loadReconciliation>>, "stripe" | "bank">) {
  const rows: { source: string; kind: string; reference: string; description: string; ledgerPence: number | null; externalPence: number | null }[] = [];
  const add = (source: string, r: Reconciliation) => {
    for (const d of r.amountDiffers)
      rows.push({
        source,
        kind: "amountDiffers",
        reference: d.ledger.reference,
        description: d.ledger.label,
        ledgerPence: d.ledger.amountPence,
        externalPence: d.external.amountPence,
      });
    for (const l of r.onlyInLedger)
      rows.push({ source, kind: "onlyInLedger", reference: l.reference, description: l.label, ledgerPence: l.amountPence, externalPence: null });
    for (const x of r.onlyExternal)
      rows.push({ source, kind: "onlyExternal", reference: x.reference, description: x.label, ledgerPence: null, externalPence: x.amountPence });
    for (const m of r.matched)
      rows.push({
        source,
        kind: "matched",
        reference: m.ledger.reference,
        description: m.ledger.label,
        ledgerPence: m.ledger.amountPence,
        externalPence: m.external.amountPence,
      });
  };
  if (stripe.state === "ok") add("stripe", stripe.result);
  add("bank", bank);
  return rows;
}
