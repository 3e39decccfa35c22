import type { Database } from "~/db.server";
import { schema } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { loadConsortium } from "~/domain/consortia/load.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { mayRecordReadiness } from "./load.server";
import { READINESS_JUDGEMENTS, type ReadinessJudgement, type ReadinessRating } from "./rules";

/** A judgement as the authority rates it; the evidence and rationale in Welsh too where it gives them. */
export type JudgementInput = { rating: ReadinessRating; evidence: string; rationale: string; evidenceCy?: string; rationaleCy?: string };
export type RecordReadinessOptions = {
  actor: Actor;
  authorityId: string;
  consortiumId: string;
  assessedOn: string;
  judgements: Record<ReadinessJudgement, JudgementInput>;
  today: string;
};

/**
 * The authority records a consortium's readiness as it stood on a day: a new snapshot of all
 * twelve judgements, added beside the earlier ones (which stay as they were).
 */
export async function recordReadiness(db: Database, { actor, authorityId, consortiumId, assessedOn, judgements, today }: RecordReadinessOptions) {
  if (!mayRecordReadiness(actor, authorityId)) throw new AppError("FORBIDDEN", t("readiness.error.forbidden"));
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  if (assessedOn > today) throw new AppError("INVALID_INPUT", t("readiness.error.future"));
  if (READINESS_JUDGEMENTS.some((j) => !judgements[j])) throw new AppError("INVALID_INPUT", t("readiness.error.incomplete"));
  return db.transaction(async (tx) => {
    const [snapshot] = await tx
      .insert(schema.readinessSnapshots)
      .values({ authorityId, consortiumId: consortium.id, assessedOn, recordedBy: actor.id })
      .returning();
    await tx.insert(schema.readinessJudgements).values(
      READINESS_JUDGEMENTS.map((judgement) => {
        const { rating, evidence, rationale, evidenceCy = "", rationaleCy = "" } = judgements[judgement];
        return { authorityId, snapshotId: snapshot.id, judgement, rating, evidence, rationale, evidenceCy, rationaleCy };
      }),
    );
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "readiness.recorded",
      entityType: "consortium",
      entityId: consortium.id,
      after: {
        snapshotId: snapshot.id,
        assessedOn,
        ratings: Object.fromEntries(READINESS_JUDGEMENTS.map((j) => [j, judgements[j].rating])),
        inWelsh: READINESS_JUDGEMENTS.filter((j) => (judgements[j].evidenceCy ?? "").trim() !== "" || (judgements[j].rationaleCy ?? "").trim() !== ""),
      },
    });
    return snapshot;
  });
}
