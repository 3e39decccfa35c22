import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { lockSessionOfOrder, placesOf } from "./sessions.server";
import { mayNameAnother, statusOnRequest } from "./rules";
import { t } from "~/i18n";

export type NameDelegateOptions = { actor: Actor; authorityId: string; orderId: string; sessionId: string; delegateName: string; now?: Date };

/**
 * The school names a delegate for a session: a place while there is one, otherwise the waiting
 * list. The session is locked, so two schools asking for its last place get one place and one
 * waiting-list entry.
 */
export async function nameDelegate(db: Database, { actor, authorityId, orderId, sessionId, delegateName, now = new Date() }: NameDelegateOptions) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId });
    ensurePower(deliveryPowers(actor, authorityId, order), "buyer", t("delivery.power.nameDelegates"));
    if (order.status === "cancelled") throw new AppError("INVALID_STATE", t("refusal.delivery.orderCancelled"));
    const session = await lockSessionOfOrder(tx, { authorityId, order, sessionId });
    const places = await placesOf(tx, session.id);
    const mine = places.filter((p) => p.orderId === order.id && p.status !== "cancelled");
    if (mine.some((p) => p.delegateName.toLowerCase() === delegateName.toLowerCase()))
      throw new AppError("INVALID_INPUT", t("refusal.delivery.delegateAlreadyNamed", { name: delegateName }));
    if (!mayNameAnother({ bought: order.delegates, named: mine.length }))
      throw new AppError("INVALID_STATE", t("refusal.delivery.allPlacesNamed", { count: Math.max(1, order.delegates) }));
    const status = statusOnRequest({ capacity: session.capacity, booked: places.filter((p) => p.status === "booked").length });
    const [place] = await tx
      .insert(schema.sessionPlaces)
      .values({
        authorityId,
        sessionId: session.id,
        orderId: order.id,
        schoolId: order.schoolId,
        delegateName,
        status,
        requestedAt: now,
        bookedAt: status === "booked" ? now : null,
        createdBy: actor.id,
      })
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "delivery.delegate_named",
      entityType: "session_place",
      entityId: place.id,
      organisationId: order.schoolId,
      after: { sessionId: session.id, orderId: order.id, delegateName, status },
    });
    return place;
  });
}
