import type { Database } from "~/db.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { applyInvoicePayment } from "./apply-payment.server";
import { t } from "~/i18n";

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
 * Finance records a school's bank transfer against its invoice, in full or in part: the
 * receivable is cleared by the amount, and once the invoice is paid the sale is split between the
 * provider, the authority and the consortium pot.
 */
export async function recordPayment(db: Database, options: RecordPaymentOptions) {
  const { actor, authorityId, now = new Date() } = options;
  ensureCan(actor, "record:payment", { authorityId }, t("refusal.purchasing.financeOfficersRecordPayments"));
  return db.transaction(async (tx) => {
    const { payment, created } = await applyInvoicePayment(tx, { ...options, recordedBy: actor.id, method: "bank", now });
    return { payment, created };
  });
}
