import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { t } from "~/i18n";

export type MilestoneStepOptions = { actor: Actor; authorityId: string; orderId: string; milestoneId: string; step: "deliver" | "confirm"; now?: Date };

/** A milestone is marked delivered by the provider, then confirmed by the school; each step once. */
export async function milestoneStep(db: Database, { actor, authorityId, orderId, milestoneId, step, now = new Date() }: MilestoneStepOptions) {
  if (!isUuid(milestoneId)) throw new AppError("NOT_FOUND", t("refusal.delivery.milestoneNotFound"));
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    const powers = deliveryPowers(actor, authorityId, order);
    if (step === "deliver") ensurePower(powers, "provider", t("delivery.power.markMilestones"));
    else ensurePower(powers, "buyer", t("delivery.power.confirmMilestones"));
    const [milestone] = await tx
      .select()
      .from(schema.orderMilestones)
      .where(and(eq(schema.orderMilestones.id, milestoneId), eq(schema.orderMilestones.orderId, order.id)));
    if (!milestone) throw new AppError("NOT_FOUND", t("refusal.delivery.milestoneNotFound"));
    if (order.status === "cancelled") throw new AppError("INVALID_STATE", t("refusal.delivery.orderCancelled"));
    if (step === "deliver") {
      if (milestone.deliveredAt) return milestone;
      const [done] = await tx
        .update(schema.orderMilestones)
        .set({ deliveredAt: now, deliveredBy: actor.id })
        .where(eq(schema.orderMilestones.id, milestone.id))
        .returning();
      await audit(tx, {
        authorityId,
        actorUserId: actor.id,
        action: "delivery.milestone_delivered",
        entityType: "order",
        entityId: order.id,
        organisationId: order.providerId,
        before: { milestoneId: milestone.id, deliveredAt: null },
        after: { milestoneId: milestone.id, deliveredAt: now.toISOString() },
      });
      return done;
    }
    if (!milestone.deliveredAt) throw new AppError("INVALID_STATE", t("refusal.delivery.milestoneNotDeliveredYet"));
    if (milestone.confirmedAt) return milestone;
    const [done] = await tx
      .update(schema.orderMilestones)
      .set({ confirmedAt: now, confirmedBy: actor.id })
      .where(eq(schema.orderMilestones.id, milestone.id))
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "delivery.milestone_confirmed",
      entityType: "order",
      entityId: order.id,
      organisationId: order.schoolId,
      before: { milestoneId: milestone.id, confirmedAt: null },
      after: { milestoneId: milestone.id, confirmedAt: now.toISOString() },
    });
    return done;
  });
}
