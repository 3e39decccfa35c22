import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { deliveryPowers, ensurePower, loadOrderForDelivery } from "./access.server";
import { lockSessionOfOrder, placesOf } from "./sessions.server";
import { t } from "~/i18n";

export type RecordAttendanceOptions = {
  actor: Actor;
  authorityId: string;
  orderId: string;
  sessionId: string;
  attendedPlaceIds: readonly string[];
  now?: Date;
};

/** The provider records who came to a session: every booked delegate is marked present or absent; those present get a certificate. */
export async function recordAttendance(db: Database, { actor, authorityId, orderId, sessionId, attendedPlaceIds, now = new Date() }: RecordAttendanceOptions) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId });
    ensurePower(deliveryPowers(actor, authorityId, order), "provider", t("delivery.power.recordAttendance"));
    const session = await lockSessionOfOrder(tx, { authorityId, order, sessionId });
    if (session.startsAt.getTime() > now.getTime()) throw new AppError("INVALID_STATE", t("refusal.delivery.attendanceAfterStart"));
    const booked = (await placesOf(tx, session.id)).filter((p) => p.status === "booked");
    const present = new Set(attendedPlaceIds);
    const unknown = [...present].filter((id) => !booked.some((p) => p.id === id));
    if (unknown.length) throw new AppError("INVALID_INPUT", t("refusal.delivery.chooseBookedDelegates"));
    for (const place of booked)
      await tx
        .update(schema.sessionPlaces)
        .set({ attended: present.has(place.id), attendanceRecordedAt: now })
        .where(eq(schema.sessionPlaces.id, place.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "delivery.attendance_recorded",
      entityType: "delivery_session",
      entityId: session.id,
      organisationId: order.providerId,
      before: booked.map((p) => ({ id: p.id, attended: p.attended })),
      after: booked.map((p) => ({ id: p.id, attended: present.has(p.id) })),
    });
    return { present: booked.filter((p) => present.has(p.id)).length, absent: booked.filter((p) => !present.has(p.id)).length };
  });
}
