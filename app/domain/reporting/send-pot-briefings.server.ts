// On the first of each month (and on any later day it was missed) each consortium lead is emailed
// the briefing for the month just ended, once: the send is recorded with the email in one transaction.
import { and, eq, isNotNull } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { queueEmail } from "~/domain/outbox.server";
import { londonIsoDate } from "~/format";
import { potBriefing } from "./pot-briefing.server";

/** The month before the one this day is in: "2026-11-01" -> "2026-10". */
export function previousMonth(day: string) {
  const [y, m] = day.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

export async function sendPotBriefings(db: Database, now: Date, { appUrl }: { appUrl: string }) {
  const month = previousMonth(londonIsoDate(now));
  const leads = await db
    .select({ consortiumId: schema.consortia.organisationId, authorityId: schema.consortia.authorityId, email: schema.users.email })
    .from(schema.consortia)
    .innerJoin(schema.users, eq(schema.users.id, schema.consortia.leadUserId))
    .where(and(isNotNull(schema.consortia.leadUserId)));
  for (const lead of leads) {
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(schema.potBriefingSends)
        .values({ authorityId: lead.authorityId, consortiumId: lead.consortiumId, month })
        .onConflictDoNothing()
        .returning({ id: schema.potBriefingSends.id });
      if (!claimed) return;
      const briefing = await potBriefing(tx, { authorityId: lead.authorityId, consortiumId: lead.consortiumId, month });
      await queueEmail(tx, {
        to: lead.email,
        template: "pot-briefing",
        authorityId: lead.authorityId,
        props: {
          consortiumName: briefing.consortium.name,
          month,
          openingPence: briefing.openingPence,
          fundingInPence: briefing.fundingInPence,
          spentPence: briefing.spentPence,
          sharedBackPence: briefing.sharedBackPence,
          committedPence: briefing.committedPence,
          closingPence: briefing.closingPence,
          url: `${appUrl}/pot-briefing?consortium=${lead.consortiumId}&month=${month}`,
        },
      });
    });
  }
}
