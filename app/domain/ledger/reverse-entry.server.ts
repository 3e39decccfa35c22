import { and, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { AppError, notFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";
import type { StoredMessage } from "./described";
import { postEntry } from "./post-entry.server";

export type ReverseEntryOptions = {
  entryId: string;
  authorityId: string;
  idempotencyKey: string;
  description: StoredMessage | string;
  actorUserId: string | null;
};

const { journalEntries, ledgerPostings } = schema;

/**
 * Undo an entry by posting its exact negation, which points back at it. Replaying with the same
 * key changes nothing; reversing an already reversed entry under another key is refused (the
 * database's unique index on reverses_entry_id stands behind this check).
 */
export async function reverseEntry(tx: Queryable, { entryId, authorityId, idempotencyKey, description, actorUserId }: ReverseEntryOptions) {
  if (!isUuid(entryId)) throw notFound(t("refusal.ledger.journalEntryNotFound"));
  const [original] = await tx
    .select({ id: journalEntries.id, causeType: journalEntries.causeType, causeId: journalEntries.causeId, reversesEntryId: journalEntries.reversesEntryId })
    .from(journalEntries)
    .where(and(eq(journalEntries.id, entryId), eq(journalEntries.authorityId, authorityId)));
  if (!original) throw notFound(t("refusal.ledger.journalEntryNotFound"));

  const [replay] = await tx
    .select({ id: journalEntries.id, reversesEntryId: journalEntries.reversesEntryId })
    .from(journalEntries)
    .where(eq(journalEntries.idempotencyKey, idempotencyKey));
  if (replay && replay.reversesEntryId === entryId) return { entryId: replay.id, created: false };

  if (original.reversesEntryId) throw new AppError("INVALID_STATE", t("ledger.error.reversal"));
  const [already] = await tx.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.reversesEntryId, entryId));
  if (already) throw new AppError("INVALID_STATE", t("ledger.error.alreadyReversed"));

  const postings = await tx
    .select({ accountId: ledgerPostings.accountId, amountPence: ledgerPostings.amountPence })
    .from(ledgerPostings)
    .where(eq(ledgerPostings.entryId, entryId))
    .orderBy(ledgerPostings.id);
  return postEntry(tx, {
    authorityId,
    idempotencyKey,
    description,
    cause: { type: original.causeType, id: original.causeId },
    actorUserId,
    postings: postings.map((p) => ({ accountId: p.accountId, amountPence: -p.amountPence })),
    reversesEntryId: entryId,
  });
}
