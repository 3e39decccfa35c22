import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type Role, type Tx } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError, notFound } from "~/domain/errors";
import { roleAllowedFor } from "~/domain/identity/rules";
import { isUuid } from "~/domain/ids";
import { queueEmail } from "~/domain/outbox.server";
import { membershipsWithPerson } from "./load-member.server";
import { t } from "~/i18n";

type Target = { actor: Actor & { name: string }; authorityId: string; organisationId: string; membershipId: string };

/** The membership with its person and organisation, locked, in the authority; 404 otherwise. */
async function lockMembership(tx: Tx, { authorityId, organisationId, membershipId }: Omit<Target, "actor">) {
  if (!isUuid(membershipId) || !isUuid(organisationId)) throw notFound(t("refusal.directory.memberNotFound"));
  const [found] = await membershipsWithPerson(tx)
    .where(and(eq(schema.memberships.id, membershipId), eq(schema.memberships.organisationId, organisationId), eq(schema.memberships.authorityId, authorityId)))
    .for("update", { of: schema.memberships });
  if (!found) throw notFound(t("refusal.directory.memberNotFound"));
  return found;
}

function authorise(actor: Actor, authorityId: string, member: { userId: string }) {
  if (!can(actor.grants, "manage:members", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  // Nobody grants or takes away their own role, not even an la_admin.
  if (member.userId === actor.id) throw new AppError("INVALID_STATE", t("directory.error.ownRole"));
}

/** Change a member's role in their organisation (to one that kind of organisation can hold). */
export async function changeMemberRole(db: Database, { actor, authorityId, organisationId, membershipId, role }: Target & { role: Role }) {
  return db.transaction(async (tx) => {
    const member = await lockMembership(tx, { authorityId, organisationId, membershipId });
    authorise(actor, authorityId, member);
    if (!roleAllowedFor(member.organisationKind, role)) throw new AppError("ROLE_NOT_ALLOWED", t("members.invite.roleNotAllowed"));
    if (member.role === role) throw new AppError("INVALID_STATE", t("directory.error.sameRole"));
    const [clash] = await tx
      .select({ id: schema.memberships.id })
      .from(schema.memberships)
      .where(and(eq(schema.memberships.userId, member.userId), eq(schema.memberships.organisationId, organisationId), eq(schema.memberships.role, role)));
    if (clash) throw new AppError("CONFLICT", t("directory.error.holdsRole"));
    await tx.update(schema.memberships).set({ role }).where(eq(schema.memberships.id, member.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "membership.role_changed",
      entityType: "membership",
      entityId: member.id,
      before: { userId: member.userId, organisationId, role: member.role },
      after: { userId: member.userId, organisationId, role },
    });
    await queueEmail(tx, {
      to: member.email,
      template: "membership-changed",
      authorityId,
      props: { name: member.name, adminName: actor.name, organisationName: member.organisationName, change: "changed", oldRole: member.role, newRole: role },
    });
    return { name: member.name, role };
  });
}

/** Take a role away; the person's sessions end at once, so nothing they opened keeps working. */
export async function removeMember(db: Database, { actor, authorityId, organisationId, membershipId }: Target) {
  return db.transaction(async (tx) => {
    const member = await lockMembership(tx, { authorityId, organisationId, membershipId });
    authorise(actor, authorityId, member);
    await tx.delete(schema.memberships).where(eq(schema.memberships.id, member.id));
    const ended = await tx.delete(schema.sessions).where(eq(schema.sessions.userId, member.userId)).returning({ id: schema.sessions.id });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "membership.removed",
      entityType: "membership",
      entityId: member.id,
      before: { userId: member.userId, organisationId, role: member.role },
      after: { sessionsEnded: ended.length },
    });
    await queueEmail(tx, {
      to: member.email,
      template: "membership-changed",
      authorityId,
      props: { name: member.name, adminName: actor.name, organisationName: member.organisationName, change: "removed", oldRole: member.role },
    });
    return { name: member.name, role: member.role };
  });
}
