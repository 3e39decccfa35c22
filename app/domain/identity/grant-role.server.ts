import { and, eq, isNull, ne } from "drizzle-orm";
import { schema, type OrganisationKind, type Queryable, type Role } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { t } from "~/i18n";
import { PRIVILEGED_ROLES } from "./rules";

export type GrantRoleOptions = {
  grantedBy: { id: string; name: string };
  person: { id: string; name: string; email: string };
  organisation: { id: string; authorityId: string; kind: OrganisationKind; name: string };
  role: Role;
  /** The audit action: a role given to someone invited, or accepted by someone who already had an account. */
  action: "membership.invited" | "membership.added" | "membership.accepted";
  appUrl: string;
  now: Date;
};

export const notYourself = () => new AppError("FORBIDDEN", t("members.invite.notYourself"));

/**
 * The one place a role is given, inside the caller's transaction. Nobody gives a role to
 * themselves; a role that manages people or money is told to every other administrator of the
 * authority, through the outbox, and recorded in the audit log with who was told.
 */
export async function grantRole(tx: Queryable, { grantedBy, person, organisation, role, action, appUrl, now }: GrantRoleOptions) {
  if (grantedBy.id === person.id) throw notYourself();
  const [membership] = await tx
    .insert(schema.memberships)
    .values({ userId: person.id, organisationId: organisation.id, authorityId: organisation.authorityId, role, createdAt: now })
    .onConflictDoNothing({ target: [schema.memberships.userId, schema.memberships.organisationId, schema.memberships.role] })
    .returning({ id: schema.memberships.id });
  if (!membership) throw new AppError("CONFLICT", t("members.invite.alreadyMember"));

  const told: string[] = [];
  if (PRIVILEGED_ROLES.includes(role)) {
    const admins = await tx
      .selectDistinct({ id: schema.users.id, name: schema.users.name, email: schema.users.email })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(
        and(
          eq(schema.memberships.authorityId, organisation.authorityId),
          eq(schema.memberships.role, "la_admin"),
          ne(schema.users.id, grantedBy.id),
          ne(schema.users.id, person.id),
          isNull(schema.users.disabledAt),
        ),
      );
    for (const admin of admins) {
      await queueEmail(tx, {
        to: admin.email,
        template: "role-granted",
        authorityId: organisation.authorityId,
        props: {
          name: admin.name,
          personName: person.name,
          personEmail: person.email,
          role,
          organisationName: organisation.name,
          grantedByName: grantedBy.name,
          url: new URL(`/organisations/${organisation.id}/members`, appUrl).toString(),
        },
      });
      told.push(admin.id);
    }
  }
  await audit(tx, {
    authorityId: organisation.authorityId,
    actorUserId: grantedBy.id,
    action,
    entityType: "membership",
    entityId: membership.id,
    after: { userId: person.id, organisationId: organisation.id, role, grantedBy: grantedBy.id, ...(told.length ? { administratorsTold: told } : {}) },
  });
  return membership;
}
