import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import type { CurrentUser } from "~/auth/user.server";
import { schema, type Database, type OrganisationKind, type Role } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { t } from "~/i18n";
import { issueToken } from "./auth-tokens.server";
import { grantRole, notYourself } from "./grant-role.server";
import { INVITATION_LIFETIME_DAYS, roleAllowedFor, THROTTLES } from "./rules";
import { takeOrRefuse } from "./throttle.server";

export type InviteMemberOptions = {
  inviter: CurrentUser;
  organisation: { id: string; authorityId: string; kind: OrganisationKind; name: string };
  name: string;
  email: string;
  role: Role;
  appUrl: string;
  now?: Date;
};

export type InviteMemberResult = { outcome: "invited" };

const tooMany = (minutes: number) => new AppError("RATE_LIMITED", minutes === 1 ? t("members.invite.tooManyOne") : t("members.invite.tooMany", { minutes }));

/**
 * Invite a person to a role in an organisation. Someone new (or who never set a password) is given
 * the role now and a link to set a password. Someone who already has an account is only sent an
 * invitation: the role is theirs when they accept it, signed in. The inviter's answer is the same
 * either way, so it does not tell whether an address has an account, here or in another authority.
 */
export async function inviteMember(
  db: Database,
  { inviter, organisation, name, email, role, appUrl, now = new Date() }: InviteMemberOptions,
): Promise<InviteMemberResult> {
  if (!can(inviter.grants, "invite:member", { organisationId: organisation.id, authorityId: organisation.authorityId })) {
    throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  }
  if (!roleAllowedFor(organisation.kind, role)) throw new AppError("ROLE_NOT_ALLOWED", t("members.invite.roleNotAllowed"));
  if (email === inviter.email.toLowerCase()) throw notYourself();
  await takeOrRefuse(db, [{ throttle: THROTTLES.invitationsByInviter, subject: inviter.id }], now, tooMany);

  return db.transaction(async (tx) => {
    await tx.insert(schema.users).values({ email, name, createdAt: now }).onConflictDoNothing({ target: schema.users.email });
    const [person] = await tx
      .select({ id: schema.users.id, name: schema.users.name, email: schema.users.email, hasPassword: schema.users.passwordHash })
      .from(schema.users)
      .where(eq(schema.users.email, email));
    if (person.id === inviter.id) throw notYourself();
    const lifetimeMs = INVITATION_LIFETIME_DAYS * 86_400_000;

    if (!person.hasPassword) {
      await grantRole(tx, { grantedBy: inviter, person, organisation, role, action: "membership.invited", appUrl, now });
      const token = await issueToken(tx, { kind: "invitation", userId: person.id, createdBy: inviter.id, lifetimeMs, now });
      await queueEmail(tx, {
        to: email,
        template: "invitation",
        authorityId: organisation.authorityId,
        props: {
          inviteeName: person.name,
          inviterName: inviter.name,
          organisationName: organisation.name,
          role,
          url: new URL(`/invitation/${token}`, appUrl).toString(),
          expiresInDays: INVITATION_LIFETIME_DAYS,
        },
      });
      return { outcome: "invited" as const };
    }

    // The members list shows who holds the role here already, so saying so tells the inviter nothing new.
    const [held] = await tx
      .select({ id: schema.memberships.id })
      .from(schema.memberships)
      .where(and(eq(schema.memberships.userId, person.id), eq(schema.memberships.organisationId, organisation.id), eq(schema.memberships.role, role)));
    if (held) throw new AppError("CONFLICT", t("members.invite.alreadyMember"));

    const token = await issueToken(tx, {
      kind: "invitation",
      userId: person.id,
      createdBy: inviter.id,
      lifetimeMs,
      now,
      join: { organisationId: organisation.id, role, inviteeName: name },
    });
    await queueEmail(tx, {
      to: email,
      template: "join-organisation",
      authorityId: organisation.authorityId,
      // The name on the account, not the one typed: the email goes to the account's owner.
      props: {
        name: person.name,
        inviterName: inviter.name,
        organisationName: organisation.name,
        role,
        url: new URL(`/invitation/${token}`, appUrl).toString(),
        expiresInDays: INVITATION_LIFETIME_DAYS,
      },
    });
    await audit(tx, {
      authorityId: organisation.authorityId,
      actorUserId: inviter.id,
      action: "membership.invitation_sent",
      entityType: "user",
      entityId: person.id,
      after: { organisationId: organisation.id, role },
    });
    return { outcome: "invited" as const };
  });
}
