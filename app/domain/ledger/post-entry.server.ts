import { eq, sql } from "drizzle-orm";
import { creditKindsSql, preparedStatement, schema, sqlState, type Queryable } from "~/db.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { availablePence } from "./accounts";
import { toStore, type StoredMessage } from "./described";

export type Posting = { accountId: string; amountPence: number };

/** An amount debited to one account and credited to another: the two postings of a simple entry. */
export const debitCredit = (debitAccountId: string, creditAccountId: string, amountPence: number): Posting[] => [
  { accountId: debitAccountId, amountPence },
  { accountId: creditAccountId, amountPence: -amountPence },
];

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

const { journalEntries, ledgerAccounts } = schema;

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

/** Where the statement takes one of the values it is given at each call. */
const slot = (name: keyof PostValues) => sql.placeholder(name);

type PostValues = {
  authorityId: string;
  idempotencyKey: string;
  description: string;
  descriptionMessage: string | null;
  causeType: string;
  causeId: string;
  reversesEntryId: string | null;
  actorUserId: string | null;
  createdAt: string | null;
  /** The postings as two PostgreSQL array literals: the accounts' ids and their amounts, in the same order. */
  accountIds: string;
  amounts: string;
  action: string;
  after: string;
};

/**
 * One statement does the work (docs/decisions/0005-ledger.md), compiled once and prepared once per connection:
 * 1. claim the idempotency key: a concurrent duplicate waits here for the first to commit, then
 *    finds it, and a replay takes no account locks;
 * 2. lock the touched accounts in id order, so entries sharing accounts queue instead of
 *    deadlocking (FOR NO KEY UPDATE does not block the foreign-key checks of rows that merely
 *    point at an account: only balance writers queue);
 * 3. move their balances, except a guarded account's that would be overdrawn: the UPDATE judges
 *    the newest version of each row (the one just locked), which a sub-select in the same
 *    statement, reading the statement's snapshot, may not see;
 * 4. if none was refused, insert the postings (the composite foreign key refuses an unknown
 *    account or one of another authority) and the audit row. If one was, nothing is posted and
 *    the entry alone could not commit.
 */
const postStatement = preparedStatement<{ entryId: string | null; overdrawnId: string | null }, PostValues>(
  "ledger_post_entry",
  sql`
    with entry as (
      insert into journal_entries
        (authority_id, idempotency_key, description, description_message, cause_type, cause_id, reverses_entry_id, created_by, created_at)
      values (${slot("authorityId")}::uuid, ${slot("idempotencyKey")}, ${slot("description")}, ${slot("descriptionMessage")}::jsonb, ${slot("causeType")}, ${slot("causeId")},
        ${slot("reversesEntryId")}::uuid, ${slot("actorUserId")}::uuid, coalesce(${slot("createdAt")}::timestamptz, now()))
      on conflict (idempotency_key) do nothing
      returning id
    ),
    lines as (
      select account_id, amount_pence from unnest(${slot("accountIds")}::uuid[], ${slot("amounts")}::bigint[]) as l(account_id, amount_pence)
    ),
    moves as (select account_id, sum(amount_pence) as delta from lines group by account_id),
    locked as materialized (
      select id from ledger_accounts
      where id in (select account_id from moves) and authority_id = ${slot("authorityId")}::uuid and exists (select from entry)
      order by id
      for no key update
    ),
    moved as (
      update ledger_accounts a set balance_pence = a.balance_pence + moves.delta
      from locked join moves on moves.account_id = locked.id
      where a.id = locked.id
        and not (a.guarded and case when a.kind in (${creditKindsSql}) then a.balance_pence + moves.delta > 0 else a.balance_pence + moves.delta < 0 end)
      returning a.id
    ),
    overdrawn as (select id from locked except select id from moved),
    posted as (
      insert into ledger_postings (entry_id, account_id, authority_id, amount_pence, created_at)
      select entry.id, lines.account_id, ${slot("authorityId")}::uuid, lines.amount_pence, coalesce(${slot("createdAt")}::timestamptz, now())
      from entry, lines
      where not exists (select from overdrawn)
    ),
    audited as (
      insert into audit_log (authority_id, actor_user_id, action, entity_type, entity_id, after)
      select ${slot("authorityId")}::uuid, ${slot("actorUserId")}::uuid, ${slot("action")}, 'journal_entry', entry.id, ${slot("after")}::jsonb
      from entry
      where not exists (select from overdrawn)
    )
    select (select id from entry) as "entryId", (select min(id::text) from overdrawn) as "overdrawnId"`,
);

/** A PostgreSQL array literal of values that need no quoting (uuids checked as such, whole numbers). */
const arrayLiteral = (values: (string | number)[]) => `{${values.join(",")}}`;

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

  // An entry concerns several organisations: its audit row names none (the log's organisation filter leaves it out).
  const after = { idempotencyKey, description, cause, reversesEntryId: reversesEntryId ?? null, postings };
  const values: PostValues = {
    authorityId,
    idempotencyKey,
    description,
    descriptionMessage: descriptionMessage == null ? null : JSON.stringify(descriptionMessage),
    causeType: cause.type,
    causeId: cause.id,
    reversesEntryId: reversesEntryId ?? null,
    actorUserId,
    createdAt: at ? at.toISOString() : null,
    accountIds: arrayLiteral(postings.map((p) => p.accountId)),
    amounts: arrayLiteral(postings.map((p) => p.amountPence)),
    action: reversesEntryId ? "ledger.entry.reverse" : "ledger.entry.post",
    after: JSON.stringify(after),
  };

  let row: { entryId: string | null; overdrawnId: string | null };
  try {
    [row] = await postStatement(tx, values);
  } catch (error) {
    if (sqlState(error) === "23503")
      throw new AppError(
        "NOT_FOUND",
        t("refusal.ledger.accountOfAnotherAuthority", { notFound: t("ledger.error.accountNotFound"), reason: t("ledger.error.crossAuthority").toLowerCase() }),
      );
    throw error;
  }
  if (row.overdrawnId) {
    // Still locked by this transaction, the account shows the balance that refused the entry.
    const [account] = await tx
      .select({ name: ledgerAccounts.name, kind: ledgerAccounts.kind, balancePence: ledgerAccounts.balancePence })
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.id, row.overdrawnId));
    throw new AppError(
      "INSUFFICIENT_FUNDS",
      t("ledger.error.insufficientFunds", { account: account.name, available: formatPence(availablePence(account.kind, account.balancePence)) }),
    );
  }
  if (row.entryId) return { entryId: row.entryId, created: true };

  const [existing] = await tx
    .select({ id: journalEntries.id, authorityId: journalEntries.authorityId })
    .from(journalEntries)
    .where(eq(journalEntries.idempotencyKey, idempotencyKey));
  if (existing.authorityId !== authorityId) throw new AppError("CONFLICT", t("ledger.error.keyReused"));
  return { entryId: existing.id, created: false };
}
