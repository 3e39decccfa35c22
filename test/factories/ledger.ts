import type { Database } from "#db/client";
import { schema, type AccountKind } from "~/db.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { postEntry, type Posting } from "~/domain/ledger/post-entry.server";
import { createAuthority, createOrganisation, createProvider, createSchool } from "./tenancy";

let seq = 0;
export const nextKey = (prefix = "test") => `${prefix}:${process.pid}:${++seq}:${Math.random().toString(36).slice(2)}`;

export async function createConsortium(db: Database, authorityId: string, phase: "primary" | "secondary" | "special" | "cross_phase" = "primary") {
  const organisation = await createOrganisation(db, authorityId, "consortium");
  await db.insert(schema.consortia).values({ organisationId: organisation.id, authorityId, phase });
  return organisation;
}

export async function addToConsortium(db: Database, { authorityId, consortiumId, schoolId }: { authorityId: string; consortiumId: string; schoolId: string }) {
  await db.insert(schema.consortiumMemberships).values({ authorityId, consortiumId, schoolId, joinedOn: "2025-09-01" });
}

/** An authority with its office, a consortium, a school and a provider, each holding its account. */
export async function createLedgerWorld(db: Database) {
  const authority = await createAuthority(db);
  const office = await createOrganisation(db, authority.id, "authority_office", `${authority.name} council`);
  const consortium = await createConsortium(db, authority.id);
  const { organisation: school } = await createSchool(db, authority.id);
  const provider = await createProvider(db, authority.id, { verified: false });
  const account = (kind: AccountKind, ownerId: string) => ensureAccount(db, { authorityId: authority.id, kind, ownerId });
  const accounts = {
    funding: await account("authority_funding", office.id),
    income: await account("authority_traded_income", office.id),
    bank: await account("payment_clearing_bank", office.id),
    pot: await account("consortium_pot", consortium.id),
    school: await account("school_receivable", school.id),
    provider: await account("provider_payable", provider.id),
  };
  return { authority, office, consortium, school, provider, accounts };
}

/** Post an entry in its own transaction. */
export const post = (db: Database, authorityId: string, postings: Posting[], idempotencyKey = nextKey(), actorUserId: string | null = null) =>
  db.transaction((tx) =>
    postEntry(tx, { authorityId, idempotencyKey, description: "Test entry", cause: { type: "test", id: idempotencyKey }, actorUserId, postings }),
  );
