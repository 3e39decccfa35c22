import { and, eq, ne } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { tellSessionBooked } from "./notify.server";
import { londonInstant } from "./rules";
import { t } from "~/i18n";

export type ScheduleSessionOptions = {
  actor: Actor;
  authorityId: string;
  orderId: string;
  /** The day ("2026-03-05") and the time in London. */
  day: string;
  time: { hours: number; minutes: number };
  durationMinutes: number;
  online: boolean;
  venue: string;
  capacity: number;
  appUrl: string;
  now?: Date;
};

/**
 * The provider books a session for an order; for a school's part of a collective purchase the
 * session serves every school of the purchase, and each is asked to name its delegates.
 */
export async function scheduleSession(
  db: Database,
  { actor, authorityId, orderId, day, time, durationMinutes, online, venue, capacity, appUrl, now = new Date() }: ScheduleSessionOptions,
) {
  const startsAt = londonInstant(day, time);
  if (startsAt.getTime() <= now.getTime()) throw new AppError("INVALID_INPUT", t("refusal.delivery.sessionStartInFuture"));
  if (!online && venue.trim() === "") throw new AppError("INVALID_INPUT", t("refusal.delivery.enterVenueOrOnline"));
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    ensurePower(deliveryPowers(actor, authorityId, order), "provider", t("delivery.power.scheduleSessions"));
    if (order.status === "cancelled") throw new AppError("INVALID_STATE", t("refusal.delivery.orderCancelledNoSessions"));
    const owner = order.collectivePurchaseId ? { collectivePurchaseId: order.collectivePurchaseId } : { orderId: order.id };
    const [session] = await tx
      .insert(schema.deliverySessions)
      .values({
        authorityId,
        providerId: order.providerId,
        offerId: order.offerId,
        ...owner,
        startsAt,
        durationMinutes,
        online,
        venue: online ? "" : venue.trim(),
        capacity,
        createdBy: actor.id,
      })
      .returning();
    const served = order.collectivePurchaseId
      ? await tx
          .select({ id: schema.orders.id, schoolId: schema.orders.schoolId, schoolName: schema.organisations.name })
          .from(schema.orders)
          .innerJoin(schema.organisations, eq(schema.organisations.id, schema.orders.schoolId))
          .where(
            and(
              eq(schema.orders.authorityId, authorityId),
              eq(schema.orders.collectivePurchaseId, order.collectivePurchaseId),
              ne(schema.orders.status, "cancelled"),
            ),
          )
      : [{ id: order.id, schoolId: order.schoolId, schoolName: order.schoolName }];
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "delivery.session_scheduled",
      entityType: "delivery_session",
      entityId: session.id,
      organisationId: order.providerId,
      after: { ...owner, startsAt: startsAt.toISOString(), durationMinutes, online, venue: session.venue, capacity },
    });
    await tellSessionBooked(tx, { authorityId, session, offerTitle: order.title, providerName: order.providerName, orders: served, appUrl });
    return session;
  });
}
