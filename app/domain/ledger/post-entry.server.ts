import { asc, eq, inArray, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { availablePence, displayBalance } from "./accounts";

export type Posting = { accountId: string; amountPence: number };

export type PostEntryOptions = {
  authorityId: string;
  /** Derived from the cause, so that replaying the cause finds the entry already posted. */
  idempotencyKey: string;
  description: string;
  cause: { type: string; id: string };
  actorUserId: string | null;
  postings: Posting[];
  /** Set by reverseEntry only. */
  reversesEntryId?: string;
};

const { journalEntries, ledgerAccounts, ledgerPostings } = schema;

/** Refuse postings that cannot balance, before touching the database (which checks again at commit). */
export function assertBalanced(postings: Posting[]) {
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountPence) || p.amountPence === 0) {
      throw new AppError("UNBALANCED", `${t("ledger.error.unbalanced")} (each amount must be a non-zero whole number of pence, not ${p.amountPence})`, 400);
    }
  }
  const total = postings.reduce((sum, p) => sum + p.amountPence, 0);
  if (postings.length < 2 || total !== 0) throw new AppError("UNBALANCED", `${t("ledger.error.unbalanced")} (they add up to ${total} pence)`, 400);
}

/**
 * Post one balanced journal entry inside the caller's transaction, moving the accounts'
 * stored balances with it. Idempotent by key: a replay posts nothing and returns the entry
 * already there. When this throws, the caller's transaction must roll back (the entry row
 * alone could not commit anyway: the database refuses an entry without balanced postings).
 */
export async function postEntry(tx: Queryable, options: PostEntryOptions): Promise<{ entryId: string; created: boolean }> {
  const { authorityId, idempotencyKey, description, cause, actorUserId, postings, reversesEntryId } = options;
  assertBalanced(postings);
  if (!postings.every((p) => isUuid(p.accountId))) throw new AppError("NOT_FOUND", t("ledger.error.accountNotFound"));

  // The unique key is claimed first: a concurrent duplicate waits here for the first to commit,
  // then finds it, and replays never take the account locks.
  const [inserted] = await tx
    .insert(journalEntries)
    .values({ authorityId, idempotencyKey, description, causeType: cause.type, causeId: cause.id, reversesEntryId: reversesEntryId ?? null, createdBy: actorUserId })
    .onConflictDoNothing({ target: journalEntries.idempotencyKey })
    .returning({ id: journalEntries.id });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: journalEntries.id, authorityId: journalEntries.authorityId })
      .from(journalEntries)
      .where(eq(journalEntries.idempotencyKey, idempotencyKey));
    if (existing.authorityId !== authorityId) throw new AppError("CONFLICT", t("ledger.error.keyReused"));
    return { entryId: existing.id, created: false };
  }
  const entryId = inserted.id;

  const deltas = new Map<string, number>();
  for (const p of postings) deltas.set(p.accountId, (deltas.get(p.accountId) ?? 0) + p.amountPence);
  const accountIds = [...deltas.keys()].sort();

  // Locked in id order, so two entries touching the same accounts queue instead of deadlocking.
  const accounts = await tx
    .select({ id: ledgerAccounts.id, authorityId: ledgerAccounts.authorityId, kind: ledgerAccounts.kind, name: ledgerAccounts.name, balancePence: ledgerAccounts.balancePence, guarded: ledgerAccounts.guarded })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.id, accountIds))
    .orderBy(asc(ledgerAccounts.id))
    .for("update");
  if (accounts.length !== accountIds.length) throw new AppError("NOT_FOUND", t("ledger.error.accountNotFound"));
  for (const account of accounts) {
    if (account.authorityId !== authorityId) throw new AppError("FORBIDDEN", t("ledger.error.crossAuthority"));
    const after = account.balancePence + deltas.get(account.id)!;
    if (account.guarded && displayBalance(account.kind, after) < 0) {
      throw new AppError(
        "INSUFFICIENT_FUNDS",
        t("ledger.error.insufficientFunds", { account: account.name, available: formatPence(availablePence(account.kind, account.balancePence)) }),
        409,
      );
    }
  }

  await tx.insert(ledgerPostings).values(postings.map((p) => ({ entryId, accountId: p.accountId, authorityId, amountPence: p.amountPence })));
  const change = sql.join(
    accountIds.map((id) => sql`when ${id}::uuid then ${deltas.get(id)}::bigint`),
    sql` `,
  );
  await tx
    .update(ledgerAccounts)
    .set({ balancePence: sql`${ledgerAccounts.balancePence} + (case ${ledgerAccounts.id} ${change} end)` })
    .where(inArray(ledgerAccounts.id, accountIds));

  await audit(tx, {
    authorityId,
    actorUserId,
    action: reversesEntryId ? "ledger.entry.reverse" : "ledger.entry.post",
    entityType: "journal_entry",
    entityId: entryId,
    after: { idempotencyKey, description, cause, reversesEntryId: reversesEntryId ?? null, postings },
  });
  return { entryId, created: true };
}
