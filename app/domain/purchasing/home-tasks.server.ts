import { and, count, eq, notExists } from "drizzle-orm";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { schema, type Database } from "~/db.server";
import { memberToday } from "~/domain/consortia/schools-of-consortium-on.server";
import type { HomeTask } from "~/domain/home/tasks.server";
import { t } from "~/i18n";

const { collectivePurchases, consortiumMemberships, invoices, orders, pledges } = schema;

/** A lead's consortium and its pot requests; a school's open collective purchases to answer; finance's unpaid invoices. */
export async function purchasingTasks(db: Database, user: CurrentUser, now = new Date()): Promise<HomeTask[]> {
  const acting = user.acting;
  if (!acting) return [];
  const tasks: HomeTask[] = [];

  if (acting.organisationKind === "consortium" && can(user.grants, "manage:pot", acting)) {
    const href = `/consortia/${acting.organisationId}`;
    const [{ requests }] = await db
      .select({ requests: count() })
      .from(orders)
      .where(and(eq(orders.authorityId, acting.authorityId), eq(orders.consortiumId, acting.organisationId), eq(orders.potRequest, "requested")));
    tasks.push({ label: t("home.task.consortium", { consortium: acting.organisationName }), href });
    if (requests > 0) tasks.push({ label: t("home.task.potRequests"), href, count: requests });
  }

  if (acting.organisationKind === "school" && can(user.grants, "join:collective-purchase", acting)) {
    // Open purchases of the school's consortium today that the school has not answered yet.
    const [{ unanswered }] = await db
      .select({ unanswered: count() })
      .from(collectivePurchases)
      .innerJoin(
        consortiumMemberships,
        and(
          eq(consortiumMemberships.consortiumId, collectivePurchases.consortiumId),
          eq(consortiumMemberships.schoolId, acting.organisationId),
          memberToday(now),
        ),
      )
      .where(
        and(
          eq(collectivePurchases.authorityId, acting.authorityId),
          eq(collectivePurchases.status, "open"),
          notExists(
            db
              .select({ id: pledges.id })
              .from(pledges)
              .where(and(eq(pledges.collectivePurchaseId, collectivePurchases.id), eq(pledges.schoolId, acting.organisationId))),
          ),
        ),
      );
    if (unanswered > 0) tasks.push({ label: t("home.task.collectiveToAnswer"), href: "/collective-purchases", count: unanswered });
  }

  if (can(user.grants, "record:payment", acting)) {
    const [{ unpaid }] = await db
      .select({ unpaid: count() })
      .from(invoices)
      .where(and(eq(invoices.authorityId, acting.authorityId), eq(invoices.status, "issued")));
    tasks.push({ label: t("home.task.unpaidInvoices"), href: "/finance/sales", count: unpaid });
  }
  return tasks;
}
