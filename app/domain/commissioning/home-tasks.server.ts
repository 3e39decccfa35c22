import { and, asc, count, eq, exists, gte, inArray, sql } from "drizzle-orm";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { schema, type Database, type SubjectArea } from "~/db.server";
import type { HomeTask } from "~/domain/home/tasks.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { londonToday } from "./commissioning.server";
import { commissionerAreas } from "./needs.server";

const { needs, needResponses, offers, offerRevisions } = schema;

/**
 * A commissioner's open calls for offers that providers have answered, one task per call; a provider's
 * open calls for offers in the subject areas of its offers (the providers told of the call when it was published).
 */
export async function commissioningTasks(db: Database, user: CurrentUser, now = new Date()): Promise<HomeTask[]> {
  const acting = user.acting;
  if (!acting) return [];
  const authorityId = acting.authorityId;
  const tasks: HomeTask[] = [];

  if (can(user.grants, "commission:offer", { authorityId })) {
    // Past its closing date a call stays open until the commissioner decides, so its answers still wait.
    const areas = commissionerAreas(user, authorityId);
    const answered = await db
      .select({ id: needs.id, title: needs.title, answers: count(needResponses.offerId) })
      .from(needs)
      .innerJoin(needResponses, and(eq(needResponses.needId, needs.id), eq(needResponses.authorityId, authorityId)))
      .where(
        and(eq(needs.authorityId, authorityId), eq(needs.status, "open"), areas === "all" ? undefined : inArray(needs.subjectArea, areas as SubjectArea[])),
      )
      .groupBy(needs.id, needs.title, needs.closesOn)
      .orderBy(asc(needs.closesOn), asc(needs.title));
    for (const need of answered) {
      tasks.push({ label: t("home.task.needAnswers", { count: need.answers, title: need.title }), href: `/commissioning/needs/${need.id}` });
    }
  }

  if (acting.organisationKind === "provider" && can(user.grants, "edit:offer", acting)) {
    const open = await db
      .select({ id: needs.id, title: needs.title, closesOn: needs.closesOn })
      .from(needs)
      .where(
        and(
          eq(needs.authorityId, authorityId),
          eq(needs.status, "open"),
          gte(needs.closesOn, londonToday(now)),
          exists(
            db
              .select({ id: offers.id })
              .from(offerRevisions)
              .innerJoin(offers, eq(offers.id, offerRevisions.offerId))
              .where(
                and(
                  eq(offers.providerId, acting.organisationId),
                  eq(offers.authorityId, authorityId),
                  sql`${offerRevisions.subjectAreas} @> array[${needs.subjectArea}]::text[]`,
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(needs.closesOn), asc(needs.title));
    for (const need of open) {
      tasks.push({ label: t("home.task.callForOffers", { title: need.title, closesOn: formatDate(need.closesOn) }), href: `/provider/needs#need-${need.id}` });
    }
  }
  return tasks;
}
