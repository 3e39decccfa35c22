import { eq } from "drizzle-orm";
import { schema, type Database, type Tx } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, ensurePower, loadOrderForDelivery, type DeliveryOrder } from "./access.server";
import { confirmationRefusal } from "./rules";
import { payProviderForOrder } from "~/domain/payments/pay-provider.server";
import { t } from "~/i18n";

export type ConfirmDeliveryOptions = {
  actor: Actor;
  authorityId: string;
  orderId: string;
  now?: Date;
  /**
   * Stripe is configured: an order the school paid through Stripe has its provider's share paid
   * out by transfer as the school confirms, in the same transaction. Without it nothing is queued
   * or written for Stripe.
   */
  stripeEnabled?: boolean;
  /**
   * Runs inside the confirmation's transaction once the school has confirmed (not on a replay):
   * something more to commit together with the confirmation.
   */
  onConfirmed?: (tx: Tx, order: DeliveryOrder) => Promise<void>;
};

/** The school confirms that what the provider marked delivered was delivered. */
export async function confirmDelivery(
  db: Database,
  { actor, authorityId, orderId, now = new Date(), stripeEnabled = false, onConfirmed }: ConfirmDeliveryOptions,
) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    ensurePower(deliveryPowers(actor, authorityId, order), "buyer", t("delivery.power.confirmDelivery"));
    const [answer] = await tx.select().from(schema.deliveryConfirmations).where(eq(schema.deliveryConfirmations.orderId, order.id));
    if (answer?.outcome === "confirmed") return { order, confirmation: answer, replayed: true };
    const refusal = confirmationRefusal(order, Boolean(answer));
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    const [confirmation] = await tx
      .insert(schema.deliveryConfirmations)
      .values({ orderId: order.id, authorityId, outcome: "confirmed", decidedBy: actor.id, decidedAt: now })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "delivery.confirmed",
      entityType: "order",
      entityId: order.id,
      organisationId: order.schoolId,
      after: { outcome: "confirmed" },
    });
    if (stripeEnabled) await payProviderForOrder(tx, { authorityId, orderId: order.id, actorUserId: actor.id, now });
    if (onConfirmed) await onConfirmed(tx, order);
    return { order, confirmation, replayed: false };
  });
}
