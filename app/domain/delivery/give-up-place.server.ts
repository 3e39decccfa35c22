import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { tellPlaceOffered } from "./notify.server";
import { lockSessionOfOrder, placesOf } from "./sessions.server";
import { promotions } from "./rules";
import { t } from "~/i18n";

export type GiveUpPlaceOptions = { actor: Actor; authorityId: string; orderId: string; placeId: string; appUrl: string; now?: Date };

/** The school gives up a delegate's place (or leaves the waiting list); a freed place goes to the next on the list, who is told. */
export async function giveUpPlace(db: Database, { actor, authorityId, orderId, placeId, appUrl, now = new Date() }: GiveUpPlaceOptions) {
  if (!isUuid(placeId)) throw new AppError("NOT_FOUND", t("refusal.delivery.placeNotFound"));
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId });
    ensurePower(deliveryPowers(actor, authorityId, order), "buyer", t("delivery.power.giveUpPlaces"));
    const [found] = await tx
      .select()
      .from(schema.sessionPlaces)
      .where(and(eq(schema.sessionPlaces.id, placeId), eq(schema.sessionPlaces.orderId, order.id), eq(schema.sessionPlaces.authorityId, authorityId)));
    if (!found) throw new AppError("NOT_FOUND", t("refusal.delivery.placeNotFound"));
    const session = await lockSessionOfOrder(tx, { authorityId, order, sessionId: found.sessionId });
    const places = await placesOf(tx, session.id);
    const place = places.find((p) => p.id === found.id)!;
    // A second click finds it given up already.
    if (place.status === "cancelled") return { place, promoted: [] };
    if (place.attended !== null) throw new AppError("INVALID_STATE", t("refusal.delivery.attendanceRecordedForPlace"));
    await tx.update(schema.sessionPlaces).set({ status: "cancelled" }).where(eq(schema.sessionPlaces.id, place.id));
    const after = places.map((p) => (p.id === place.id ? { ...p, status: "cancelled" as const } : p));
    const promoted = promotions({ capacity: session.capacity, places: after });
    for (const p of promoted) await tx.update(schema.sessionPlaces).set({ status: "booked", bookedAt: now }).where(eq(schema.sessionPlaces.id, p.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "delivery.place_given_up",
      entityType: "session_place",
      entityId: place.id,
      organisationId: order.schoolId,
      before: { status: place.status },
      after: { status: "cancelled", promoted: promoted.map((p) => p.id) },
    });
    await tellPlaceOffered(tx, { authorityId, places: promoted, session, offerTitle: order.title, appUrl });
    return { place: { ...place, status: "cancelled" as const }, promoted };
  });
}
