import { eq, max } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { t } from "~/i18n";

export const MAX_MILESTONES = 12;

/** The provider sets out a programme's parts on the order (a coaching programme in three visits), to deliver one by one. */
export async function addMilestone(
  db: Database,
  { actor, authorityId, orderId, title }: { actor: Actor; authorityId: string; orderId: string; title: string },
) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    ensurePower(deliveryPowers(actor, authorityId, order), "provider", t("delivery.power.setMilestones"));
    if (order.status === "cancelled" || order.status === "delivered") throw new AppError("INVALID_STATE", t("refusal.delivery.milestonesUntilDelivered"));
    const [{ last }] = await tx
      .select({ last: max(schema.orderMilestones.position) })
      .from(schema.orderMilestones)
      .where(eq(schema.orderMilestones.orderId, order.id));
    if ((last ?? 0) >= MAX_MILESTONES) throw new AppError("INVALID_STATE", t("refusal.delivery.tooManyMilestones", { count: MAX_MILESTONES }));
    const [milestone] = await tx
      .insert(schema.orderMilestones)
      .values({ authorityId, orderId: order.id, position: (last ?? 0) + 1, title })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "delivery.milestone_added",
      entityType: "order",
      entityId: order.id,
      organisationId: order.providerId,
      after: { milestoneId: milestone.id, position: milestone.position, title },
    });
    return milestone;
  });
}
