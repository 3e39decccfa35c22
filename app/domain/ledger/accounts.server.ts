import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { ACCOUNT_OWNER_KIND, GUARDED_KINDS, schema, type AccountKind, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";

export type EnsureAccountOptions = { authorityId: string; kind: AccountKind; ownerId: string; name?: string };

const { ledgerAccounts, organisations } = schema;

async function findAccount(tx: Queryable, { authorityId, kind, ownerId }: EnsureAccountOptions) {
  const [row] = await tx
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.authorityId, authorityId), eq(ledgerAccounts.kind, kind), eq(ledgerAccounts.ownerId, ownerId)));
  return row;
}

/**
 * Open an account of this kind for each organisation of the authority that `owners` selects and
 * that is of the kind the account needs; an organisation that has one already is passed over.
 * Returns the accounts opened, for the caller to audit.
 */
export function openAccounts(tx: Queryable, { authorityId, kind, name }: { authorityId: string; kind: AccountKind; name?: string }, owners: SQL) {
  const label = t(`ledger.accountKind.${kind}`);
  return tx
    .insert(ledgerAccounts)
    .select(
      tx
        .select({
          id: sql<string>`gen_random_uuid()`.as("id"),
          authorityId: organisations.authorityId,
          kind: sql<AccountKind>`${kind}`.as("kind"),
          ownerId: organisations.id,
          name: sql<string>`coalesce(${name ?? null}::text, ${organisations.name} || ${`: ${label}`})`.as("name"),
          balancePence: sql<number>`0`.as("balance_pence"),
          guarded: sql<boolean>`${GUARDED_KINDS.includes(kind)}::boolean`.as("guarded"),
          createdAt: sql<Date>`now()`.as("created_at"),
        })
        .from(organisations)
        .where(and(owners, eq(organisations.authorityId, authorityId), eq(organisations.kind, ACCOUNT_OWNER_KIND[kind]))),
    )
    .onConflictDoNothing()
    .returning({ id: ledgerAccounts.id, ownerId: ledgerAccounts.ownerId, name: ledgerAccounts.name });
}

/**
 * The account of this kind for this organisation, opened on first use. The owner must be an
 * organisation of the authority and of the kind the account needs (a pot belongs to a consortium).
 */
export async function ensureAccount(tx: Queryable, options: EnsureAccountOptions): Promise<{ id: string }> {
  const { authorityId, kind, ownerId, name } = options;
  if (!isUuid(ownerId) || !isUuid(authorityId)) throw new AppError("NOT_FOUND", t("ledger.error.accountNotFound"));
  const existing = await findAccount(tx, options);
  if (existing) return existing;

  const inserted = await openAccounts(tx, { authorityId, kind, name }, eq(organisations.id, ownerId));
  if (inserted[0]) {
    await audit(tx, {
      authorityId,
      actorUserId: null,
      action: "ledger.account.open",
      entityType: "ledger_account",
      entityId: inserted[0].id,
      after: { kind, ownerId, name: inserted[0].name },
    });
    return { id: inserted[0].id };
  }
  // Opened by a concurrent transaction, or the owner is not an organisation of that kind in this authority.
  const raced = await findAccount(tx, options);
  if (!raced) throw new AppError("NOT_FOUND", t("ledger.error.accountNotFound"));
  return raced;
}

/** The authority's own office: the owner of its traded income, funding, clearing and VAT accounts. */
export async function authorityOfficeId(tx: Queryable, authorityId: string): Promise<string> {
  const [office] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.authorityId, authorityId), eq(organisations.kind, "authority_office")))
    .orderBy(organisations.createdAt, organisations.id)
    .limit(1);
  if (!office) throw new AppError("NOT_FOUND", t("refusal.ledger.noOfficeHoldAccounts"));
  return office.id;
}

/** One of the accounts the authority's office holds (traded income, funding, clearing, VAT). */
export async function ensureAuthorityAccount(tx: Queryable, { authorityId, kind }: { authorityId: string; kind: AccountKind }) {
  return ensureAccount(tx, { authorityId, kind, ownerId: await authorityOfficeId(tx, authorityId) });
}

/** The ledger account of each owner that has one of this kind, in the authority: owner id -> account id. */
export async function accountIdsOf(db: Queryable, authorityId: string, kind: AccountKind, ownerIds: string[]): Promise<Map<string, string>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.ledgerAccounts.id, ownerId: schema.ledgerAccounts.ownerId })
    .from(schema.ledgerAccounts)
    .where(and(eq(schema.ledgerAccounts.authorityId, authorityId), eq(schema.ledgerAccounts.kind, kind), inArray(schema.ledgerAccounts.ownerId, ownerIds)));
  return new Map(rows.map((r) => [r.ownerId, r.id]));
}

/** What a consortium's pot holds to spend, in pence (a pot's credit balance), or null when it has no pot yet. */
export async function potAvailable(db: Queryable, authorityId: string, consortiumId: string): Promise<{ accountId: string; availablePence: number } | null> {
  const [pot] = await db
    .select({ id: schema.ledgerAccounts.id, balance: schema.ledgerAccounts.balancePence })
    .from(schema.ledgerAccounts)
    .where(
      and(
        eq(schema.ledgerAccounts.authorityId, authorityId),
        eq(schema.ledgerAccounts.kind, "consortium_pot"),
        eq(schema.ledgerAccounts.ownerId, consortiumId),
      ),
    );
  return pot ? { accountId: pot.id, availablePence: Math.max(0, -pot.balance) } : null;
}
