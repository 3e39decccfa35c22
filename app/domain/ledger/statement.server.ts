import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { CsvRow } from "~/csv.server";
import { schema, type AccountKind, type Queryable } from "~/db.server";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { formatShortDate } from "~/format";
import { t } from "~/i18n";
import { displayBalance } from "./accounts";
import { causeKey, type CauseLabel } from "./statement-terms";
import { described } from "./described";

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
  if (!account) throw notFound(t("refusal.ledger.accountNotFound"));

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
      descriptionMessage: journalEntries.descriptionMessage,
      causeType: journalEntries.causeType,
      causeId: journalEntries.causeId,
      amountPence: ledgerPostings.amountPence,
    })
    .from(ledgerPostings)
    .innerJoin(journalEntries, eq(journalEntries.id, ledgerPostings.entryId))
    .where(and(mine, from ? gte(ledgerPostings.createdAt, from) : undefined, to ? lt(ledgerPostings.createdAt, to) : undefined))
    .orderBy(asc(ledgerPostings.createdAt), asc(ledgerPostings.id));

  let running = openingPence;
  const lines = rows.map(({ descriptionMessage, ...row }) => {
    const amountPence = sign(row.amountPence);
    running += amountPence;
    return { ...row, description: described({ description: row.description, descriptionMessage }), amountPence, runningPence: running };
  });
  return { account, from: from ?? null, to: to ?? null, openingPence, lines, closingPence: running };
}

/** The statement as CSV rows: the header, the opening balance, one row per movement, the closing balance. */
/** The statement as CSV rows: each line's cause in words (as on the page), its id as the reference. */
export function statementCsvRows(statement: Statement, causes: Record<string, CauseLabel> = {}): CsvRow[] {
  return [
    [t("statement.date"), t("statement.description"), t("statement.cause"), t("statement.reference"), t("statement.amountGbp"), t("statement.runningGbp")],
    [statement.from ? formatShortDate(statement.from) : "", t("statement.opening"), "", "", "", { pence: statement.openingPence }],
    ...statement.lines.map(
      (line): CsvRow => [
        formatShortDate(line.date),
        line.description,
        causes[causeKey(line.causeType, line.causeId)]?.label ?? line.causeType,
        line.causeId,
        { pence: line.amountPence },
        { pence: line.runningPence },
      ],
    ),
    [statement.to ? formatShortDate(new Date(statement.to.getTime() - 1)) : "", t("statement.closing"), "", "", "", { pence: statement.closingPence }],
  ];
}
