import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ensureCan, type Actor } from "~/domain/actor";
import { cancelOrdersMoney } from "./cancel.server";
import { cancellationRefusal } from "./rules";
import { lockOrder } from "./load.server";
import { t } from "~/i18n";

export type CancelOrderOptions = { actor: Actor; authorityId: string; orderId: string; now?: Date };

/** The buying school cancels its own purchase, within the provider's terms: every charge is reversed and its invoice credited. */
export async function cancelOrder(db: Database, { actor, authorityId, orderId, now = new Date() }: CancelOrderOptions) {
  const { offerRevisions } = schema;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, authorityId, orderId);
    if (!order) throw new AppError("NOT_FOUND", t("refusal.purchasing.orderNotFound"));
    ensureCan(actor, "buy:offer", { organisationId: order.schoolId, authorityId }, t("refusal.purchasing.cancelNotBuyer"));
    // A second click finds it cancelled already: the outcome of the first.
    if (order.status === "cancelled") return order;
    if (order.collectivePurchaseId) throw new AppError("INVALID_STATE", t("refusal.purchasing.orderPartCollectivePurchase"));
    const [revision] = await tx
      .select({ noticeDays: offerRevisions.cancellationNoticeDays })
      .from(offerRevisions)
      .where(eq(offerRevisions.id, order.revisionId));
    const refusal = cancellationRefusal({ status: order.status, deliveryStartsOn: order.deliveryStartsOn, noticeDays: revision.noticeDays, now });
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    await cancelOrdersMoney(tx, {
      authorityId,
      actorUserId: actor.id,
      orderIds: [order.id],
      collectivePurchaseId: null,
      reason: `order cancelled by the school`,
      now,
    });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "order.cancel",
      entityType: "order",
      entityId: order.id,
      before: order,
      after: { status: "cancelled" },
    });
    return { ...order, status: "cancelled" as const };
  });
}
