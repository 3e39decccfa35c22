import { and, eq, isNotNull } from "drizzle-orm";
import { hashToken } from "~/auth/session.server";
import { schema, type Database, type Queryable, type Role } from "~/db.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { UnusableTokenError, type TokenState } from "./auth-tokens.server";
import { looksLikeToken } from "./fields";
import { grantRole } from "./grant-role.server";

const joinTokenWhere = (token: string) =>
  and(eq(schema.authTokens.tokenHash, hashToken(token)), eq(schema.authTokens.kind, "invitation"), isNotNull(schema.authTokens.organisationId));

/** An invitation for someone who already has an account, and what it offers; null if the link is not one. */
export async function findJoinInvitation(db: Queryable, token: string | undefined, now = new Date()) {
  if (!looksLikeToken(token)) return null;
  const inviter = schema.users;
  const [row] = await db
    .select({
      userId: schema.authTokens.userId,
      usedAt: schema.authTokens.usedAt,
      expiresAt: schema.authTokens.expiresAt,
      role: schema.authTokens.role,
      organisationName: schema.organisations.name,
      inviterName: inviter.name,
    })
    .from(schema.authTokens)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.authTokens.organisationId))
    .leftJoin(inviter, eq(inviter.id, schema.authTokens.createdBy))
    .where(joinTokenWhere(token));
  if (!row) return null;
  const state: TokenState = row.usedAt ? "used" : row.expiresAt <= now ? "expired" : "valid";
  return { state, userId: row.userId, role: row.role as Role, organisationName: row.organisationName, inviterName: row.inviterName ?? "" };
}

export const wrongAccount = () => new AppError("FORBIDDEN", t("invitation.join.wrongAccount.body"));

/**
 * The invited person, signed in, accepts: the token is used once (a conditional update, so two
 * clicks give one membership) and the role is given by the person who invited them.
 */
export async function acceptJoinInvitation(
  db: Database,
  { token, user, appUrl, now = new Date() }: { token: string; user: { id: string }; appUrl: string; now?: Date },
) {
  if (!looksLikeToken(token)) throw new UnusableTokenError("unknown");
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(schema.authTokens).where(joinTokenWhere(token)).for("update");
    if (!row) throw new UnusableTokenError("unknown");
    if (row.usedAt) throw new UnusableTokenError("used");
    if (row.expiresAt <= now) throw new UnusableTokenError("expired");
    if (row.userId !== user.id) throw wrongAccount();
    await tx.update(schema.authTokens).set({ usedAt: now }).where(eq(schema.authTokens.id, row.id));
    const [organisation] = await tx
      .select({ id: schema.organisations.id, authorityId: schema.organisations.authorityId, kind: schema.organisations.kind, name: schema.organisations.name })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, row.organisationId!));
    const [person] = await tx
      .select({ id: schema.users.id, name: schema.users.name, email: schema.users.email })
      .from(schema.users)
      .where(eq(schema.users.id, row.userId));
    const [inviter] = await tx.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(eq(schema.users.id, row.createdBy!));
    await grantRole(tx, { grantedBy: inviter, person, organisation, role: row.role!, action: "membership.accepted", appUrl, now });
    return { organisation, role: row.role! };
  });
}

/** Invitations to join this organisation that wait for an answer: shown with the members, as invited. */
export async function pendingJoinInvitations(db: Queryable, { organisationId, now = new Date() }: { organisationId: string; now?: Date }) {
  const rows = await db
    .select({
      id: schema.authTokens.id,
      name: schema.authTokens.inviteeName,
      email: schema.users.email,
      role: schema.authTokens.role,
      createdAt: schema.authTokens.createdAt,
      expiresAt: schema.authTokens.expiresAt,
      usedAt: schema.authTokens.usedAt,
    })
    .from(schema.authTokens)
    .innerJoin(schema.users, eq(schema.users.id, schema.authTokens.userId))
    .where(and(eq(schema.authTokens.organisationId, organisationId), eq(schema.authTokens.kind, "invitation")));
  return rows
    .filter((r) => !r.usedAt && r.expiresAt > now)
    .map((r) => ({ id: r.id, name: r.name ?? r.email, email: r.email, role: r.role as Role, createdAt: r.createdAt }));
}
