// Single-use emailed links (invitations, password resets): a random token in the link, only its
// SHA-256 in the database, so a copy of the database cannot be used to take over an account.
import { and, eq, gt, isNull } from "drizzle-orm";
import { createSession, generateSessionToken, hashToken, invalidateSession, invalidateUserSessions } from "~/auth/session.server";
import { schema, type Queryable, type Role } from "~/db.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { looksLikeToken } from "./fields";

export type TokenKind = (typeof schema.authTokens.$inferSelect)["kind"];
export type TokenState = "valid" | "unknown" | "used" | "expired";

/** Issue a new token for the user; returns the raw token for the emailed link. */
export async function issueToken(
  tx: Queryable,
  {
    kind,
    userId,
    createdBy,
    lifetimeMs,
    now,
    join,
  }: {
    kind: TokenKind;
    userId: string;
    createdBy: string | null;
    lifetimeMs: number;
    now: Date;
    join?: { organisationId: string; role: Role; inviteeName: string };
  },
) {
  const token = generateSessionToken();
  await tx
    .insert(schema.authTokens)
    .values({ kind, tokenHash: hashToken(token), userId, createdBy, expiresAt: new Date(now.getTime() + lifetimeMs), createdAt: now, ...join });
  return token;
}

/** What a link's token is now, and whose it is when it is still usable. */
export async function inspectToken(db: Queryable, kind: TokenKind, token: string | undefined, now = new Date()) {
  if (!looksLikeToken(token)) return { state: "unknown" as const };
  const [row] = await db
    .select({
      usedAt: schema.authTokens.usedAt,
      expiresAt: schema.authTokens.expiresAt,
      userId: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
    })
    .from(schema.authTokens)
    .innerJoin(schema.users, eq(schema.users.id, schema.authTokens.userId))
    .where(and(eq(schema.authTokens.tokenHash, hashToken(token)), eq(schema.authTokens.kind, kind), isNull(schema.authTokens.organisationId)));
  if (!row) return { state: "unknown" as const };
  if (row.usedAt) return { state: "used" as const };
  if (row.expiresAt <= now) return { state: "expired" as const };
  return { state: "valid" as const, user: { id: row.userId, email: row.email, name: row.name } };
}

export const TOKEN_STATUS: Record<Exclude<TokenState, "valid">, number> = { unknown: 404, used: 410, expired: 410 };

export class UnusableTokenError extends AppError {
  constructor(readonly state: Exclude<TokenState, "valid">) {
    super(state === "unknown" ? "TOKEN_UNKNOWN" : state === "used" ? "TOKEN_USED" : "TOKEN_EXPIRED", t(`token.${state}.body`));
  }
}

/**
 * Use the token, once: the conditional update lets only one of two simultaneous uses through.
 * Returns the user it belongs to, or throws UnusableTokenError.
 */
export async function consumeToken(tx: Queryable, kind: TokenKind, token: string, now: Date) {
  if (!looksLikeToken(token)) throw new UnusableTokenError("unknown");
  const [row] = await tx
    .update(schema.authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(schema.authTokens.tokenHash, hashToken(token)),
        eq(schema.authTokens.kind, kind),
        isNull(schema.authTokens.organisationId),
        isNull(schema.authTokens.usedAt),
        gt(schema.authTokens.expiresAt, now),
      ),
    )
    .returning({ id: schema.authTokens.id, userId: schema.authTokens.userId });
  if (row) return row;
  const current = await inspectToken(tx, kind, token, now);
  throw new UnusableTokenError(current.state === "valid" ? "used" : current.state);
}

/**
 * Give the user a new password from an emailed link and sign them in afresh: every other session
 * ends and every other outstanding link of theirs stops working.
 */
export async function setPasswordAndSignIn(
  tx: Queryable,
  { userId, passwordHash, previousToken, now }: { userId: string; passwordHash: string; previousToken: string | null; now: Date },
) {
  await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, userId));
  // Links that set a password stop working; invitations to join an organisation wait for their answer.
  await tx
    .update(schema.authTokens)
    .set({ usedAt: now })
    .where(and(eq(schema.authTokens.userId, userId), isNull(schema.authTokens.usedAt), isNull(schema.authTokens.organisationId)));
  await invalidateUserSessions(tx, userId);
  if (previousToken) await invalidateSession(tx, hashToken(previousToken));
  const sessionToken = generateSessionToken();
  const session = await createSession(tx, sessionToken, userId, null, now);
  return { sessionToken, session };
}
