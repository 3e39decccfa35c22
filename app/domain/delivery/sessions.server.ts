// The sessions that serve an order, with their places: an order's own, or its collective purchase's.
import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { AppError } from "~/domain/errors";
import { isUuid, idsOf } from "~/domain/ids";
import { t } from "~/i18n";

const { deliverySessions, sessionPlaces, organisations } = schema;

const servingOrder = (order: { id: string; collectivePurchaseId: string | null }): SQL =>
  order.collectivePurchaseId
    ? or(eq(deliverySessions.orderId, order.id), eq(deliverySessions.collectivePurchaseId, order.collectivePurchaseId))!
    : eq(deliverySessions.orderId, order.id);

export async function sessionsOfOrder(
  db: Queryable,
  { authorityId, order }: { authorityId: string; order: { id: string; collectivePurchaseId: string | null } },
) {
  const sessions = await db
    .select()
    .from(deliverySessions)
    .where(and(eq(deliverySessions.authorityId, authorityId), servingOrder(order)))
    .orderBy(asc(deliverySessions.startsAt), asc(deliverySessions.id));
  const places = sessions.length
    ? await db
        .select({ place: sessionPlaces, schoolName: organisations.name })
        .from(sessionPlaces)
        .innerJoin(organisations, eq(organisations.id, sessionPlaces.schoolId))
        .where(inArray(sessionPlaces.sessionId, idsOf(sessions)))
        .orderBy(asc(sessionPlaces.requestedAt), asc(sessionPlaces.id))
    : [];
  return sessions.map((session) => ({
    ...session,
    places: places.filter((p) => p.place.sessionId === session.id).map((p) => ({ ...p.place, schoolName: p.schoolName })),
  }));
}

/** A session that serves this order, locked so that places on it are taken one at a time. */
export async function lockSessionOfOrder(
  db: Queryable,
  { authorityId, order, sessionId }: { authorityId: string; order: { id: string; collectivePurchaseId: string | null }; sessionId: string },
) {
  if (!isUuid(sessionId)) throw new AppError("NOT_FOUND", t("refusal.delivery.sessionNotFound"));
  const [session] = await db
    .select()
    .from(deliverySessions)
    .where(and(eq(deliverySessions.id, sessionId), eq(deliverySessions.authorityId, authorityId), servingOrder(order)))
    .for("update");
  if (!session) throw new AppError("NOT_FOUND", t("refusal.delivery.sessionNotFound"));
  return session;
}

export const placesOf = (db: Queryable, sessionId: string) => db.select().from(sessionPlaces).where(eq(sessionPlaces.sessionId, sessionId));
