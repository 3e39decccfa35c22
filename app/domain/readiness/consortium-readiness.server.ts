import type { Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { loadConsortium } from "~/domain/consortia/load.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { mayRecordReadiness, mayRespondToReadiness, maySeeReadiness, responsesTo, snapshotsOf } from "./load.server";
import { movements } from "./rules";

/** One consortium's readiness: every snapshot, latest first, each with its movement since the one before and the lead's responses. */
export async function consortiumReadiness(db: Queryable, { actor, authorityId, consortiumId }: { actor: Actor; authorityId: string; consortiumId: string }) {
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  if (!maySeeReadiness(actor, authorityId, consortium.id)) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  const snapshots = await snapshotsOf(db, authorityId, [consortium.id]);
  const responses = await responsesTo(
    db,
    authorityId,
    snapshots.map((s) => s.id),
  );
  return {
    consortium,
    snapshots: snapshots.map((s, i) => ({
      ...s,
      previousOn: snapshots[i + 1]?.assessedOn ?? null,
      moves: movements(snapshots[i + 1]?.ratings ?? null, s.ratings),
      responses: responses.filter((r) => r.snapshotId === s.id),
    })),
    canRecord: mayRecordReadiness(actor, authorityId),
    canRespond: mayRespondToReadiness(actor, authorityId, consortium.id),
  };
}
