import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable, type Role } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { latestAuditOf } from "~/domain/audit.server";
import { AppError, notFound } from "~/domain/errors";
import { ROLES_BY_KIND } from "~/domain/identity/rules";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";

/** Memberships with their person and organisation, as the member pages and their actions read them. */
export const membershipsWithPerson = (db: Queryable) =>
  db
    .select({
      id: schema.memberships.id,
      userId: schema.memberships.userId,
      role: schema.memberships.role,
      name: schema.users.name,
      email: schema.users.email,
      organisationId: schema.organisations.id,
      organisationName: schema.organisations.name,
      organisationKind: schema.organisations.kind,
    })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId));

/** A member of an organisation of the authority, for the la_admin's change-role and remove page. */
export async function loadMember(db: Queryable, { actor, authorityId, membershipId }: { actor: Actor; authorityId: string; membershipId: string }) {
  if (!can(actor.grants, "manage:members", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  if (!isUuid(membershipId)) throw notFound(t("refusal.directory.memberNotFound"));
  const [member] = await membershipsWithPerson(db).where(and(eq(schema.memberships.id, membershipId), eq(schema.memberships.authorityId, authorityId)));
  if (!member) throw notFound(t("refusal.directory.memberNotFound"));
  if (member.userId === actor.id) throw new AppError("FORBIDDEN", t("directory.error.ownRole"));
  return { member, roles: ROLES_BY_KIND[member.organisationKind].filter((r) => r !== member.role) };
}

/**
 * What the last change to a membership of this organisation was, from the audit log, for the
 * banner after it (the membership itself is gone after a removal).
 */
export async function memberOutcome(
  db: Queryable,
  { authorityId, organisationId, membershipId }: { authorityId: string; organisationId: string; membershipId: string },
) {
  if (!isUuid(membershipId)) return null;
  const row = await latestAuditOf(db, {
    authorityId,
    entityType: "membership",
    entityId: membershipId,
    actions: ["membership.removed", "membership.role_changed"],
  });
  const before = row?.before as { userId?: string; organisationId?: string; role?: Role } | null;
  if (!row || !before?.userId || before.organisationId !== organisationId) return null;
  const [user] = await db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, before.userId));
  const role = row.action === "membership.removed" ? before.role : (row.after as { role?: Role } | null)?.role;
  return {
    kind: row.action === "membership.removed" ? ("removed" as const) : ("changed" as const),
    name: user?.name ?? "",
    role: role ? t(`role.${role}`) : "",
  };
}
