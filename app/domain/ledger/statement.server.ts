import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { schema, type AccountKind, type Queryable } from "~/db.server";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { formatShortDate } from "~/format";
import { t } from "~/i18n";
import { displayBalance } from "./accounts";

export type StatementOptions = {
  authorityId: string;
  accountId: string;
  /** Movements from this instant (inclusive). */
  from?: Date;
  /** Movements before this instant (exclusive): pass the start of the day after the last day wanted. */
  to?: Date;
};

export type StatementLine = {
  entryId: string;
  date: Date;
  description: string;
  causeType: string;
  causeId: string;
  amountPence: number;
  runningPence: number;
};

export type Statement = {
  account: { id: string; authorityId: string; kind: AccountKind; name: string; ownerId: string; ownerName: string; guarded: boolean };
  from: Date | null;
  to: Date | null;
  openingPence: number;
  lines: StatementLine[];
  closingPence: number;
};

const { journalEntries, ledgerAccounts, ledgerPostings, organisations } = schema;

/** An account as lists and statements show it: with its owner's name. Join organisations on the owner. */
export const accountColumns = {
  id: ledgerAccounts.id,
  authorityId: ledgerAccounts.authorityId,
  kind: ledgerAccounts.kind,
  name: ledgerAccounts.name,
  ownerId: ledgerAccounts.ownerId,
  ownerName: organisations.name,
  guarded: ledgerAccounts.guarded,
};

/** An account of the authority with its owner's name, or null (also for an id that is not a uuid). */
export async function findAccount(db: Queryable, { authorityId, accountId }: { authorityId: string; accountId: string }): Promise<Statement["account"] | null> {
  if (!isUuid(accountId)) return null;
  const [account] = await db
    .select(accountColumns)
    .from(ledgerAccounts)
    .innerJoin(organisations, eq(organisations.id, ledgerAccounts.ownerId))
    .where(and(eq(ledgerAccounts.id, accountId), eq(ledgerAccounts.authorityId, authorityId)));
  return account ?? null;
}

/** An account's movements over a period with opening, running and closing balances, signed as people read the account. */
export async function accountStatement(db: Queryable, { authorityId, accountId, from, to }: StatementOptions): Promise<Statement> {
  const account = await findAccount(db, { authorityId, accountId });
  if (!account) throw notFound("Account");

  const sign = (pence: number) => displayBalance(account.kind, pence);
  const mine = and(eq(ledgerPostings.accountId, account.id), eq(ledgerPostings.authorityId, authorityId));

  let openingPence = 0;
  if (from) {
    const [row] = await db
      .select({ total: sql`coalesce(sum(${ledgerPostings.amountPence}), 0)`.mapWith(Number) })
      .from(ledgerPostings)
      .where(and(mine, lt(ledgerPostings.createdAt, from)));
    openingPence = sign(row.total);
  }

  const rows = await db
    .select({
      entryId: ledgerPostings.entryId,
      date: ledgerPostings.createdAt,
      description: journalEntries.description,
      causeType: journalEntries.causeType,
      causeId: journalEntries.causeId,
      amountPence: ledgerPostings.amountPence,
    })
    .from(ledgerPostings)
    .innerJoin(journalEntries, eq(journalEntries.id, ledgerPostings.entryId))
    .where(and(mine, from ? gte(ledgerPostings.createdAt, from) : undefined, to ? lt(ledgerPostings.createdAt, to) : undefined))
    .orderBy(asc(ledgerPostings.createdAt), asc(ledgerPostings.id));

  let running = openingPence;
  const lines = rows.map((row) => {
    const amountPence = sign(row.amountPence);
    running += amountPence;
    return { ...row, amountPence, runningPence: running };
  });
  return { account, from: from ?? null, to: to ?? null, openingPence, lines, closingPence: running };
}

/** Pounds with two decimals and no symbol or separators, as spreadsheets read numbers: -123456 -> "-1234.56". */
export function poundsForCsv(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * One CSV text cell (RFC 4180). Text that a spreadsheet would run as a formula is defused
 * with a leading apostrophe (OWASP's advice on CSV injection).
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Amounts we format ourselves stay numbers (a negative amount is not a formula). */
type Cell = string | { pence: number };

export function statementToCsv(statement: Statement): string {
  const rows: Cell[][] = [
    [t("statement.date"), t("statement.description"), t("statement.cause"), t("statement.reference"), t("statement.amountGbp"), t("statement.runningGbp")],
    [statement.from ? formatShortDate(statement.from) : "", t("statement.opening"), "", "", "", { pence: statement.openingPence }],
    ...statement.lines.map((line): Cell[] => [formatShortDate(line.date), line.description, line.causeType, line.causeId, { pence: line.amountPence }, { pence: line.runningPence }]),
    [statement.to ? formatShortDate(new Date(statement.to.getTime() - 1)) : "", t("statement.closing"), "", "", "", { pence: statement.closingPence }],
  ];
  const cell = (value: Cell) => (typeof value === "string" ? csvCell(value) : poundsForCsv(value.pence));
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
