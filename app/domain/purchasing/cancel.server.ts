// Undoing the money of cancelled orders: every entry they caused is reversed, invoices credited.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { reverseEntry } from "~/domain/ledger/reverse-entry.server";
import { lockAccounts } from "./accounts.server";
import { reserveDocumentNumbers } from "./charge.server";
import { message } from "~/domain/ledger/described";
import { idsOf } from "~/domain/ids";

const { journalEntries, invoices, creditNotes, recharges, orders } = schema;

// The pot is refunded before the share-back it received is taken back, so a pot that has spent
// its share-back is not pushed below zero by the order of the reversals alone.
const RANK: Record<string, number> = { pot: 0, split: 1, recharge: 2, charge: 3 };

export async function cancelOrdersMoney(
  tx: Queryable,
  {
    authorityId,
    actorUserId,
    orderIds,
    collectivePurchaseId,
    reason,
    now,
  }: { authorityId: string; actorUserId: string; orderIds: string[]; collectivePurchaseId: string | null; reason: string; now: Date },
) {
  if (orderIds.length === 0) return;
  const reversal = schema.journalEntries;
  const entries = await tx
    .select({ id: journalEntries.id, key: journalEntries.idempotencyKey })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.authorityId, authorityId),
        isNull(journalEntries.reversesEntryId),
        or(
          and(eq(journalEntries.causeType, "order"), inArray(journalEntries.causeId, orderIds)),
          collectivePurchaseId ? and(eq(journalEntries.causeType, "collective_purchase"), eq(journalEntries.causeId, collectivePurchaseId)) : sql`false`,
        ),
        sql`not exists (select 1 from ${reversal} r where r.reverses_entry_id = ${journalEntries.id})`,
      ),
    );
  if (entries.length > 0) {
    const touched = await tx
      .selectDistinct({ accountId: schema.ledgerPostings.accountId })
      .from(schema.ledgerPostings)
      .where(inArray(schema.ledgerPostings.entryId, idsOf(entries)));
    await lockAccounts(
      tx,
      touched.map((a) => a.accountId),
    );
  }
  entries.sort((a, b) => (RANK[a.key.split(":").pop()!] ?? 9) - (RANK[b.key.split(":").pop()!] ?? 9) || a.key.localeCompare(b.key));
  for (const entry of entries) {
    await reverseEntry(tx, {
      entryId: entry.id,
      authorityId,
      idempotencyKey: `${entry.key}:reversal`,
      description: message("ledgerText.cancelled", { reason }),
      actorUserId,
    });
  }

  const credited = await tx
    .select({ id: invoices.id, netPence: invoices.netPence, vatPence: invoices.vatPence, grossPence: invoices.grossPence })
    .from(invoices)
    .where(and(inArray(invoices.orderId, orderIds), inArray(invoices.status, ["issued", "paid"])));
  if (credited.length > 0) {
    const numbers = await reserveDocumentNumbers(tx, authorityId, "credit_note", credited.length, now.getUTCFullYear());
    await tx.insert(creditNotes).values(
      credited.map((invoice, i) => ({
        authorityId,
        number: numbers[i],
        invoiceId: invoice.id,
        netPence: invoice.netPence,
        vatPence: invoice.vatPence,
        grossPence: invoice.grossPence,
        reason,
        createdBy: actorUserId,
        createdAt: now,
      })),
    );
    await tx
      .update(invoices)
      .set({ status: "credited", creditedAt: now })
      .where(inArray(invoices.id, idsOf(credited)));
  }
  await tx
    .update(recharges)
    .set({ status: "reversed", reversedAt: now })
    .where(and(inArray(recharges.orderId, orderIds), eq(recharges.status, "posted")));
  await tx.update(orders).set({ status: "cancelled", cancelledAt: now, cancelledBy: actorUserId }).where(inArray(orders.id, orderIds));
}
