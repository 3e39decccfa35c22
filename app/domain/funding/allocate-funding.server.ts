import { type Queryable } from "~/db.server";
import { ensureAccount, ensureAuthorityAccount } from "~/domain/ledger/accounts.server";
import { postEntry } from "~/domain/ledger/post-entry.server";
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
export async function fundPot(tx: Queryable, { authorityId, consortiumId, amountPence, idempotencyKey, description, actorUserId, at }: FundPotOptions) {
  const pot = await ensureAccount(tx, { authorityId, kind: "consortium_pot", ownerId: consortiumId });
  const funding = await ensureAuthorityAccount(tx, { authorityId, kind: "authority_funding" });
  return postEntry(tx, {
    authorityId,
    idempotencyKey,
    description,
    cause: { type: "funding", id: consortiumId },
    actorUserId,
    at,
    postings: [
      { accountId: funding.id, amountPence },
      { accountId: pot.id, amountPence: -amountPence },
    ],
  });
}

export type MatchFundPotOptions = {
  authorityId: string;
  consortiumId: string;
  schoolId: string;
  /** Recharged (the authority's recharge clearing account is charged), or invoiced (the school's own account). */
  byRecharge: boolean;
  amountPence: number;
  idempotencyKey: string;
  description: StoredMessage | string;
  actorUserId: string | null;
  at?: Date;
};

/** A school's match funding into its consortium's pot: charged to the school (recharge or receivable), credited to the pot. */
export async function matchFundPot(
  tx: Queryable,
  { authorityId, consortiumId, schoolId, byRecharge, amountPence, idempotencyKey, description, actorUserId, at }: MatchFundPotOptions,
) {
  const pot = await ensureAccount(tx, { authorityId, kind: "consortium_pot", ownerId: consortiumId });
  const from = byRecharge
    ? await ensureAuthorityAccount(tx, { authorityId, kind: "recharge_clearing" })
    : await ensureAccount(tx, { authorityId, kind: "school_receivable", ownerId: schoolId });
  return postEntry(tx, {
    authorityId,
    idempotencyKey,
    description,
    cause: { type: "match_funding", id: schoolId },
    actorUserId,
    at,
    postings: [
      { accountId: from.id, amountPence },
      { accountId: pot.id, amountPence: -amountPence },
    ],
  });
}
