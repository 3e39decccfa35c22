// Reconciliation for finance: the ledger's clearing entries matched with Stripe's balance
// transactions (by the Stripe object each came from) and with bank transfers (by the invoice
// number quoted as the reference). Read-only.
import { and, desc, eq, gte, isNotNull, like, lt, lte, notLike, or } from "drizzle-orm";
import type Stripe from "stripe";
import { schema, type Queryable } from "~/db.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import type { StripeClient } from "~/integrations/stripe.server";
import { invoiceNumberIn, invoicePrefixOf, statementLinesBetween } from "./bank-statement.server";
import { reconcile, SIDE_LIMIT, type DayRange, type ReconcileLine, type Reconciliation } from "./rules";

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
const STRIPE_LIMIT = SIDE_LIMIT;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The ledger's Stripe lines of the days in the range (days as the lines' dates give them, in UTC), read in the range, not all then filtered. */
async function ledgerStripeLines(db: Queryable, authorityId: string, range: DayRange): Promise<ReconcileLine[]> {
  const start = new Date(`${range.from}T00:00:00Z`);
  const end = new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 86_400_000);
  const paid = await db
    .select({ reference: payments.bankReference, amountPence: payments.amountPence, number: invoices.number, createdAt: payments.createdAt })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    // A lost dispute's negative payment moves no money at Stripe (it left with the dispute).
    .where(
      and(
        eq(payments.authorityId, authorityId),
        eq(payments.method, "stripe"),
        notLike(payments.idempotencyKey, "stripe:dispute:%"),
        gte(payments.createdAt, start),
        lt(payments.createdAt, end),
      ),
    );
  const sent = await db
    .select({
      reference: stripeTransfers.transferId,
      amountPence: stripeTransfers.amountPence,
      sentAt: stripeTransfers.sentAt,
      orderId: stripeTransfers.orderId,
    })
    .from(stripeTransfers)
    .where(
      and(
        eq(stripeTransfers.authorityId, authorityId),
        isNotNull(stripeTransfers.transferId),
        gte(stripeTransfers.sentAt, start),
        lt(stripeTransfers.sentAt, end),
      ),
    );
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
        gte(journalEntries.createdAt, start),
        lt(journalEntries.createdAt, end),
      ),
    );
  return [
    ...paid.map((p) => ({
      reference: p.reference,
      amountPence: p.amountPence,
      label: t(p.amountPence < 0 ? "payments.list.refund" : "payments.list.stripe", { date: formatDate(p.createdAt), reference: p.number }),
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

/** Stripe's side: balance transactions of this authority created in the range (a reference the ledger knows, or our metadata on the source). */
async function stripeLines(
  stripe: StripeClient,
  authorityId: string,
  known: Set<string>,
  range: DayRange,
): Promise<{ lines: ReconcileLine[]; truncated: boolean }> {
  const lines: ReconcileLine[] = [];
  const created = { gte: Date.parse(`${range.from}T00:00:00Z`) / 1000, lt: Date.parse(`${range.to}T00:00:00Z`) / 1000 + 86_400 };
  for await (const txn of stripe.balanceTransactions.list({ limit: 100, created, expand: ["data.source"] })) {
    if (!MATCHED_TYPES.has(txn.type)) continue;
    const source = txn.source as string | (Stripe.BalanceTransactionSource & { metadata?: Record<string, string> }) | null;
    const reference = typeof source === "string" ? source : source?.id;
    if (!reference) continue;
    const ours = known.has(reference) || (typeof source === "object" && source?.metadata?.authority_id === authorityId);
    if (!ours) continue;
    if (lines.length >= STRIPE_LIMIT) return { lines, truncated: true };
    lines.push({
      reference,
      amountPence: txn.amount,
      label: `${txn.type}${txn.description ? `: ${txn.description}` : ""}`,
      date: day(new Date(txn.created * 1000)),
    });
    // Stripe's fee on it, matched with the ledger's fee entry by the balance transaction's id.
    if (txn.fee) lines.push({ reference: txn.id, amountPence: -txn.fee, label: t("stripeLedger.line.fee"), date: day(new Date(txn.created * 1000)) });
  }
  return { lines, truncated: false };
}

/**
 * The bank's side: the lines of the statements finance uploaded, booked in the range, matched
 * with the bank payments the ledger recorded as received in the range by the invoice number the
 * bank reference quotes. A line quoting none of the authority's invoice numbers is not ours to
 * match: it is listed apart.
 */
async function bankReconciliation(db: Queryable, authorityId: string, range: DayRange) {
  const rows = await db
    .select({ number: invoices.number, reference: payments.bankReference, amountPence: payments.amountPence, receivedOn: payments.receivedOn })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.authorityId, authorityId), eq(payments.method, "bank"), gte(payments.receivedOn, range.from), lte(payments.receivedOn, range.to)))
    .orderBy(payments.receivedOn, payments.id)
    .limit(SIDE_LIMIT + 1);
  const statement = await statementLinesBetween(db, authorityId, range, SIDE_LIMIT + 1);
  const prefix = await invoicePrefixOf(db, authorityId);
  const ledger = rows.slice(0, SIDE_LIMIT).map((r) => ({
    reference: r.number,
    amountPence: r.amountPence,
    label: t("payments.list.bank", { date: formatDate(r.receivedOn), reference: r.reference }),
    date: r.receivedOn,
  }));
  const bank: ReconcileLine[] = [];
  const unmatched: ReconcileLine[] = [];
  for (const s of statement.slice(0, SIDE_LIMIT)) {
    const number = invoiceNumberIn(s.reference, prefix);
    const line = { reference: number ?? s.reference, amountPence: s.amountPence, label: s.reference, date: s.bookedOn };
    (number ? bank : unmatched).push(line);
  }
  return {
    result: reconcile(ledger, bank),
    unmatched,
    truncated: { ledger: rows.length > SIDE_LIMIT, statement: statement.length > SIDE_LIMIT },
    statementLines: Math.min(statement.length, SIDE_LIMIT),
  };
}

export type StripeSide = { state: "off" } | { state: "unreachable" } | { state: "ok"; result: Reconciliation };

export async function loadReconciliation(
  db: Queryable,
  stripe: StripeClient | null,
  { actor, authorityId, range }: { actor: Actor; authorityId: string; range: DayRange },
) {
  ensureCan(actor, "record:payment", { authorityId }, t("refunds.error.notFinance"));
  const allLedger = await ledgerStripeLines(db, authorityId, range);
  const ledger = allLedger.slice(0, SIDE_LIMIT);
  let stripeSide: StripeSide = { state: "off" };
  let stripeTruncated = false;
  if (stripe) {
    try {
      const read = await stripeLines(stripe, authorityId, new Set(ledger.map((l) => l.reference)), range);
      stripeTruncated = read.truncated;
      stripeSide = { state: "ok", result: reconcile(ledger, read.lines) };
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
  const bank = await bankReconciliation(db, authorityId, range);
  return {
    range,
    stripe: stripeSide,
    bank: bank.result,
    bankUnmatched: bank.unmatched,
    statementLines: bank.statementLines,
    /** Which sides held more than SIDE_LIMIT lines in the range: only the first were read. */
    truncated: {
      stripeLedger: allLedger.length > SIDE_LIMIT,
      stripe: stripeTruncated,
      bankLedger: bank.truncated.ledger,
      statement: bank.truncated.statement,
    },
    checkouts,
    disputes: checkouts.filter((c) => c.disputedAt !== null),
  };
}

export type ReconciliationView = Awaited<ReturnType<typeof loadReconciliation>>;
export type ReconciliationRow = {
  source: string;
  kind: string;
  reference: string;
  date: string;
  description: string;
  ledgerPence: number | null;
  externalPence: number | null;
};

/** The rows of the CSV: every line of both reconciliations, differences first, then statement lines not ours, then matches. */
export function reconciliationRows({ stripe, bank, bankUnmatched }: Pick<ReconciliationView, "stripe" | "bank" | "bankUnmatched">) {
  const rows: ReconciliationRow[] = [];
  const line = (source: string, kind: string, l: ReconcileLine, ledgerPence: number | null, externalPence: number | null) =>
    rows.push({ source, kind, reference: l.reference, date: l.date, description: l.label, ledgerPence, externalPence });
  const differences = (source: string, r: Reconciliation) => {
    for (const d of r.amountDiffers) line(source, "amountDiffers", d.ledger, d.ledger.amountPence, d.external.amountPence);
    for (const l of r.onlyInLedger) line(source, "onlyInLedger", l, l.amountPence, null);
    for (const x of r.onlyExternal) line(source, "onlyExternal", x, null, x.amountPence);
  };
  const matches = (source: string, r: Reconciliation) => {
    for (const m of r.matched) line(source, "matched", m.ledger, m.ledger.amountPence, m.external.amountPence);
  };
  if (stripe.state === "ok") differences("stripe", stripe.result);
  differences("bank", bank);
  for (const u of bankUnmatched) line("bank", "notOurs", u, null, u.amountPence);
  if (stripe.state === "ok") matches("stripe", stripe.result);
  matches("bank", bank);
  return rows;
}
