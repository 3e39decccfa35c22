import { and, asc, eq, inArray } from "drizzle-orm";
import type { MembershipGrant } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import { displayBalance } from "./accounts";
import { canViewStatement } from "./statement-access";
import { accountColumns } from "./statement.server";

const { ledgerAccounts, organisations } = schema;

const columns = { ...accountColumns, balancePence: ledgerAccounts.balancePence };

/** Every account of the authority with its stored (debit-positive) balance, for the finance view. */
export async function listLedgerAccounts(db: Queryable, authorityId: string) {
  return db
    .select(columns)
    .from(ledgerAccounts)
    .innerJoin(organisations, eq(organisations.id, ledgerAccounts.ownerId))
    .where(eq(ledgerAccounts.authorityId, authorityId))
    .orderBy(asc(ledgerAccounts.kind), asc(organisations.name));
}

/** The accounts held by the organisations a person belongs to in the authority, that they may read. */
export async function accountsForMember(db: Queryable, { authorityId, grants }: { authorityId: string; grants: readonly MembershipGrant[] }) {
  const organisationIds = [...new Set(grants.filter((g) => g.authorityId === authorityId).map((g) => g.organisationId))];
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(ledgerAccounts)
    .innerJoin(organisations, eq(organisations.id, ledgerAccounts.ownerId))
    .where(and(eq(ledgerAccounts.authorityId, authorityId), inArray(ledgerAccounts.ownerId, organisationIds)))
    .orderBy(asc(organisations.name), asc(ledgerAccounts.kind));
  return rows.filter((a) => canViewStatement(grants, a)).map((a) => ({ ...a, balancePence: displayBalance(a.kind, a.balancePence) }));
}
