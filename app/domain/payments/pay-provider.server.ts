// Paying a provider its share of a sale: a Stripe Connect transfer to its account, queued through
// the outbox when the school confirms delivery, grouped with the order's payment by transfer_group.
// Only for orders whose money reached Stripe; the rest are paid by the authority's payment run.
import { and, eq, gt, sql, sum } from "drizzle-orm";
import type Stripe from "stripe";
import { schema, type Database, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { isUuid } from "~/domain/ids";
import { ensureAccount, ensureAuthorityAccount } from "~/domain/ledger/accounts.server";
import { postEntry, debitCredit, type PostEntryOptions } from "~/domain/ledger/post-entry.server";
import { queueJob } from "~/domain/outbox.server";
import { lockAccounts } from "~/domain/purchasing/accounts.server";
import type { StripeClient } from "~/integrations/stripe.server";
import { providerShareAfterRefunds, whyNoPayout, transferReversalFor, type NoPayoutReason } from "./rules";
import { message } from "~/domain/ledger/described";

const { orders, invoices, payments, deliveryConfirmations, orderMilestones, stripeAccounts, stripeCheckouts, stripeTransfers } = schema;

export const TRANSFER_JOB = "stripe.transfer.create";
export const REVERSAL_JOB = "stripe.transfer.reverse";

export type PayProviderOptions = {
  authorityId: string;
  orderId: string;
  /** Who confirmed the delivery; null when the system does it (an invoice paid after the school confirmed). */
  actorUserId: string | null;
  /** "delivery" for the whole share (what is left of it), or a milestone's name with its part of the share. */
  milestone?: string;
  /** The milestone's part of the provider's share, before refunds (`milestoneParts`). */
  amountPence?: number;
  /** The milestone the school has just confirmed: it stands for the confirmation of delivery. */
  milestoneId?: string;
  now?: Date;
};

export type PayProviderResult = {
  queued: boolean;
  reason?: "not_found" | NoPayoutReason | "nothing_to_pay" | "already_queued" | "held";
  transferId?: string;
};

/** What reached the order's invoice through Stripe and by bank (refunds aside), read in the transaction. */
async function paidByMethod(tx: Queryable, orderId: string) {
  const rows = await tx
    .select({ method: payments.method, total: sum(payments.amountPence) })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(invoices.orderId, orderId), gt(payments.amountPence, 0)))
    .groupBy(payments.method);
  const of = (method: "stripe" | "bank") => Number(rows.find((r) => r.method === method)?.total ?? 0);
  return { stripePaidPence: of("stripe"), bankPaidPence: of("bank") };
}

/** What the school paid for the order through Stripe Checkout, and what of it was refunded, read in the transaction. */
async function stripePaidAndRefunded(tx: Queryable, orderId: string) {
  const [row] = await tx
    .select({ paid: sum(stripeCheckouts.amountPence), refunded: sum(stripeCheckouts.refundedPence) })
    .from(stripeCheckouts)
    .innerJoin(invoices, eq(invoices.id, stripeCheckouts.invoiceId))
    .where(and(eq(invoices.orderId, orderId), eq(stripeCheckouts.status, "paid")));
  return { paidPence: Number(row?.paid ?? 0), refundedPence: Number(row?.refunded ?? 0) };
}

/**
 * Queue the transfer of the provider's share of a paid order to its connected account, in the
 * caller's transaction (the school's confirmation of delivery, or a Stripe payment that arrives
 * after it). Only when the school paid the order through Stripe and has confirmed its delivery;
 * the caller calls it only where Stripe is configured. Idempotent per order and milestone. The
 * authority's and the pot's shares stay on the platform. A provider without an account able to
 * take payouts has its transfer held until Stripe says the account is enabled.
 */
export async function payProviderForOrder(
  tx: Queryable,
  { authorityId, orderId, actorUserId, milestone = "delivery", amountPence, milestoneId, now = new Date() }: PayProviderOptions,
): Promise<PayProviderResult> {
  if (!isUuid(orderId)) return { queued: false, reason: "not_found" };
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.authorityId, authorityId)))
    .for("update");
  if (!order) return { queued: false, reason: "not_found" };
  const [answer] = await tx.select({ outcome: deliveryConfirmations.outcome }).from(deliveryConfirmations).where(eq(deliveryConfirmations.orderId, order.id));
  const [part] = milestoneId
    ? await tx
        .select({ confirmedAt: orderMilestones.confirmedAt })
        .from(orderMilestones)
        .where(and(eq(orderMilestones.id, milestoneId), eq(orderMilestones.orderId, order.id)))
    : [];
  // A confirmed milestone confirms its part, unless the school has disputed the delivery.
  const confirmation = answer?.outcome ?? (part?.confirmedAt ? "confirmed" : null);
  const refusal = whyNoPayout({
    paid: Boolean(order.paidAt) && order.status !== "cancelled",
    confirmation,
    ...(await paidByMethod(tx, order.id)),
  });
  if (refusal) return { queued: false, reason: refusal };
  const [existing] = await tx
    .select()
    .from(stripeTransfers)
    .where(and(eq(stripeTransfers.orderId, order.id), eq(stripeTransfers.milestone, milestone)));
  if (existing) return { queued: false, reason: "already_queued", transferId: existing.id };
  // The share less what refunds took back, less what has gone already (net of reversals): a
  // partial refund before confirmation pays the provider its proportion of what the school kept.
  const refunds = await stripePaidAndRefunded(tx, order.id);
  const [sent] = await tx
    .select({ total: sum(sql<number>`${stripeTransfers.amountPence} - ${stripeTransfers.reversedPence}`) })
    .from(stripeTransfers)
    .where(eq(stripeTransfers.orderId, order.id));
  const left = providerShareAfterRefunds({ sharePence: order.providerSharePence ?? 0, ...refunds }) - Number(sent?.total ?? 0);
  const amount = Math.min(left, amountPence === undefined ? left : providerShareAfterRefunds({ sharePence: amountPence, ...refunds }));
  if (amount <= 0) return { queued: false, reason: "nothing_to_pay" };
  const [account] = await tx.select().from(stripeAccounts).where(eq(stripeAccounts.providerId, order.providerId));
  const status = account?.status === "enabled" ? "queued" : "held";
  const [transfer] = await tx
    .insert(stripeTransfers)
    .values({
      authorityId,
      orderId: order.id,
      providerId: order.providerId,
      milestone,
      amountPence: amount,
      refundedBasisPence: refunds.refundedPence,
      status,
      requestedBy: actorUserId,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!transfer) return { queued: false, reason: "already_queued" };
  if (status === "queued") await queueJob(tx, { topic: TRANSFER_JOB, payload: { transferId: transfer.id }, authorityId });
  await audit(tx, {
    authorityId,
    actorUserId,
    action: `payouts.transfer.${status}`,
    entityType: "order",
    entityId: order.id,
    organisationId: order.providerId,
    after: transfer,
  });
  return status === "queued" ? { queued: true, transferId: transfer.id } : { queued: false, reason: "held", transferId: transfer.id };
}

/** An account just enabled: its held transfers go. */
export async function releaseHeldTransfers(tx: Queryable, { authorityId, providerId }: { authorityId: string; providerId: string }) {
  const released = await tx
    .update(stripeTransfers)
    .set({ status: "queued" })
    .where(and(eq(stripeTransfers.providerId, providerId), eq(stripeTransfers.authorityId, authorityId), eq(stripeTransfers.status, "held")))
    .returning({ id: stripeTransfers.id });
  for (const r of released) await queueJob(tx, { topic: TRANSFER_JOB, payload: { transferId: r.id }, authorityId });
  return released.length;
}

/** The outbox sends a queued transfer, under its row's id as idempotency key. */
export async function sendTransfer(db: Database, stripe: StripeClient, { transferId }: { transferId: string }) {
  const [row] = await db
    .select({ transfer: stripeTransfers, destination: stripeAccounts.accountId })
    .from(stripeTransfers)
    .innerJoin(stripeAccounts, eq(stripeAccounts.providerId, stripeTransfers.providerId))
    .where(eq(stripeTransfers.id, transferId));
  if (!row || row.transfer.status !== "queued" || !row.destination) return;
  const { transfer } = row;
  const created = await stripe.transfers.create(
    {
      amount: transfer.amountPence,
      currency: "gbp",
      destination: row.destination,
      transfer_group: `order:${transfer.orderId}`,
      description: `Order ${transfer.orderId} (${transfer.milestone})`,
      metadata: { transfer_id: transfer.id, order_id: transfer.orderId, authority_id: transfer.authorityId, milestone: transfer.milestone },
    },
    { idempotencyKey: `transfer:${transfer.id}` },
  );
  await db.transaction((tx) => applyTransfer(tx, created));
}

/**
 * Bring our transfer up to Stripe's (from the job's answer or a transfer.* event, read back):
 * sent once, with one ledger entry from the provider's payable to the Stripe clearing account,
 * and one reversing entry per reversal.
 */
export async function applyTransfer(tx: Queryable, transfer: Stripe.Transfer) {
  const rowId = transfer.metadata?.transfer_id;
  if (!rowId || !isUuid(rowId)) return "ignored: not one of ours";
  const [row] = await tx.select().from(stripeTransfers).where(eq(stripeTransfers.id, rowId)).for("update");
  if (!row) return "ignored: unknown transfer";
  const payable = await ensureAccount(tx, { authorityId: row.authorityId, kind: "provider_payable", ownerId: row.providerId });
  const clearing = await ensureAuthorityAccount(tx, { authorityId: row.authorityId, kind: "payment_clearing_stripe" });
  await lockAccounts(tx, [payable.id, clearing.id]);
  // The transfer's entries are Stripe's doing, not a person's.
  const postForTransfer = (entry: Pick<PostEntryOptions, "idempotencyKey" | "description" | "postings">) =>
    postEntry(tx, { ...entry, authorityId: row.authorityId, cause: { type: "stripe_transfer", id: row.id }, actorUserId: null });
  const outcomes: string[] = [];
  if (!row.transferId) {
    await tx
      .update(stripeTransfers)
      .set({ transferId: transfer.id, status: "sent", sentAt: new Date((transfer.created ?? Date.now() / 1000) * 1000) })
      .where(eq(stripeTransfers.id, row.id));
    await postForTransfer({
      idempotencyKey: `stripe-transfer:${row.id}`,
      description: message("ledgerText.paidThroughStripe", { reference: transfer.id }),
      postings: debitCredit(payable.id, clearing.id, row.amountPence),
    });
    outcomes.push("transfer sent");
  }
  for (const reversal of transfer.reversals?.data ?? []) {
    const { created } = await postForTransfer({
      idempotencyKey: `stripe-reversal:${reversal.id}`,
      description: message("ledgerText.transferReversed", { reference: reversal.id }),
      postings: debitCredit(clearing.id, payable.id, reversal.amount),
    });
    if (created) outcomes.push(`reversed ${reversal.amount}`);
  }
  const reversedPence = transfer.amount_reversed ?? 0;
  if (reversedPence !== row.reversedPence) {
    await tx
      .update(stripeTransfers)
      .set({ reversedPence, status: reversedPence >= row.amountPence ? "reversed" : "sent" })
      .where(eq(stripeTransfers.id, row.id));
  }
  if (outcomes.length > 0)
    await audit(tx, {
      authorityId: row.authorityId,
      actorUserId: null,
      action: "payouts.transfer.sync",
      entityType: "order",
      entityId: row.orderId,
      organisationId: row.providerId,
      after: { transferId: transfer.id, reversedPence },
    });
  return outcomes.join(", ") || "unchanged";
}

/**
 * After a refund of what a school paid for an order, take back the same share of the provider's
 * transfers (queued through the outbox; keyed by the amount, so a replay queues nothing more).
 */
export async function reverseTransfersAfterRefund(tx: Queryable, { authorityId, orderId }: { authorityId: string; orderId: string }) {
  // Over every Stripe payment of the order (an invoice may be paid in parts), as the transfers' amounts were set.
  const { refundedPence, paidPence } = await stripePaidAndRefunded(tx, orderId);
  const transfers = await tx
    .select()
    .from(stripeTransfers)
    .where(and(eq(stripeTransfers.orderId, orderId), eq(stripeTransfers.authorityId, authorityId)))
    .for("update");
  for (const transfer of transfers) {
    // A transfer set after earlier refunds is already the share of what was left then: only the refunds since count.
    const since = { refundedPence: refundedPence - transfer.refundedBasisPence, paidPence: paidPence - transfer.refundedBasisPence };
    if (transfer.status === "held") {
      // Not sent: send less, or nothing (the row stays, so the order is not paid out again).
      const keep = transfer.amountPence - transferReversalFor({ transferPence: transfer.amountPence, reversedPence: 0, ...since });
      await tx
        .update(stripeTransfers)
        .set(keep <= 0 ? { status: "reversed", reversedPence: transfer.amountPence } : { amountPence: keep, refundedBasisPence: refundedPence })
        .where(eq(stripeTransfers.id, transfer.id));
      continue;
    }
    const amount = transferReversalFor({ transferPence: transfer.amountPence, reversedPence: transfer.reversedPence, ...since });
    if (amount > 0)
      await queueJob(tx, {
        topic: REVERSAL_JOB,
        payload: { transferId: transfer.id, amountPence: amount, key: `reversal:${transfer.id}:${transfer.reversedPence + amount}` },
        authorityId,
      });
  }
}

/** The outbox takes back part of a sent transfer. */
export async function sendReversal(
  db: Database,
  stripe: StripeClient,
  { transferId, amountPence, key }: { transferId: string; amountPence: number; key: string },
) {
  const [row] = await db.select().from(stripeTransfers).where(eq(stripeTransfers.id, transferId));
  if (!row) return;
  // A transfer still being sent is reversed once it is: the outbox tries again later.
  if (!row.transferId) throw new Error("The transfer has not been sent yet");
  await stripe.transfers.createReversal(row.transferId, { amount: amountPence, metadata: { transfer_id: row.id } }, { idempotencyKey: key });
  const transfer = await stripe.transfers.retrieve(row.transferId, { expand: ["reversals"] });
  await db.transaction((tx) => applyTransfer(tx, transfer));
}
