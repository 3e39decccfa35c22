import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { loadConsortium } from "~/domain/consortia/load.server";
import { AppError, notFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";
import { mayRespondToReadiness } from "./load.server";

export type RespondToReadinessOptions = { actor: Actor; authorityId: string; consortiumId: string; snapshotId: string; agrees: boolean; comment: string };

/** The consortium's lead agrees with a snapshot or not, with a comment: added to the snapshot's responses. */
export async function respondToReadiness(db: Database, { actor, authorityId, consortiumId, snapshotId, agrees, comment }: RespondToReadinessOptions) {
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  if (!mayRespondToReadiness(actor, authorityId, consortium.id)) throw new AppError("FORBIDDEN", t("readiness.error.notLead"));
  if (!isUuid(snapshotId)) throw notFound(t("readiness.snapshot"));
  return db.transaction(async (tx) => {
    const [snapshot] = await tx
      .select({ id: schema.readinessSnapshots.id })
      .from(schema.readinessSnapshots)
      .where(
        and(
          eq(schema.readinessSnapshots.id, snapshotId),
          eq(schema.readinessSnapshots.authorityId, authorityId),
          eq(schema.readinessSnapshots.consortiumId, consortium.id),
        ),
      );
    if (!snapshot) throw notFound(t("readiness.snapshot"));
    const [response] = await tx
      .insert(schema.readinessResponses)
      .values({ authorityId, snapshotId: snapshot.id, userId: actor.id, agrees, comment })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "readiness.responded",
      entityType: "consortium",
      entityId: consortium.id,
      after: { snapshotId: snapshot.id, agrees, comment },
    });
    return response;
  });
}
