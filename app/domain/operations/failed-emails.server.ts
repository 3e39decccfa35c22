// What the dispatcher gave up on (after MAX_ATTEMPTS), for an authority's administrator to see and send again.
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";

const { outbox, users, memberships } = schema;

/**
 * The outbox rows that belong to an authority: those written for it, and those written before an
 * authority was known (password resets, invitations) to people who belong to it.
 */
function ofAuthority(db: Queryable, authorityId: string): SQL {
  const people = db
    .selectDistinct({ email: sql<string>`lower(${users.email})` })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.authorityId, authorityId));
  return or(eq(outbox.authorityId, authorityId), and(isNull(outbox.authorityId), inArray(outbox.recipient, people)))!;
}

const ensureMayRetry = (actor: Actor, authorityId: string) => {
  if (!can(actor.grants, "retry:outbox", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.operations.administratorsSeeRetryFailed"));
};

export type FailedEmail = {
  id: string;
  kind: "email" | "job";
  topic: string;
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  lastTriedAt: Date;
};

/** The authority's failed outbox rows, newest first (never their payloads: they may hold live links). */
export async function failedEmailsPage(db: Database, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  ensureMayRetry(actor, authorityId);
  const rows: FailedEmail[] = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      topic: outbox.topic,
      recipient: outbox.recipient,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      lastTriedAt: outbox.nextAttemptAt,
    })
    .from(outbox)
    .where(and(eq(outbox.status, "failed"), ofAuthority(db, authorityId)))
    .orderBy(desc(outbox.createdAt))
    .limit(200);
  return { rows, can: { retry: true } };
}

/**
 * Sends a failed row again: it goes back to pending with its attempts reset, and the dispatcher
 * picks it up on its next tick. Only a row still failed, and of this authority, can be retried.
 */
export async function retryFailedEmail(
  db: Database,
  { actor, authorityId, outboxId, now = new Date() }: { actor: Actor; authorityId: string; outboxId: string; now?: Date },
) {
  ensureMayRetry(actor, authorityId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: outbox.id,
        status: outbox.status,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        recipient: outbox.recipient,
        topic: outbox.topic,
      })
      .from(outbox)
      .where(and(eq(outbox.id, outboxId), ofAuthority(tx, authorityId)))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND", t("refusal.operations.failedEmailNotFound"));
    if (row.status !== "failed")
      throw new AppError("INVALID_STATE", row.status === "pending" ? t("refusal.operations.alreadyQueued") : t("refusal.operations.alreadySent"));
    await tx.update(outbox).set({ status: "pending", attempts: 0, nextAttemptAt: now, lastError: null }).where(eq(outbox.id, row.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "outbox.retried",
      entityType: "outbox",
      entityId: row.id,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: "pending", attempts: 0 },
    });
    return { recipient: row.recipient, topic: row.topic };
  });
}
