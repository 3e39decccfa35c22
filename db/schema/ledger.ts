import { sql } from "drizzle-orm";
import { bigserial, boolean, check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, pence, type StoredMessage, refersTo } from "./columns";
import { users } from "./identity";
import { authorityIdColumn, type OrganisationKind, organisations, PROVIDER_KINDS } from "./tenancy";

/*
 * Sign convention: an account's balance is the sum of its postings, debit positive and credit
 * negative. Credit-normal accounts (a consortium pot, a provider payable, traded income, the
 * authority's funding source, VAT output) therefore carry negative balances in storage and are
 * shown positive by `displayBalance`. A guarded pot may never hold more debits than credits:
 * its available amount, -balance, is never below zero (checked in code and by the database).
 */
export const ACCOUNT_KINDS = [
  "school_receivable",
  "consortium_pot",
  "provider_payable",
  "authority_traded_income",
  "authority_funding",
  "payment_clearing_bank",
  "payment_clearing_stripe",
  "recharge_clearing",
  "vat_output",
  /** Invoiced sales waiting to be paid and split. */
  "sales_pending",
  /** What Stripe keeps of each payment (its processing and dispute fees): an expense of the authority. */
  "stripe_fees",
  /** Card payments a school's bank has taken back while the dispute is open: money owed to the authority until it is decided. */
  "stripe_disputes",
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const CREDIT_NORMAL_KINDS: readonly AccountKind[] = [
  "consortium_pot",
  "provider_payable",
  "authority_traded_income",
  "authority_funding",
  "vat_output",
  "sales_pending",
];

/** Which organisation owns each kind of account. */
export const ACCOUNT_OWNER_KIND: Record<AccountKind, OrganisationKind> = {
  school_receivable: "school",
  consortium_pot: "consortium",
  provider_payable: "provider",
  authority_traded_income: "authority_office",
  authority_funding: "authority_office",
  payment_clearing_bank: "authority_office",
  payment_clearing_stripe: "authority_office",
  recharge_clearing: "authority_office",
  vat_output: "authority_office",
  sales_pending: "authority_office",
  stripe_fees: "authority_office",
  stripe_disputes: "authority_office",
};

/** Accounts that may never go below zero in their normal direction. */
export const GUARDED_KINDS: readonly AccountKind[] = ["consortium_pot"];

/** The credit-normal kinds as an SQL list, for `kind in (...)`. */
export const creditKindsSql = sql.raw(CREDIT_NORMAL_KINDS.map((k) => `'${k}'`).join(", "));

export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    kind: text("kind", { enum: ACCOUNT_KINDS }).notNull(),
    ownerId: refersTo("owner_id", () => organisations.id),
    name: text("name").notNull(),
    /** The running sum of this account's postings, kept in the same transaction as each posting. */
    balancePence: pence("balance_pence").notNull().default(0),
    guarded: boolean("guarded").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique("ledger_accounts_owner_key").on(t.authorityId, t.kind, t.ownerId),
    // The target of the postings' composite foreign key: a posting can only hit an account of its own authority.
    unique("ledger_accounts_id_authority_key").on(t.id, t.authorityId),
    check(
      "ledger_accounts_guarded_check",
      sql`not ${t.guarded} or (case when ${t.kind} in (${creditKindsSql}) then ${t.balancePence} <= 0 else ${t.balancePence} >= 0 end)`,
    ),
  ],
);

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    /** Derived from the cause (for example `order:<id>:invoice`): a replay finds the entry already there. */
    idempotencyKey: text("idempotency_key").notNull(),
    description: text("description").notNull(),
    /** The description as a catalogue message, said in the reader's language; null on entries posted before it was kept (their text is shown). */
    descriptionMessage: jsonb("description_message").$type<StoredMessage>(),
    causeType: text("cause_type").notNull(),
    causeId: text("cause_id").notNull(),
    reversesEntryId: uuid("reverses_entry_id"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("journal_entries_idempotency_key_idx").on(t.idempotencyKey),
    unique("journal_entries_id_authority_key").on(t.id, t.authorityId),
    // An entry is reversed at most once.
    uniqueIndex("journal_entries_reverses_idx").on(t.reversesEntryId).where(sql`reverses_entry_id is not null`),
    index("journal_entries_cause_idx").on(t.authorityId, t.causeType, t.causeId),
    foreignKey({ name: "journal_entries_reverses_fk", columns: [t.reversesEntryId, t.authorityId], foreignColumns: [t.id, t.authorityId] }),
  ],
);

export const ledgerPostings = pgTable(
  "ledger_postings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entryId: uuid("entry_id").notNull(),
    accountId: uuid("account_id").notNull(),
    authorityId: authorityIdColumn(),
    /** Signed: debit positive, credit negative; never zero. */
    amountPence: pence("amount_pence").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: "ledger_postings_entry_fk", columns: [t.entryId, t.authorityId], foreignColumns: [journalEntries.id, journalEntries.authorityId] }),
    foreignKey({ name: "ledger_postings_account_fk", columns: [t.accountId, t.authorityId], foreignColumns: [ledgerAccounts.id, ledgerAccounts.authorityId] }),
    index("ledger_postings_entry_idx").on(t.entryId),
    index("ledger_postings_account_idx").on(t.accountId, t.createdAt, t.id),
    check("ledger_postings_amount_check", sql`${t.amountPence} <> 0`),
  ],
);

/**
 * How a paid sale is shared out, in basis points: per provider kind, or the authority's default
 * (provider kind null). Without a row the platform defaults in `DEFAULT_SPLITS` apply.
 */
export const incomeSplitRules = pgTable(
  "income_split_rules",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    providerKind: text("provider_kind", { enum: PROVIDER_KINDS }),
    providerBps: integer("provider_bps").notNull(),
    authorityBps: integer("authority_bps").notNull(),
    potBps: integer("pot_bps").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("income_split_rules_kind_key").on(t.authorityId, t.providerKind).nullsNotDistinct(),
    check(
      "income_split_rules_bps_check",
      sql`${t.providerBps} >= 0 and ${t.authorityBps} >= 0 and ${t.potBps} >= 0 and ${t.providerBps} + ${t.authorityBps} + ${t.potBps} = 10000`,
    ),
  ],
);
