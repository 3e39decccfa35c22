import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { confirmationRefusal } from "./rules";
import { t } from "~/i18n";

/** The school says what was not delivered; finance and the commissioners see the dispute and its reason. */
export async function disputeDelivery(
  db: Database,
  { actor, authorityId, orderId, reason, now = new Date() }: { actor: Actor; authorityId: string; orderId: string; reason: string; now?: Date },
) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    ensurePower(deliveryPowers(actor, authorityId, order), "buyer", t("delivery.power.disputeDelivery"));
    const [answer] = await tx.select().from(schema.deliveryConfirmations).where(eq(schema.deliveryConfirmations.orderId, order.id));
    const refusal = confirmationRefusal(order, Boolean(answer));
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    const [confirmation] = await tx
      .insert(schema.deliveryConfirmations)
      .values({ orderId: order.id, authorityId, outcome: "disputed", reason, decidedBy: actor.id, decidedAt: now })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "delivery.disputed",
      entityType: "order",
      entityId: order.id,
      organisationId: order.schoolId,
      after: { outcome: "disputed", reason },
    });
    return { order, confirmation };
  });
}
