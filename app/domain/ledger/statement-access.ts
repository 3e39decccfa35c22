import { roleCan, type MembershipGrant } from "~/auth/permissions";
import type { AccountKind, Role } from "~/db.server";

/**
 * Who may read an account's statement: people of the organisation that owns it, in the roles
 * that deal with its money, and the authority's finance officers (its administrators too for
 * the pots and the authority's own accounts). Roles listed under `authority` act from the
 * authority's office on every account of that kind.
 */
const READERS: Record<AccountKind, { owner: readonly Role[]; authority: readonly Role[] }> = {
  consortium_pot: { owner: ["consortium_lead"], authority: ["la_finance", "la_admin"] },
  school_receivable: { owner: ["headteacher", "school_business_manager"], authority: ["la_finance"] },
  provider_payable: { owner: ["provider_admin"], authority: ["la_finance"] },
  authority_traded_income: { owner: [], authority: ["la_finance", "la_admin"] },
  authority_funding: { owner: [], authority: ["la_finance", "la_admin"] },
  payment_clearing_bank: { owner: [], authority: ["la_finance", "la_admin"] },
  payment_clearing_stripe: { owner: [], authority: ["la_finance", "la_admin"] },
  recharge_clearing: { owner: [], authority: ["la_finance", "la_admin"] },
  vat_output: { owner: [], authority: ["la_finance", "la_admin"] },
  sales_pending: { owner: [], authority: ["la_finance", "la_admin"] },
  stripe_fees: { owner: [], authority: ["la_finance", "la_admin"] },
  stripe_disputes: { owner: [], authority: ["la_finance", "la_admin"] },
};

export function canViewStatement(grants: readonly MembershipGrant[], account: { authorityId: string; kind: AccountKind; ownerId: string }): boolean {
  const readers = READERS[account.kind];
  return grants.some(
    (g) =>
      g.authorityId === account.authorityId &&
      roleCan(g.role, "view:statement") &&
      (readers.authority.includes(g.role) || (g.organisationId === account.ownerId && readers.owner.includes(g.role))),
  );
}
