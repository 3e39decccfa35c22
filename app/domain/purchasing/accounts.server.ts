// The ledger accounts a sale moves through (see docs/decisions/0006-money-path.md).
import { and, asc, eq, inArray } from "drizzle-orm";
import { schema, type AccountKind, type Queryable } from "~/db.server";
import { authorityOfficeId, ensureAccount, openAccounts } from "~/domain/ledger/accounts.server";

export type OfficeAccounts = { salesPending: string; vatOutput: string; bank: string; recharge: string; tradedIncome: string };

export async function officeAccounts(tx: Queryable, authorityId: string): Promise<OfficeAccounts> {
  const ownerId = await authorityOfficeId(tx, authorityId);
  const open = (kind: AccountKind, name?: string) => ensureAccount(tx, { authorityId, kind, ownerId, name }).then((a) => a.id);
  return {
    salesPending: await open("sales_pending"),
    vatOutput: await open("vat_output"),
    bank: await open("payment_clearing_bank"),
    recharge: await open("recharge_clearing"),
    tradedIncome: await open("authority_traded_income"),
  };
}

/**
 * The school receivables of many schools at once (a collective close charges hundreds): the
 * same accounts `ensureAccount` opens, in three statements instead of three per school.
 */
export async function ensureSchoolReceivables(tx: Queryable, authorityId: string, schoolIds: string[]): Promise<Map<string, string>> {
  const { ledgerAccounts, organisations, auditLog } = schema;
  const find = () =>
    tx
      .select({ id: ledgerAccounts.id, ownerId: ledgerAccounts.ownerId })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.authorityId, authorityId), eq(ledgerAccounts.kind, "school_receivable"), inArray(ledgerAccounts.ownerId, schoolIds)));
  const ids = new Map((await find()).map((a) => [a.ownerId, a.id]));
  const missing = schoolIds.filter((id) => !ids.has(id));
  if (missing.length > 0) {
    const opened = await openAccounts(tx, { authorityId, kind: "school_receivable" }, inArray(organisations.id, missing));
    if (opened.length > 0) {
      await tx.insert(auditLog).values(
        opened.map((a) => ({
          authorityId,
          actorUserId: null,
          action: "ledger.account.open",
          entityType: "ledger_account",
          entityId: a.id,
          after: { kind: "school_receivable", ownerId: a.ownerId, name: a.name },
        })),
      );
    }
    for (const a of await find()) ids.set(a.ownerId, a.id);
  }
  return ids;
}

export const potAccount = (tx: Queryable, authorityId: string, consortiumId: string) =>
  ensureAccount(tx, { authorityId, kind: "consortium_pot", ownerId: consortiumId }).then((a) => a.id);

/**
 * Lock, in one statement and in id order, every account a transaction is about to post to.
 * `postEntry` locks each entry's accounts in id order, but a purchase posts several entries
 * (the pot, the charges, the split) over overlapping accounts: taking them all first, in the
 * same global order, keeps two purchases from ever waiting on each other in a circle.
 * Returns the balances as locked.
 */
export async function lockAccounts(tx: Queryable, accountIds: string[]) {
  const ids = [...new Set(accountIds)].sort();
  if (ids.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ id: schema.ledgerAccounts.id, balancePence: schema.ledgerAccounts.balancePence })
    .from(schema.ledgerAccounts)
    .where(inArray(schema.ledgerAccounts.id, ids))
    .orderBy(asc(schema.ledgerAccounts.id))
    .for("no key update");
  return new Map(rows.map((r) => [r.id, r.balancePence]));
}

/** What a (credit-normal) pot can still pay out, from its stored balance. */
export const potAvailable = (balancePence: number | undefined) => Math.max(0, -(balancePence ?? 0));
