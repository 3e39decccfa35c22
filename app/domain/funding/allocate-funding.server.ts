import { type Queryable } from "~/db.server";
import { ensureAccount, ensureAuthorityAccount } from "~/domain/ledger/accounts.server";
import { postEntry } from "~/domain/ledger/post-entry.server";

export type FundPotOptions = {
  authorityId: string;
  consortiumId: string;
  amountPence: number;
  idempotencyKey: string;
  description: string;
  actorUserId: string | null;
};

/** Move funding from the authority into a consortium's pot: debit the funding source, credit the pot. */
export async function fundPot(tx: Queryable, { authorityId, consortiumId, amountPence, idempotencyKey, description, actorUserId }: FundPotOptions) {
  const pot = await ensureAccount(tx, { authorityId, kind: "consortium_pot", ownerId: consortiumId });
  const funding = await ensureAuthorityAccount(tx, { authorityId, kind: "authority_funding" });
  return postEntry(tx, {
    authorityId,
    idempotencyKey,
    description,
    cause: { type: "funding", id: consortiumId },
    actorUserId,
    postings: [
      { accountId: funding.id, amountPence },
      { accountId: pot.id, amountPence: -amountPence },
    ],
  });
}
