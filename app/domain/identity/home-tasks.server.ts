import { and, count, eq, isNull } from "drizzle-orm";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { schema, type Database } from "~/db.server";
import type { HomeTask } from "~/domain/home/tasks.server";
import { t } from "~/i18n";

/** For people who manage members: their organisation's members and the invitations still open. */
export async function identityTasks(db: Database, user: CurrentUser): Promise<HomeTask[]> {
  const tasks: HomeTask[] = [];
  const acting = user.acting;
  if (acting && can(user.grants, "invite:member", acting)) {
    const href = `/organisations/${acting.organisationId}/members`;
    const scope = and(eq(schema.memberships.organisationId, acting.organisationId), eq(schema.memberships.authorityId, acting.authorityId));
    const [{ members }] = await db.select({ members: count() }).from(schema.memberships).where(scope);
    const [{ pending }] = await db
      .select({ pending: count() })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(and(scope, isNull(schema.users.passwordHash)));
    tasks.push({ label: t("home.task.members", { organisation: acting.organisationName }), href, count: members });
    if (pending > 0) tasks.push({ label: t("home.task.pendingInvitations"), href, count: pending });
  }
  const organisations = new Set(user.memberships.map((m) => m.organisationId)).size;
  if (organisations > 1) tasks.push({ label: t("home.task.switchOrganisation"), href: "/organisations", count: organisations });
  return tasks;
}
