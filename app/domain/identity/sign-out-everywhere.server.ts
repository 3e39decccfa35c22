import { invalidateUserSessions } from "~/auth/session.server";
import type { Database } from "~/db.server";
import { audit } from "~/domain/audit.server";

/** End every session of the user, on every device, including the one asking. */
export async function signOutEverywhere(db: Database, { userId }: { userId: string }) {
  await db.transaction(async (tx) => {
    await invalidateUserSessions(tx, userId);
    await audit(tx, { authorityId: null, actorUserId: userId, action: "user.signed_out_everywhere", entityType: "user", entityId: userId });
  });
}
