// The demo county's money: default income-split rules and each consortium pot funded as
// Warwickshire devolved it in December 2013 (consortium £24,200 under 15 schools, £28,200 at 15 or more).
import { eq } from "drizzle-orm";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { fundPot } from "~/domain/funding/allocate-funding.server";
import { consortiumFundingOn } from "~/domain/funding/consortium-funding-on.server";
import { createDefaultSplitRules } from "~/domain/ledger/split-rules.server";
import { formatPence } from "~/format";
import type { Queryable } from "../client";
import { consortia, organisations } from "../schema";

export { CONSORTIUM_FUNDING, consortiumFundingPence } from "~/domain/funding/rules";

/** Idempotent: run twice, it posts each pot's funding once. Schools are counted on `day` (today in England). */
export async function seedDemoLedger(db: Queryable, authorityId: string, day = londonToday(new Date())) {
  await db.transaction(async (tx) => {
    await createDefaultSplitRules(tx, authorityId);
    const rows = await tx
      .select({ id: consortia.organisationId, name: organisations.name })
      .from(consortia)
      .innerJoin(organisations, eq(organisations.id, consortia.organisationId))
      .where(eq(consortia.authorityId, authorityId))
      .orderBy(organisations.name);
    for (const { id } of rows) {
      const { schools, amountPence } = await consortiumFundingOn(tx, id, day);
      const consortium = { id, schools };
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
