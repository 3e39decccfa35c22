import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { schema, type Database } from "~/db.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { memberToday } from "~/domain/consortia/schools-of-consortium-on.server";
import { financialYearOf, nextFinancialYear } from "~/domain/funding/rules";
import type { HomeTask } from "~/domain/home/tasks.server";
import { t } from "~/i18n";
import { latestMous } from "./latest-mous.server";

const { consortiumMemberships, mouSignatures } = schema;

/** A head acting for their school: sign this year's (or next year's, once published) memorandum of their consortium. */
export async function mouTasks(db: Database, user: CurrentUser, now = new Date()): Promise<HomeTask[]> {
  const acting = user.acting;
  if (!acting || acting.organisationKind !== "school" || !can(user.grants, "sign:mou", acting)) return [];
  const [membership] = await db
    .select({ consortiumId: consortiumMemberships.consortiumId })
    .from(consortiumMemberships)
    .where(and(eq(consortiumMemberships.schoolId, acting.organisationId), eq(consortiumMemberships.authorityId, acting.authorityId), memberToday(now)));
  if (!membership) return [];
  const current = financialYearOf(londonToday(now));
  const tasks: HomeTask[] = [];
  for (const year of [current, nextFinancialYear(current)]) {
    const [mou] = await latestMous(db, { year, authorityId: acting.authorityId, consortiumIds: [membership.consortiumId] });
    if (!mou) continue;
    const [signed] = await db
      .select({ id: mouSignatures.id })
      .from(mouSignatures)
      .where(and(eq(mouSignatures.mouId, mou.id), eq(mouSignatures.schoolId, acting.organisationId)));
    if (!signed) tasks.push({ label: t("home.task.signMou", { year }), href: `/consortia/${membership.consortiumId}/mou?year=${year}` });
  }
  return tasks;
}
