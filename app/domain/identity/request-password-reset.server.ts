import { and, eq, isNull } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { queueEmail } from "~/domain/outbox.server";
import { issueToken } from "./auth-tokens.server";
import { PASSWORD_RESET_LIFETIME_MINUTES, THROTTLES } from "./rules";
import { takeOrRefuse } from "./throttle.server";

export type RequestPasswordResetOptions = { email: string; clientIp: string; appUrl: string; now?: Date };

/**
 * Email a single-use link to choose a new password. The caller answers the same whether or not
 * the account exists; only the throttle (counted either way) can refuse.
 */
export async function requestPasswordReset(db: Database, { email, clientIp, appUrl, now = new Date() }: RequestPasswordResetOptions) {
  await takeOrRefuse(
    db,
    [
      { throttle: THROTTLES.resetByIp, subject: clientIp },
      { throttle: THROTTLES.resetByEmail, subject: email },
    ],
    now,
  );

  const [user] = await db
    .select({ id: schema.users.id, name: schema.users.name, disabledAt: schema.users.disabledAt })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  if (!user || user.disabledAt) return;

  await db.transaction(async (tx) => {
    // Only the newest link works: an older one left in a mailbox is one more way in.
    await tx
      .update(schema.authTokens)
      .set({ usedAt: now })
      .where(and(eq(schema.authTokens.userId, user.id), eq(schema.authTokens.kind, "password_reset"), isNull(schema.authTokens.usedAt)));
    const token = await issueToken(tx, { kind: "password_reset", userId: user.id, createdBy: null, lifetimeMs: PASSWORD_RESET_LIFETIME_MINUTES * 60_000, now });
    await queueEmail(tx, {
      to: email,
      template: "password-reset",
      props: { name: user.name, url: new URL(`/reset-password/${token}`, appUrl).toString(), expiresInMinutes: PASSWORD_RESET_LIFETIME_MINUTES },
    });
    await audit(tx, {
      authorityId: null,
      actorUserId: null,
      action: "user.password_reset_requested",
      entityType: "user",
      entityId: user.id,
      after: { ip: clientIp },
    });
  });
}
