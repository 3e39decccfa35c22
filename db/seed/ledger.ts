// The demo county's money: default income-split rules and each consortium pot funded as
// Warwickshire devolved it in December 2013 (consortium £24,200 under 15 schools, £28,200 at 15 or more).
import { and, count, eq, isNull } from "drizzle-orm";
import { fundPot } from "~/domain/funding/allocate-funding.server";
import { createDefaultSplitRules } from "~/domain/ledger/split-rules.server";
import { formatPence } from "~/format";
import type { Database } from "../client";
import { consortia, consortiumMemberships, organisations } from "../schema";

export const CONSORTIUM_FUNDING = { smallPence: 2_420_000, largePence: 2_820_000, largeFromSchools: 15 } as const;

export const consortiumFundingPence = (schools: number) =>
  schools >= CONSORTIUM_FUNDING.largeFromSchools ? CONSORTIUM_FUNDING.largePence : CONSORTIUM_FUNDING.smallPence;

/** Idempotent: run twice, it posts each pot's funding once. */
export async function seedDemoLedger(db: Database, authorityId: string) {
  await db.transaction(async (tx) => {
    await createDefaultSplitRules(tx, authorityId);
    const rows = await tx
      .select({ id: consortia.organisationId, name: organisations.name, schools: count(consortiumMemberships.id) })
      .from(consortia)
      .innerJoin(organisations, eq(organisations.id, consortia.organisationId))
      .leftJoin(consortiumMemberships, and(eq(consortiumMemberships.consortiumId, consortia.organisationId), isNull(consortiumMemberships.leftOn)))
      .where(eq(consortia.authorityId, authorityId))
      .groupBy(consortia.organisationId, organisations.name)
      .orderBy(organisations.name);
    for (const consortium of rows) {
      const amountPence = consortiumFundingPence(consortium.schools);
      await fundPot(tx, {
        authorityId,
        consortiumId: consortium.id,
        amountPence,
        idempotencyKey: `funding:demo:${consortium.id}`,
        description: `Devolved consortium funding: ${formatPence(amountPence)} for ${consortium.schools} schools`,
        actorUserId: null,
      });
    }
  });
}
