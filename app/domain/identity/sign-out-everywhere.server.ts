import { invalidateUserSessions } from "~/auth/session.server";
import { and, count, eq, gt } from "drizzle-orm";
import { schema, type Database, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";

/** End every session of the user, on every device, including the one asking. */
export async function signOutEverywhere(db: Database, { userId }: { userId: string }) {
  await db.transaction(async (tx) => {
    await invalidateUserSessions(tx, userId);
    await audit(tx, { authorityId: null, actorUserId: userId, action: "user.signed_out_everywhere", entityType: "user", entityId: userId });
  });
}

/** How many sessions of the user are live now: the devices that signing out everywhere ends. */
export async function liveSessionCount(db: Queryable, userId: string, now = new Date()): Promise<number> {
  const [{ sessions }] = await db
    .select({ sessions: count() })
    .from(schema.sessions)
    .where(and(eq(schema.sessions.userId, userId), gt(schema.sessions.expiresAt, now)));
  return sessions;
}
