// Money received against an invoice, by whichever way it came: a bank transfer finance records,
// or a card, Bacs Direct Debit or bank-transfer payment that Stripe confirms. Always inside the
// caller's transaction.
import { and, eq, sum } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError, findOrNotFound } from "~/domain/errors";
import { ensureAccount, ensureAuthorityAccount } from "~/domain/ledger/accounts.server";
import { postEntry } from "~/domain/ledger/post-entry.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { lockAccounts, officeAccounts, potAccount } from "./accounts.server";
import { splitPaidOrders } from "./charge.server";
import { invoiceBalance } from "./invoice-balance";
import { payProviderForOrder } from "~/domain/payments/pay-provider.server";
import { message } from "~/domain/ledger/described";

const { invoices, payments, orders, providers, offerRevisions, creditNotes } = schema;

export type ApplyPaymentOptions = {
  authorityId: string;
  invoiceId: string;
  amountPence: number;
  bankReference: string;
  receivedOn: string;
  /** The person who recorded it; null when Stripe's webhook did. */
  recordedBy: string | null;
  method: "bank" | "stripe";
  idempotencyKey: string;
  now: Date;
  /**
   * Money Stripe has already taken is recorded even when it is more than is due (the excess is then
   * owed back to the school); a bank transfer finance types in must not exceed what is due.
   */
  acceptExcess?: boolean;
};

/** The sums paid and credited against an invoice, read inside the transaction. */
export async function invoiceSettled(tx: Queryable, invoiceId: string) {
  const [paid] = await tx
    .select({ total: sum(payments.amountPence) })
    .from(payments)
    .where(eq(payments.invoiceId, invoiceId));
  const [credited] = await tx
    .select({ total: sum(creditNotes.grossPence) })
    .from(creditNotes)
    .where(eq(creditNotes.invoiceId, invoiceId));
  return { paidPence: Number(paid?.total ?? 0), creditedPence: Number(credited?.total ?? 0) };
}

/**
 * Record a payment (or part payment) of an invoice: the receivable is cleared by the amount, and
 * when the invoice is paid in full the sale is split between the provider, the authority and the
 * consortium pot. Replaying the same idempotency key records nothing more.
 */
export async function applyInvoicePayment(tx: Queryable, options: ApplyPaymentOptions) {
  const { authorityId, invoiceId, amountPence, bankReference, receivedOn, recordedBy, method, idempotencyKey, now } = options;
  const [replay] = await tx.select().from(payments).where(eq(payments.idempotencyKey, idempotencyKey));
  if (replay) {
    if (replay.authorityId !== authorityId || replay.invoiceId !== invoiceId) throw new AppError("CONFLICT", t("payments.error.replayConflict"));
    return { payment: replay, created: false, paidInFull: false };
  }
  const invoice = await findOrNotFound(invoiceId, t("payments.error.invoiceNotFound"), () =>
    tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.authorityId, authorityId)))
      .for("update"),
  );
  if (invoice.status === "credited" && !options.acceptExcess) throw new AppError("INVALID_STATE", t("payments.error.credited"));
  const before = invoiceBalance({ grossPence: invoice.grossPence, ...(await invoiceSettled(tx, invoice.id)) });
  if (!options.acceptExcess) {
    if (before.duePence === 0) throw new AppError("INVALID_STATE", t("payments.error.alreadyPaid"));
    if (amountPence > before.duePence) throw new AppError("INVALID_INPUT", t("payments.error.moreThanDue", { due: formatPence(before.duePence) }));
  }

  const [payment] = await tx
    .insert(payments)
    .values({ authorityId, invoiceId: invoice.id, amountPence, bankReference, receivedOn, recordedBy, method, idempotencyKey, createdAt: now })
    .returning();
  // A school's match funding has no order: paying it clears the school's account and splits nothing.
  const [order] = invoice.orderId ? await tx.select().from(orders).where(eq(orders.id, invoice.orderId)) : [];
  const accounts = await officeAccounts(tx, authorityId);
  const clearing = method === "stripe" ? (await ensureAuthorityAccount(tx, { authorityId, kind: "payment_clearing_stripe" })).id : accounts.bank;
  const receivable = await ensureAccount(tx, { authorityId, kind: "school_receivable", ownerId: invoice.schoolId });
  const payable = order ? [(await ensureAccount(tx, { authorityId, kind: "provider_payable", ownerId: order.providerId })).id] : [];
  const pot = order?.consortiumId ? [await potAccount(tx, authorityId, order.consortiumId)] : [];
  await lockAccounts(tx, [...Object.values(accounts), clearing, receivable.id, ...payable, ...pot]);
  await postEntry(tx, {
    authorityId,
    idempotencyKey: `payment:${payment.id}`,
    description: message(method === "stripe" ? "payments.entry.stripe" : "payments.entry.bank", { number: invoice.number, reference: bankReference }),
    cause: { type: "payment", id: payment.id },
    actorUserId: recordedBy,
    postings: [
      { accountId: clearing, amountPence },
      { accountId: receivable.id, amountPence: -amountPence },
    ],
  });

  const after = invoiceBalance({ grossPence: invoice.grossPence, creditedPence: before.creditedPence, paidPence: before.paidPence + amountPence });
  const paidInFull = invoice.status === "issued" && after.duePence === 0;
  if (paidInFull) {
    await tx.update(invoices).set({ status: "paid", paidAt: now }).where(eq(invoices.id, invoice.id));
  }
  if (paidInFull && order) {
    const [provider] = await tx
      .select({ kind: providers.providerKind, title: offerRevisions.title })
      .from(providers)
      .innerJoin(offerRevisions, eq(offerRevisions.id, order.revisionId))
      .where(eq(providers.organisationId, order.providerId));
    await splitPaidOrders(
      tx,
      {
        authorityId,
        actorUserId: recordedBy,
        now,
        providerId: order.providerId,
        providerKind: provider.kind,
        key: `order:${order.id}:split`,
        cause: { type: "order", id: order.id },
        describe: message("ledgerText.describe.invoice", { provider: provider.title, number: invoice.number }),
        accounts,
      },
      [order],
    );
    // Paid through Stripe after the school confirmed delivery: the provider's share can go now
    // (payProviderForOrder checks the confirmation). Money paid by bank is paid on by the payment run.
    if (method === "stripe") await payProviderForOrder(tx, { authorityId, orderId: order.id, actorUserId: recordedBy, now });
  }
  await audit(tx, {
    authorityId,
    actorUserId: recordedBy,
    action: paidInFull ? "invoice.pay" : "invoice.pay_part",
    entityType: "invoice",
    entityId: invoice.id,
    organisationId: invoice.schoolId,
    before: { status: invoice.status, duePence: before.duePence },
    after: { status: paidInFull ? "paid" : invoice.status, duePence: after.duePence, payment },
  });
  return { payment, created: true, paidInFull };
}
