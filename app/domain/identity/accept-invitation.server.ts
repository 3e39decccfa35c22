import { hashPassword } from "~/auth/password.server";
import type { Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { consumeToken, setPasswordAndSignIn } from "./auth-tokens.server";

export type AcceptInvitationOptions = { token: string; password: string; previousToken: string | null; now?: Date };

/** The invitee sets their password with the emailed link, once, and is signed in. */
export async function acceptInvitation(db: Database, { token, password, previousToken, now = new Date() }: AcceptInvitationOptions) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { id, userId } = await consumeToken(tx, "invitation", token, now);
    const signedIn = await setPasswordAndSignIn(tx, { userId, passwordHash, previousToken, now });
    await audit(tx, {
      authorityId: null,
      actorUserId: userId,
      action: "user.invitation_accepted",
      entityType: "user",
      entityId: userId,
      after: { tokenId: id },
    });
    return signedIn;
  });
}
