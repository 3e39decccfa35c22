import { and, count, eq, ne } from "drizzle-orm";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { schema, type Database } from "~/db.server";
import type { HomeTask } from "~/domain/home/tasks.server";
import { t } from "~/i18n";
import { awaitingEvaluation, providerDeliveryCounts } from "./queries.server";

/** After the sale: a provider's orders to deliver, a head's support to evaluate, an adviser's evaluations to sign off, oversight's disputes. */
export async function deliveryTasks(db: Database, user: CurrentUser): Promise<HomeTask[]> {
  const acting = user.acting;
  if (!acting) return [];
  const authorityId = acting.authorityId;
  const tasks: HomeTask[] = [];
  if (acting.organisationKind === "provider" && can(user.grants, "deliver:order", acting)) {
    const { toDeliver } = await providerDeliveryCounts(db, { authorityId, providerId: acting.organisationId });
    tasks.push({ label: t("home.task.deliver"), href: "/provider/orders", count: toDeliver });
  }
  if (acting.organisationKind === "school" && can(user.grants, "evaluate:delivery", acting)) {
    tasks.push({ label: t("home.task.evaluate"), href: "/evaluations", count: await awaitingEvaluation(db, { authorityId, schoolId: acting.organisationId }) });
  }
  if (can(user.grants, "sign-off:evaluation", { authorityId })) {
    const [{ n }] = await db
      .select({ n: count() })
      .from(schema.evaluations)
      .innerJoin(schema.schoolAdvisers, eq(schema.schoolAdvisers.schoolId, schema.evaluations.schoolId))
      .where(
        and(eq(schema.evaluations.authorityId, authorityId), eq(schema.schoolAdvisers.adviserUserId, user.id), ne(schema.evaluations.status, "signed_off")),
      );
    tasks.push({ label: t("home.task.signOff"), href: "/evaluations", count: n });
  }
  if (can(user.grants, "view:disputes", { authorityId })) tasks.push({ label: t("home.task.disputes"), href: "/delivery/disputes" });
  if (can(user.grants, "set:rating-threshold", { authorityId })) tasks.push({ label: t("home.task.ratingLine"), href: "/authority/rating-threshold" });
  if (can(user.grants, "view:impact", { authorityId })) tasks.push({ label: t("home.task.impact"), href: "/authority/impact" });
  return tasks;
}
