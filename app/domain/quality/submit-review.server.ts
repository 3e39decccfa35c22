import { and, eq } from "drizzle-orm";
import { RUBRIC_CRITERIA, schema, type Database, type RubricCriterion } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { lockOffer } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { assertNoOwnInterest, loadRevisionForPanel } from "./panel.server";
import { t } from "~/i18n";

const { qaReviews } = schema;

export type ReviewInput =
  | { conflict: true; conflictNote: string }
  | {
      conflict: false;
      scores: Record<RubricCriterion, number>;
      comments: Record<RubricCriterion, string>;
      overallComment: string;
      recommendation: "approve" | "approve_with_conditions" | "request_changes" | "reject";
    };

/**
 * A reviewer submits their review: either a declared conflict of interest (no scores; it does not
 * count towards the quorum) or a score of 1-4 with a comment on each rubric criterion.
 */
export async function submitReview(
  db: Database,
  { actor, authorityId, revisionId, input, now = new Date() }: { actor: Actor; authorityId: string; revisionId: string; input: ReviewInput; now?: Date },
) {
  return db.transaction(async (tx) => {
    // A review counts towards the quorum a decision checks: it is sent under the offer's lock too.
    await lockOffer(tx, { authorityId, revisionId });
    const { revision, provider } = await loadRevisionForPanel(tx, { authorityId, revisionId });
    assertNoOwnInterest(actor, provider);
    if (revision.status !== "in_review") throw new AppError("INVALID_STATE", t("refusal.quality.offerReview"));
    const [review] = await tx
      .select()
      .from(qaReviews)
      .where(and(eq(qaReviews.revisionId, revision.id), eq(qaReviews.reviewerId, actor.id)));
    if (!review) throw new AppError("INVALID_STATE", t("refusal.quality.takeReviewSubmit"));
    if (review.status !== "in_progress") throw new AppError("INVALID_STATE", t("refusal.quality.alreadySubmittedReview"));
    if (!input.conflict)
      for (const criterion of RUBRIC_CRITERIA) {
        const score = input.scores[criterion];
        if (!Number.isInteger(score) || score < 1 || score > 4) throw new AppError("INVALID_INPUT", t("refusal.quality.everyCriterionNeedsScore"));
      }
    const values = input.conflict
      ? { conflictOfInterest: true, conflictNote: input.conflictNote, scores: {}, comments: {}, overallComment: null, recommendation: null }
      : {
          conflictOfInterest: false,
          conflictNote: null,
          scores: input.scores,
          comments: input.comments,
          overallComment: input.overallComment,
          recommendation: input.recommendation,
        };
    const [submitted] = await tx
      .update(qaReviews)
      .set({ ...values, status: "submitted", submittedAt: now })
      .where(eq(qaReviews.id, review.id))
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: input.conflict ? "review.conflict_declared" : "review.submitted",
      entityType: "qa_review",
      entityId: review.id,
      before: { status: review.status },
      after: input.conflict
        ? { status: "submitted", conflictOfInterest: true }
        : { status: "submitted", scores: input.scores, recommendation: input.recommendation },
    });
    return submitted;
  });
}
