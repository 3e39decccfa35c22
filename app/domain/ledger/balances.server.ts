import { and, eq, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";

const { ledgerAccounts, ledgerPostings } = schema;

const sumOfPostings = sql`coalesce(sum(${ledgerPostings.amountPence}), 0)`.mapWith(Number);

/** An account's balance from its postings (debit positive), not from the stored running balance. */
export async function accountBalance(db: Queryable, accountId: string): Promise<number> {
  const [row] = await db.select({ total: sumOfPostings }).from(ledgerPostings).where(eq(ledgerPostings.accountId, accountId));
  return row.total;
}

/** The sum of every posting of an authority: zero whenever the ledger is sound. */
export async function trialBalance(db: Queryable, authorityId: string): Promise<number> {
  const [row] = await db.select({ total: sumOfPostings }).from(ledgerPostings).where(eq(ledgerPostings.authorityId, authorityId));
  return row.total;
}

export type BalanceMismatch = { accountId: string; storedPence: number; postedPence: number };

/** Accounts whose stored running balance differs from the sum of their postings (none, when sound). */
export async function checkLedger(db: Queryable, authorityId?: string): Promise<BalanceMismatch[]> {
  return db
    .select({ accountId: ledgerAccounts.id, storedPence: ledgerAccounts.balancePence, postedPence: sumOfPostings })
    .from(ledgerAccounts)
    .leftJoin(ledgerPostings, and(eq(ledgerPostings.accountId, ledgerAccounts.id), eq(ledgerPostings.authorityId, ledgerAccounts.authorityId)))
    .where(authorityId ? eq(ledgerAccounts.authorityId, authorityId) : undefined)
    .groupBy(ledgerAccounts.id)
    .having(sql`${ledgerAccounts.balancePence} <> ${sumOfPostings}`);
}
