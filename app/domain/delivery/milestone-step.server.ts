import { and, asc, eq } from "drizzle-orm";
import { schema, type Database, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";

type OrderMilestone = typeof schema.orderMilestones.$inferSelect;
import { isUuid } from "~/domain/ids";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { t } from "~/i18n";
import { payProviderForOrder } from "~/domain/payments/pay-provider.server";
import { milestoneParts } from "~/domain/payments/rules";

/**
 * The provider's part for one confirmed milestone: its share split evenly over the order's
 * milestones (the last taking the odd pence), less any refund; the final confirmation of delivery
 * pays whatever is left. Nothing unless the order was paid through Stripe (payProviderForOrder checks).
 */
async function payMilestone(
  tx: Queryable,
  { authorityId, orderId, milestone, actorUserId, now }: { authorityId: string; orderId: string; milestone: OrderMilestone; actorUserId: string; now: Date },
) {
  const [order] = await tx.select({ share: schema.orders.providerSharePence }).from(schema.orders).where(eq(schema.orders.id, orderId));
  const all = await tx
    .select({ id: schema.orderMilestones.id })
    .from(schema.orderMilestones)
    .where(eq(schema.orderMilestones.orderId, orderId))
    .orderBy(asc(schema.orderMilestones.position));
  const parts = milestoneParts(order?.share ?? 0, all.length);
  const amountPence = parts[all.findIndex((m) => m.id === milestone.id)] ?? 0;
  if (amountPence <= 0) return;
  await payProviderForOrder(tx, {
    authorityId,
    orderId,
    actorUserId,
    milestone: `${milestone.position}. ${milestone.title}`,
    milestoneId: milestone.id,
    amountPence,
    now,
  });
}

export type MilestoneStepOptions = {
  actor: Actor;
  authorityId: string;
  orderId: string;
  milestoneId: string;
  step: "deliver" | "confirm";
  now?: Date;
  /** Stripe is configured: a confirmed milestone of an order paid through Stripe pays the provider its part, in the same transaction. */
  stripeEnabled?: boolean;
};

/** What each step records: when and by whom, its audit action, and whose organisation the audit entry is filed under. */
const STEPS = {
  deliver: {
    at: "deliveredAt",
    set: (userId: string, now: Date) => ({ deliveredAt: now, deliveredBy: userId }),
    action: "delivery.milestone_delivered",
    organisationId: "providerId",
  },
  confirm: {
    at: "confirmedAt",
    set: (userId: string, now: Date) => ({ confirmedAt: now, confirmedBy: userId }),
    action: "delivery.milestone_confirmed",
    organisationId: "schoolId",
  },
} as const;

/** A milestone is marked delivered by the provider, then confirmed by the school; each step once. */
export async function milestoneStep(
  db: Database,
  { actor, authorityId, orderId, milestoneId, step, now = new Date(), stripeEnabled = false }: MilestoneStepOptions,
) {
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
    if (step === "confirm" && !milestone.deliveredAt) throw new AppError("INVALID_STATE", t("refusal.delivery.milestoneNotDeliveredYet"));
    const { at, set, action, organisationId } = STEPS[step];
    if (milestone[at]) return milestone;
    const [done] = await tx.update(schema.orderMilestones).set(set(actor.id, now)).where(eq(schema.orderMilestones.id, milestone.id)).returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action,
      entityType: "order",
      entityId: order.id,
      organisationId: order[organisationId],
      before: { milestoneId: milestone.id, [at]: null },
      after: { milestoneId: milestone.id, [at]: now.toISOString() },
    });
    if (step === "confirm" && stripeEnabled) await payMilestone(tx, { authorityId, orderId: order.id, milestone: done, actorUserId: actor.id, now });
    return done;
  });
}
