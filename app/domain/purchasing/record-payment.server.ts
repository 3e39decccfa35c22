import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { postEntry } from "~/domain/ledger/post-entry.server";
import { formatPence } from "~/format";
import { ensureCan, type Actor } from "./actor";
import { lockAccounts, officeAccounts, potAccount } from "./accounts.server";
import { splitPaidOrders } from "./charge.server";

export type RecordPaymentOptions = {
  actor: Actor;
  authorityId: string;
  invoiceId: string;
  amountPence: number;
  bankReference: string;
  receivedOn: string;
  /** From the form finance submitted: the same submission twice records one payment. */
  idempotencyKey: string;
  now?: Date;
};

/**
 * Finance records a school's bank transfer against its invoice: the receivable is cleared and the
 * sale, now paid, is split between the provider, the authority and the consortium pot.
 */
export async function recordPayment(db: Database, options: RecordPaymentOptions) {
  const { actor, authorityId, invoiceId, amountPence, bankReference, receivedOn, idempotencyKey, now = new Date() } = options;
  const { invoices, payments, orders, providers, offerRevisions } = schema;
  ensureCan(actor, "record:payment", { authorityId }, "Only the authority's finance officers can record payments");
  return db.transaction(async (tx) => {
    const [replay] = await tx.select().from(payments).where(eq(payments.idempotencyKey, idempotencyKey));
    if (replay) {
      if (replay.authorityId !== authorityId || replay.invoiceId !== invoiceId) throw new AppError("CONFLICT", "This payment was already submitted");
      return { payment: replay, created: false };
    }
    const [invoice] = isUuid(invoiceId) ? await tx.select().from(invoices).where(and(eq(invoices.id, invoiceId), eq(invoices.authorityId, authorityId))).for("update") : [];
    if (!invoice) throw new AppError("NOT_FOUND", "Invoice not found");
    if (invoice.status === "paid") throw new AppError("INVALID_STATE", "This invoice has already been paid");
    if (invoice.status === "credited") throw new AppError("INVALID_STATE", "This invoice has been credited: there is nothing to pay");
    if (amountPence !== invoice.grossPence) throw new AppError("INVALID_INPUT", `The amount must be the invoice total, ${formatPence(invoice.grossPence)}`);

    const [payment] = await tx
      .insert(payments)
      .values({ authorityId, invoiceId: invoice.id, amountPence, bankReference, receivedOn, recordedBy: actor.id, idempotencyKey, createdAt: now })
      .returning();
    const [order] = await tx.select().from(orders).where(eq(orders.id, invoice.orderId));
    const accounts = await officeAccounts(tx, authorityId);
    const receivable = await ensureAccount(tx, { authorityId, kind: "school_receivable", ownerId: invoice.schoolId });
    const payable = await ensureAccount(tx, { authorityId, kind: "provider_payable", ownerId: order.providerId });
    const pot = order.consortiumId ? [await potAccount(tx, authorityId, order.consortiumId)] : [];
    await lockAccounts(tx, [...Object.values(accounts), receivable.id, payable.id, ...pot]);
    await postEntry(tx, {
      authorityId,
      idempotencyKey: `payment:${payment.id}`,
      description: `Payment of invoice ${invoice.number} (bank reference ${bankReference})`,
      cause: { type: "payment", id: payment.id },
      actorUserId: actor.id,
      postings: [
        { accountId: accounts.bank, amountPence },
        { accountId: receivable.id, amountPence: -amountPence },
      ],
    });
    await tx.update(invoices).set({ status: "paid", paidAt: now }).where(eq(invoices.id, invoice.id));
    const [provider] = await tx
      .select({ kind: providers.providerKind, title: offerRevisions.title })
      .from(providers)
      .innerJoin(offerRevisions, eq(offerRevisions.id, order.revisionId))
      .where(eq(providers.organisationId, order.providerId));
    await splitPaidOrders(
      tx,
      { authorityId, actorUserId: actor.id, now, providerId: order.providerId, providerKind: provider.kind, key: `order:${order.id}:split`, cause: { type: "order", id: order.id }, describe: `${provider.title}, invoice ${invoice.number}`, accounts },
      [order],
    );
    await audit(tx, { authorityId, actorUserId: actor.id, action: "invoice.pay", entityType: "invoice", entityId: invoice.id, before: invoice, after: { status: "paid", payment } });
    return { payment, created: true };
  });
}
