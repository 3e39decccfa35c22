import { type Queryable } from "~/db.server";
import { ensureAccount, ensureAuthorityAccount } from "~/domain/ledger/accounts.server";
import { debitCredit, postEntry, type PostEntryOptions } from "~/domain/ledger/post-entry.server";
import type { StoredMessage } from "~/domain/ledger/described";

export type FundPotOptions = {
  authorityId: string;
  consortiumId: string;
  amountPence: number;
  idempotencyKey: string;
  description: StoredMessage | string;
  actorUserId: string | null;
  /** When it was posted, if not now. */
  at?: Date;
};

/** Move funding from the authority into a consortium's pot: debit the funding source, credit the pot. */
export async function fundPot(tx: Queryable, options: FundPotOptions) {
  const { authorityId, consortiumId } = options;
  const pot = await ensureAccount(tx, { authorityId, kind: "consortium_pot", ownerId: consortiumId });
  const funding = await ensureAuthorityAccount(tx, { authorityId, kind: "authority_funding" });
  return postIntoPot(tx, { from: funding, pot, cause: { type: "funding", id: consortiumId } }, options);
}

export type MatchFundPotOptions = FundPotOptions & {
  schoolId: string;
  /** Recharged (the authority's recharge clearing account is charged), or invoiced (the school's own account). */
  byRecharge: boolean;
};

/** A school's match funding into its consortium's pot: charged to the school (recharge or receivable), credited to the pot. */
export async function matchFundPot(tx: Queryable, options: MatchFundPotOptions) {
  const { authorityId, consortiumId, schoolId, byRecharge } = options;
  const pot = await ensureAccount(tx, { authorityId, kind: "consortium_pot", ownerId: consortiumId });
  const from = byRecharge
    ? await ensureAuthorityAccount(tx, { authorityId, kind: "recharge_clearing" })
    : await ensureAccount(tx, { authorityId, kind: "school_receivable", ownerId: schoolId });
  return postIntoPot(tx, { from, pot, cause: { type: "match_funding", id: schoolId } }, options);
}

/** Post the amount into the pot: debit the account it comes from, credit the pot. */
function postIntoPot(
  tx: Queryable,
  { from, pot, cause }: { from: { id: string }; pot: { id: string }; cause: PostEntryOptions["cause"] },
  { authorityId, amountPence, idempotencyKey, description, actorUserId, at }: FundPotOptions,
) {
  return postEntry(tx, { authorityId, idempotencyKey, description, cause, actorUserId, at, postings: debitCredit(from.id, pot.id, amountPence) });
}
