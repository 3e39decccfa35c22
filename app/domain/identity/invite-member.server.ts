import { eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { schema, type Database, type OrganisationKind, type Role } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { t } from "~/i18n";
import { issueToken } from "./auth-tokens.server";
import { INVITATION_LIFETIME_DAYS, roleAllowedFor } from "./rules";

export type InviteMemberOptions = {
  inviter: CurrentUser;
  organisation: { id: string; authorityId: string; kind: OrganisationKind; name: string };
  name: string;
  email: string;
  role: Role;
  appUrl: string;
  now?: Date;
};

export type InviteMemberResult = { outcome: "invited" | "added"; userId: string; membershipId: string };

/**
 * Give a person a role in an organisation. A new person (or one who never set a password) gets a
 * single-use link to set a password; a person who already has one is added and told so.
 */
export async function inviteMember(db: Database, { inviter, organisation, name, email, role, appUrl, now = new Date() }: InviteMemberOptions): Promise<InviteMemberResult> {
  if (!can(inviter.grants, "invite:member", { organisationId: organisation.id, authorityId: organisation.authorityId })) {
    throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  }
  if (!roleAllowedFor(organisation.kind, role)) throw new AppError("ROLE_NOT_ALLOWED", t("members.invite.roleNotAllowed"), 400);

  return db.transaction(async (tx) => {
    await tx.insert(schema.users).values({ email, name, createdAt: now }).onConflictDoNothing({ target: schema.users.email });
    const [person] = await tx
      .select({ id: schema.users.id, name: schema.users.name, hasPassword: schema.users.passwordHash })
      .from(schema.users)
      .where(eq(schema.users.email, email));

    const [membership] = await tx
      .insert(schema.memberships)
      .values({ userId: person.id, organisationId: organisation.id, authorityId: organisation.authorityId, role, createdAt: now })
      .onConflictDoNothing({ target: [schema.memberships.userId, schema.memberships.organisationId, schema.memberships.role] })
      .returning({ id: schema.memberships.id });
    if (!membership) throw new AppError("ALREADY_MEMBER", t("members.invite.alreadyMember"), 409);

    const roleLabel = t(`role.${role}`);
    const outcome = person.hasPassword ? ("added" as const) : ("invited" as const);
    if (outcome === "added") {
      await queueEmail(tx, {
        to: email,
        template: "added-to-organisation",
        authorityId: organisation.authorityId,
        props: { name: person.name, inviterName: inviter.name, organisationName: organisation.name, roleLabel, url: new URL("/sign-in", appUrl).toString() },
      });
    } else {
      const token = await issueToken(tx, { kind: "invitation", userId: person.id, createdBy: inviter.id, lifetimeMs: INVITATION_LIFETIME_DAYS * 86_400_000, now });
      await queueEmail(tx, {
        to: email,
        template: "invitation",
        authorityId: organisation.authorityId,
        props: {
          inviteeName: person.name,
          inviterName: inviter.name,
          organisationName: organisation.name,
          roleLabel,
          url: new URL(`/invitation/${token}`, appUrl).toString(),
          expiresInDays: INVITATION_LIFETIME_DAYS,
        },
      });
    }
    await audit(tx, {
      authorityId: organisation.authorityId,
      actorUserId: inviter.id,
      action: outcome === "added" ? "membership.added" : "membership.invited",
      entityType: "membership",
      entityId: membership.id,
      after: { userId: person.id, organisationId: organisation.id, role },
    });
    return { outcome, userId: person.id, membershipId: membership.id };
  });
}
