import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { availablePence, displayBalance } from "./accounts";
import { toStore, type StoredMessage } from "./described";

export type Posting = { accountId: string; amountPence: number };

export type PostEntryOptions = {
  authorityId: string;
  /** Derived from the cause, so that replaying the cause finds the entry already posted. */
  idempotencyKey: string;
  /** A catalogue message (shown in the reader's language), or plain text such as a name. */
  description: StoredMessage | string;
  cause: { type: string; id: string };
  actorUserId: string | null;
  postings: Posting[];
  /** Set by reverseEntry only. */
  reversesEntryId?: string;
  /** When the entry happened, if not now: the moment a dated event (a formula applied for its day, a past sale in the demo) took place. */
  at?: Date;
};

const { journalEntries, ledgerAccounts, ledgerPostings } = schema;

/** The SQLSTATE of a database error, through drizzle's wrapping. */
export const sqlState = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
};

/** Refuse postings that cannot balance, before touching the database (which checks again at commit). */
export function assertBalanced(postings: Posting[]) {
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountPence) || p.amountPence === 0) {
      throw new AppError("UNBALANCED", t("refusal.ledger.notWholePence", { unbalanced: t("ledger.error.unbalanced"), amount: String(p.amountPence) }));
    }
  }
  const total = postings.reduce((sum, p) => sum + p.amountPence, 0);
  if (postings.length < 2 || total !== 0)
    throw new AppError("UNBALANCED", t("refusal.ledger.doesNotBalance", { unbalanced: t("ledger.error.unbalanced"), total }));
}

/**
 * Post one balanced journal entry inside the caller's transaction, moving the accounts'
 * stored balances with it. Idempotent by key: a replay posts nothing and returns the entry
 * already there. When this throws, the caller's transaction must roll back (the entry row
 * alone could not commit anyway: the database refuses an entry without balanced postings).
 */
export async function postEntry(tx: Queryable, options: PostEntryOptions): Promise<{ entryId: string; created: boolean }> {
  const { authorityId, idempotencyKey, cause, actorUserId, postings, reversesEntryId, at } = options;
  const { description, descriptionMessage } = toStore(options.description);
  assertBalanced(postings);
  if (!postings.every((p) => isUuid(p.accountId))) throw new AppError("NOT_FOUND", t("ledger.error.accountNotFound"));

  // The unique key is claimed first: a concurrent duplicate waits here for the first to commit,
  // then finds it, and replays never take the account locks.
  const [inserted] = await tx
    .insert(journalEntries)
    .values({
      authorityId,
      idempotencyKey,
      description,
      descriptionMessage,
      causeType: cause.type,
      causeId: cause.id,
      reversesEntryId: reversesEntryId ?? null,
      createdBy: actorUserId,
      ...(at ? { createdAt: at } : {}),
    })
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

  // Postings and audit row go in before the accounts are locked, so the locks are held only
  // for the balance update and the commit. The composite foreign key refuses an unknown account
  // or one of another authority here.
  try {
    await tx
      .insert(ledgerPostings)
      .values(postings.map((p) => ({ entryId, accountId: p.accountId, authorityId, amountPence: p.amountPence, ...(at ? { createdAt: at } : {}) })));
  } catch (error) {
    if (sqlState(error) === "23503")
      throw new AppError(
        "NOT_FOUND",
        t("refusal.ledger.accountOfAnotherAuthority", { notFound: t("ledger.error.accountNotFound"), reason: t("ledger.error.crossAuthority").toLowerCase() }),
      );
    throw error;
  }
  await audit(tx, {
    authorityId,
    actorUserId,
    action: reversesEntryId ? "ledger.entry.reverse" : "ledger.entry.post",
    entityType: "journal_entry",
    entityId: entryId,
    after: { idempotencyKey, description, cause, reversesEntryId: reversesEntryId ?? null, postings },
  });

  const deltas = new Map<string, number>();
  for (const p of postings) deltas.set(p.accountId, (deltas.get(p.accountId) ?? 0) + p.amountPence);
  const accountIds = [...deltas.keys()].sort();

  // Locked in id order, so two entries touching the same accounts queue instead of deadlocking.
  // FOR NO KEY UPDATE is SELECT ... FOR UPDATE without blocking the foreign-key checks of rows
  // that merely point at an account (postings, orders): only balance writers queue.
  const accounts = await tx
    .select({
      id: ledgerAccounts.id,
      kind: ledgerAccounts.kind,
      name: ledgerAccounts.name,
      balancePence: ledgerAccounts.balancePence,
      guarded: ledgerAccounts.guarded,
    })
    .from(ledgerAccounts)
    .where(and(inArray(ledgerAccounts.id, accountIds), eq(ledgerAccounts.authorityId, authorityId)))
    .orderBy(asc(ledgerAccounts.id))
    .for("no key update");
  for (const account of accounts) {
    const after = account.balancePence + deltas.get(account.id)!;
    if (account.guarded && displayBalance(account.kind, after) < 0) {
      throw new AppError(
        "INSUFFICIENT_FUNDS",
        t("ledger.error.insufficientFunds", { account: account.name, available: formatPence(availablePence(account.kind, account.balancePence)) }),
      );
    }
  }

  const change = sql.join(
    accountIds.map((id) => sql`when ${id}::uuid then ${deltas.get(id)}::bigint`),
    sql` `,
  );
  await tx
    .update(ledgerAccounts)
    .set({ balancePence: sql`${ledgerAccounts.balancePence} + (case ${ledgerAccounts.id} ${change} end)` })
    .where(inArray(ledgerAccounts.id, accountIds));
  return { entryId, created: true };
}
