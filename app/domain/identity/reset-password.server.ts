import { eq } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { queueEmail } from "~/domain/outbox.server";
import { consumeToken, setPasswordAndSignIn } from "./auth-tokens.server";

export type ResetPasswordOptions = { token: string; password: string; previousToken: string | null; appUrl: string; now?: Date };

/** Set a new password with the emailed link, once: every other session ends, and the owner is told. */
export async function resetPassword(db: Database, { token, password, previousToken, appUrl, now = new Date() }: ResetPasswordOptions) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { id, userId } = await consumeToken(tx, "password_reset", token, now);
    const signedIn = await setPasswordAndSignIn(tx, { userId, passwordHash, previousToken, now });
    const [user] = await tx.select({ email: schema.users.email, name: schema.users.name }).from(schema.users).where(eq(schema.users.id, userId));
    await queueEmail(tx, { to: user.email, template: "password-changed", props: { name: user.name, url: new URL("/forgot-password", appUrl).toString() } });
    await audit(tx, { authorityId: null, actorUserId: userId, action: "user.password_reset", entityType: "user", entityId: userId, after: { tokenId: id } });
    return signedIn;
  });
}
