import { eq, sql } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, loadOrderForDelivery } from "./access.server";
import { reReviewIfPoor } from "./re-review.server";
import { evaluationRefusal, scoreOf } from "./rules";
import { t } from "~/i18n";

const { evaluations, offerRatings, deliveryConfirmations, evaluationRequests } = schema;

export type EvaluationInput = { priorities: string; quality: number; impact: number; valueForMoney: number; wouldRecommend: boolean; comments: string };
export type SubmitEvaluationOptions = { actor: Actor; authorityId: string; orderId: string; evaluation: EvaluationInput; appUrl: string; now?: Date };

/** The head, or the person the head named, may evaluate the school's delivered order. */
export async function mayEvaluate(
  db: Pick<Database, "select">,
  actor: Actor,
  authorityId: string,
  order: { id: string; schoolId: string; providerId: string; adviserUserId: string | null },
) {
  if (deliveryPowers(actor, authorityId, order).evaluator) return true;
  const [request] = await db
    .select({ evaluatorUserId: evaluationRequests.evaluatorUserId })
    .from(evaluationRequests)
    .where(eq(evaluationRequests.orderId, order.id));
  return request?.evaluatorUserId === actor.id && actor.grants.some((g) => g.organisationId === order.schoolId);
}

/**
 * The school's evaluation of a delivered order: it adds to the offer's rating in the same
 * transaction, and a rating that falls under the authority's line sends the offer back to the panel.
 */
export async function submitEvaluation(db: Database, { actor, authorityId, orderId, evaluation, appUrl, now = new Date() }: SubmitEvaluationOptions) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    if (!(await mayEvaluate(tx, actor, authorityId, order))) throw new AppError("FORBIDDEN", t("refusal.delivery.headteacherOrNamedEvaluates"));
    const [confirmation] = await tx
      .select({ outcome: deliveryConfirmations.outcome })
      .from(deliveryConfirmations)
      .where(eq(deliveryConfirmations.orderId, order.id));
    const [existing] = await tx.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.orderId, order.id));
    const refusal = evaluationRefusal(order, confirmation?.outcome ?? null, Boolean(existing));
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    const [row] = await tx
      .insert(evaluations)
      .values({ authorityId, orderId: order.id, offerId: order.offerId, schoolId: order.schoolId, evaluatorId: actor.id, ...evaluation, submittedAt: now })
      .returning();
    // One row per offer, updated under its row lock, so concurrent evaluations add up.
    const [totals] = await tx
      .insert(offerRatings)
      .values({ offerId: order.offerId, authorityId, evaluations: 1, scoreSum: scoreOf(evaluation) })
      .onConflictDoUpdate({
        target: offerRatings.offerId,
        set: { evaluations: sql`${offerRatings.evaluations} + 1`, scoreSum: sql`${offerRatings.scoreSum} + ${scoreOf(evaluation)}` },
      })
      .returning({ evaluations: offerRatings.evaluations, scoreSum: offerRatings.scoreSum });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "evaluation.submitted",
      entityType: "evaluation",
      entityId: row.id,
      organisationId: order.schoolId,
      after: { orderId: order.id, offerId: order.offerId, ...evaluation },
    });
    const reReview = await reReviewIfPoor(tx, { authorityId, offerId: order.offerId, totals, appUrl, now });
    return { evaluation: row, totals, reReview };
  });
}
