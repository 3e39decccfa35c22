import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, loadOrderForDelivery } from "./access.server";
import { mayEvaluate } from "./submit-evaluation.server";
import { t } from "~/i18n";

export type ImpactInput = { outcome: string; measure: string; baseline: string; followUp: string };

/** A term later, the school records how one of the offer's intended outcomes moved: the measure, its baseline and its value now. */
export async function recordImpact(
  db: Database,
  { actor, authorityId, orderId, impact, now = new Date() }: { actor: Actor; authorityId: string; orderId: string; impact: ImpactInput; now?: Date },
) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    if (!deliveryPowers(actor, authorityId, order).buyer && !(await mayEvaluate(tx, actor, authorityId, order)))
      throw new AppError("FORBIDDEN", t("refusal.delivery.buyerRecordsImpact"));
    const [evaluation] = await tx.select({ id: schema.evaluations.id }).from(schema.evaluations).where(eq(schema.evaluations.orderId, order.id));
    if (!evaluation) throw new AppError("INVALID_STATE", t("refusal.delivery.evaluateBeforeImpact"));
    const [row] = await tx
      .insert(schema.impactFollowUps)
      .values({ authorityId, evaluationId: evaluation.id, schoolId: order.schoolId, ...impact, recordedBy: actor.id, recordedAt: now })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "evaluation.impact_recorded",
      entityType: "evaluation",
      entityId: evaluation.id,
      organisationId: order.schoolId,
      after: impact,
    });
    return row;
  });
}
