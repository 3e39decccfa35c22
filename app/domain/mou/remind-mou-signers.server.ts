import { and, eq, inArray } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { schoolsOfConsortiumOn } from "~/domain/consortia/schools-of-consortium-on.server";
import { financialYearOf, nextFinancialYear, reminderDue } from "~/domain/funding/rules";
import { queueEmail } from "~/domain/outbox.server";
import { latestMous } from "./latest-mous.server";

const { memberships, mouReminders, mouSignatures, organisations, users } = schema;

/**
 * Once a day on the dispatcher's tick: remind the heads of schools that have not signed their
 * consortium's memorandum, a month before the year starts and when it starts. Each reminder is
 * claimed by its key (memorandum, school, kind) in the transaction that queues its emails, so
 * running this again, or on several servers at once, sends each once.
 */
export async function remindMouSigners(db: Database, now: Date, { appUrl }: { appUrl: string }) {
  const today = londonToday(now);
  const current = financialYearOf(today);
  let queued = 0;
  for (const year of [current, nextFinancialYear(current)]) {
    const kind = reminderDue(today, year);
    if (!kind) continue;
    for (const mou of await latestMous(db, { year })) {
      queued += await db.transaction(async (tx) => {
        const members = (await schoolsOfConsortiumOn(tx, mou.consortiumId, today)).map((m) => m.schoolId);
        if (members.length === 0) return 0;
        const signed = new Set(
          (await tx.select({ schoolId: mouSignatures.schoolId }).from(mouSignatures).where(eq(mouSignatures.mouId, mou.id))).map((r) => r.schoolId),
        );
        const unsigned = members.filter((id) => !signed.has(id));
        if (unsigned.length === 0) return 0;
        const claimed = await tx
          .insert(mouReminders)
          .values(unsigned.map((schoolId) => ({ authorityId: mou.authorityId, mouId: mou.id, schoolId, kind })))
          .onConflictDoNothing()
          .returning({ schoolId: mouReminders.schoolId });
        if (claimed.length === 0) return 0;
        const [consortium] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, mou.consortiumId));
        const heads = await tx
          .select({ schoolId: memberships.organisationId, email: users.email, name: users.name, schoolName: organisations.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
          .where(
            and(
              inArray(
                memberships.organisationId,
                claimed.map((c) => c.schoolId),
              ),
              eq(memberships.role, "headteacher"),
            ),
          );
        for (const head of heads) {
          await queueEmail(tx, {
            to: head.email,
            template: "mou-reminder",
            authorityId: mou.authorityId,
            props: {
              name: head.name,
              schoolName: head.schoolName,
              consortiumName: consortium?.name ?? "",
              financialYear: year,
              when: kind,
              url: `${appUrl}/consortia/${mou.consortiumId}/mou?year=${year}`,
            },
          });
        }
        return heads.length;
      });
    }
  }
  return { queued };
}
