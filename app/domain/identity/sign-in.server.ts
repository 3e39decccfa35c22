import { eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { createSession, generateSessionToken, hashToken, invalidateSession } from "~/auth/session.server";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { THROTTLES } from "./rules";
import { clear, hit, refuseIfThrottled } from "./throttle.server";

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

export const wrongCredentials = () => new AppError("INVALID_CREDENTIALS", t("signIn.wrongCredentials"), 401);

/** Check the email and password and start a new session; throttled per address and per account. */
export async function signIn(db: Database, { email, password, clientIp, previousToken, now = new Date() }: SignInOptions) {
  const byIp = { throttle: THROTTLES.signInByIp, subject: clientIp };
  const byAccount = { throttle: THROTTLES.signInByAccount, subject: email };
  await refuseIfThrottled(db, [byIp, byAccount], now);

  const [user] = await db
    .select({ id: schema.users.id, passwordHash: schema.users.passwordHash, disabledAt: schema.users.disabledAt })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  const matches = await verifyPassword(user?.passwordHash ?? (await dummy()), password);
  if (!user || !user.passwordHash || !matches || user.disabledAt) {
    await hit(db, byIp.throttle, byIp.subject, now);
    await hit(db, byAccount.throttle, byAccount.subject, now);
    throw wrongCredentials();
  }

  const token = generateSessionToken();
  const session = await db.transaction(async (tx) => {
    // A new session on every sign-in: a session id planted before sign-in is never promoted.
    if (previousToken) await invalidateSession(tx, hashToken(previousToken));
    await clear(tx, byAccount.throttle, byAccount.subject, now);
    const created = await createSession(tx, token, user.id, null, now);
    await audit(tx, { authorityId: null, actorUserId: user.id, action: "user.signed_in", entityType: "user", entityId: user.id, after: { ip: clientIp } });
    return created;
  });
  return { token, session };
}
