import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { schema, type Database } from "~/db.server";
import type { HomeTask } from "~/domain/home/tasks.server";
import { t } from "~/i18n";
import { pendingDecisionCount, pendingReviewCount } from "./panel.server";

/** Offers waiting for this person's review or decision, a provider's offers that need work, providers to verify. */
export async function qualityTasks(db: Database, user: CurrentUser): Promise<HomeTask[]> {
  const acting = user.acting;
  if (!acting) return [];
  const tasks: HomeTask[] = [];
  const [reviews, decisions] = await Promise.all([pendingReviewCount(db, user), pendingDecisionCount(db, user)]);
  if (reviews > 0) tasks.push({ label: t("home.task.reviews"), href: "/qa", count: reviews });
  if (decisions > 0) tasks.push({ label: t("home.task.decisions"), href: "/qa", count: decisions });

  if (can(user.grants, "edit:offer", acting)) {
    const [{ needWork }] = await db
      .select({ needWork: count() })
      .from(schema.offers)
      .innerJoin(schema.offerRevisions, eq(schema.offerRevisions.id, schema.offers.latestRevisionId))
      .where(
        and(
          eq(schema.offers.providerId, acting.organisationId),
          eq(schema.offers.authorityId, acting.authorityId),
          inArray(schema.offerRevisions.status, ["draft", "changes_requested"]),
        ),
      );
    tasks.push({ label: t("home.task.providerOffers"), href: "/provider/offers", count: needWork });
  }

  if (can(user.grants, "verify:provider", acting)) {
    const [{ unverified }] = await db
      .select({ unverified: count() })
      .from(schema.providers)
      .where(and(eq(schema.providers.authorityId, acting.authorityId), isNull(schema.providers.verifiedAt)));
    if (unverified > 0) tasks.push({ label: t("home.task.providersToVerify"), href: "/authority/providers", count: unverified });
  }
  return tasks;
}
