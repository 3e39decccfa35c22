// Sessions after Lucia's guide: a random token in the cookie, only its SHA-256 in the database,
// sliding idle expiry inside an absolute lifetime.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { Locale } from "~/i18n";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export async function createSession(db: Queryable, token: string, userId: string, actingOrganisationId: string | null, now = new Date()) {
  const session = {
    id: hashToken(token),
    userId,
    actingOrganisationId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDLE_TIMEOUT_MS),
    absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
  };
  await db.insert(schema.sessions).values(session);
  return session;
}

export type SessionUser = { id: string; email: string; name: string; language: Locale | null };
export type Session = typeof schema.sessions.$inferSelect;

/** What a request reads of a session and its person. */
export const sessionColumns = {
  session: schema.sessions,
  user: {
    id: schema.users.id,
    email: schema.users.email,
    name: schema.users.name,
    language: schema.users.language,
    disabledAt: schema.users.disabledAt,
  },
};

type SessionRow = { session: Session; user: SessionUser & { disabledAt: Date | null } };

/**
 * A session as looked up (`sessionColumns`), if it is live: an expired one, or one of a disabled
 * person, is deleted and gives null. Its idle expiry slides, written only once half of it has passed.
 */
export async function liveSession(db: Queryable, row: SessionRow | undefined, now = new Date()) {
  if (!row) return null;
  const { session, user } = row;
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt || user.disabledAt) {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, session.id));
    return null;
  }
  if (session.expiresAt.getTime() - now.getTime() < IDLE_TIMEOUT_MS / 2) {
    const expiresAt = new Date(Math.min(now.getTime() + IDLE_TIMEOUT_MS, session.absoluteExpiresAt.getTime()));
    await db.update(schema.sessions).set({ expiresAt }).where(eq(schema.sessions.id, session.id));
    session.expiresAt = expiresAt;
  }
  return { session, user: { id: user.id, email: user.email, name: user.name, language: user.language } satisfies SessionUser };
}

export async function validateSessionToken(db: Queryable, token: string, now = new Date()) {
  const [row] = await db
    .select(sessionColumns)
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.id, hashToken(token)));
  return liveSession(db, row, now);
}

export async function invalidateSession(db: Queryable, sessionId: string) {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Queryable, userId: string) {
  await db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
}

export async function setActingOrganisation(db: Queryable, sessionId: string, organisationId: string) {
  await db.update(schema.sessions).set({ actingOrganisationId: organisationId }).where(eq(schema.sessions.id, sessionId));
}

// The cookie. In production (served over https) it is __Host- prefixed and Secure.
export const sessionCookieName = (secure: boolean) => (secure ? "__Host-session" : "session");

export function sessionCookie(token: string, expiresAt: Date, secure: boolean) {
  const parts = [`${sessionCookieName(secure)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function blankSessionCookie(secure: boolean) {
  const parts = [`${sessionCookieName(secure)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export const readSessionToken = (request: Request, secure: boolean) => sessionTokenIn(request.headers.get("Cookie"), secure);

export function sessionTokenIn(cookieHeader: string | null | undefined, secure: boolean): string | null {
  const name = sessionCookieName(secure);
  const header = cookieHeader ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}
