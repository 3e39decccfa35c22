import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { tellPleaseEvaluate } from "./notify.server";
import { deliveryRefusal } from "./rules";
import { t } from "~/i18n";

export type MarkDeliveredOptions = { actor: Actor; authorityId: string; orderId: string; appUrl: string; now?: Date };

/** The provider marks an order delivered (every milestone first); the school is asked to confirm and evaluate. */
export async function markDelivered(db: Database, { actor, authorityId, orderId, appUrl, now = new Date() }: MarkDeliveredOptions) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    ensurePower(deliveryPowers(actor, authorityId, order), "provider", t("delivery.power.markDelivered"));
    // A second click finds it delivered already: the outcome of the first.
    if (order.status === "delivered") return { ...order, replayed: true };
    const milestones = await tx
      .select({ deliveredAt: schema.orderMilestones.deliveredAt })
      .from(schema.orderMilestones)
      .where(eq(schema.orderMilestones.orderId, order.id));
    const refusal = deliveryRefusal(order, milestones);
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    await tx.update(schema.orders).set({ status: "delivered", deliveredAt: now }).where(eq(schema.orders.id, order.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "order.delivered",
      entityType: "order",
      entityId: order.id,
      organisationId: order.providerId,
      before: { status: order.status },
      after: { status: "delivered", deliveredAt: now.toISOString() },
    });
    await tellPleaseEvaluate(tx, { authorityId, order, reminder: false, appUrl });
    return { ...order, status: "delivered" as const, deliveredAt: now, replayed: false };
  });
}
