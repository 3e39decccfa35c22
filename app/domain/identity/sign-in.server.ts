import { eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { createSession, generateSessionToken, hashToken, invalidateSession } from "~/auth/session.server";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { KNOWN_ADDRESS_DAYS, SIGN_IN_BACKOFF, THROTTLES } from "./rules";
import { attempt, giveBack, succeeded, succeededSince, takeOrRefuse } from "./throttle.server";

export type SignInOptions = {
  email: string;
  password: string;
  clientIp: string;
  /** The token of the session cookie the browser already had, if any: it is ended, never reused. */
  previousToken: string | null;
  now?: Date;
};

// Verifying against this when there is no such account (or no password yet) makes a wrong email
// take as long as a wrong password, so the timing does not tell whether an account exists.
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword("not-a-real-password-but-as-slow-to-check"));

export const wrongCredentials = () => new AppError("INVALID_CREDENTIALS", t("signIn.wrongCredentials"));

/**
 * Check the email and password and start a new session. Attempts are counted before the password
 * is checked: per account and address pair with backoff (so a guesser elsewhere cannot lock the
 * owner out), per address across accounts, and per account from addresses it never signed in from.
 */
export async function signIn(db: Database, { email, password, clientIp, previousToken, now = new Date() }: SignInOptions) {
  const pair = `${email}|${clientIp}`;
  const known = await succeededSince(db, SIGN_IN_BACKOFF.pair, pair, new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60 * 1000));
  await attempt(db, SIGN_IN_BACKOFF.pair, pair, now);
  await takeOrRefuse(db, [{ throttle: THROTTLES.signInByIp, subject: clientIp }], now);
  if (!known) await attempt(db, SIGN_IN_BACKOFF.account, email, now);

  const [user] = await db
    .select({ id: schema.users.id, passwordHash: schema.users.passwordHash, disabledAt: schema.users.disabledAt })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  const matches = await verifyPassword(user?.passwordHash ?? (await dummy()), password);
  if (!user || !user.passwordHash || !matches || user.disabledAt) {
    throw wrongCredentials();
  }

  const token = generateSessionToken();
  const session = await db.transaction(async (tx) => {
    // A new session on every sign-in: a session id planted before sign-in is never promoted.
    if (previousToken) await invalidateSession(tx, hashToken(previousToken));
    await succeeded(tx, SIGN_IN_BACKOFF.pair, pair, now);
    // The address counts only failures across accounts: an office where many people sign in is not held back.
    await giveBack(tx, THROTTLES.signInByIp, clientIp, now);
    const created = await createSession(tx, token, user.id, null, now);
    await audit(tx, { authorityId: null, actorUserId: user.id, action: "user.signed_in", entityType: "user", entityId: user.id, after: { ip: clientIp } });
    return created;
  });
  return { token, session };
}
