import { and, asc, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { deliveryPowers, loadOrderForDelivery } from "./access.server";
import { impactOfOrder } from "./queries.server";
import { sessionsOfOrder } from "./sessions.server";
import { mayEvaluate } from "./submit-evaluation.server";
import { mayViewOrder } from "~/domain/purchasing/access";
import { t } from "~/i18n";

const { orderMilestones, deliveryConfirmations, evaluations, evaluationRequests, users, memberships } = schema;

/** Everything the delivery and evaluation pages of one order show, and what the viewer may do there. */
export async function deliveryPage(db: Database, { actor, authorityId, orderId }: { actor: Actor; authorityId: string; orderId: string }) {
  const order = await loadOrderForDelivery(db, { authorityId, orderId });
  const powers = deliveryPowers(actor, authorityId, order);
  const evaluator = await mayEvaluate(db, actor, authorityId, order);
  if (!powers.view && !evaluator) throw new AppError("FORBIDDEN", t("refusal.delivery.cannotSeeOrderDelivery"));
  const sessions = await sessionsOfOrder(db, { authorityId, order });
  const milestones = await db.select().from(orderMilestones).where(eq(orderMilestones.orderId, order.id)).orderBy(asc(orderMilestones.position));
  const [confirmation] = await db.select().from(deliveryConfirmations).where(eq(deliveryConfirmations.orderId, order.id));
  const [evaluation] = await db
    .select({ evaluation: evaluations, evaluatorName: users.name })
    .from(evaluations)
    .innerJoin(users, eq(users.id, evaluations.evaluatorId))
    .where(and(eq(evaluations.orderId, order.id), eq(evaluations.authorityId, authorityId)));
  const [request] = await db
    .select({ evaluatorUserId: evaluationRequests.evaluatorUserId, name: users.name })
    .from(evaluationRequests)
    .leftJoin(users, eq(users.id, evaluationRequests.evaluatorUserId))
    .where(eq(evaluationRequests.orderId, order.id));
  const [adviser] = order.adviserUserId ? await db.select({ name: users.name }).from(users).where(eq(users.id, order.adviserUserId)) : [];
  // The head may name a colleague of the school to evaluate instead.
  const colleagues = powers.evaluator
    ? await db
        .selectDistinct({ id: users.id, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, order.schoolId))
        .orderBy(asc(users.name))
    : [];
  return {
    order,
    powers: { ...powers, evaluator, viewOrder: mayViewOrder(actor.grants, authorityId, order) },
    sessions,
    milestones,
    confirmation: confirmation ?? null,
    evaluation: evaluation ? { ...evaluation.evaluation, evaluatorName: evaluation.evaluatorName } : null,
    namedEvaluator: request?.evaluatorUserId ? { id: request.evaluatorUserId, name: request.name ?? "" } : null,
    adviserName: adviser?.name ?? null,
    impact: evaluation ? await impactOfOrder(db, { authorityId, orderId: order.id }) : [],
    colleagues: colleagues.filter((c) => c.id !== actor.id),
  };
}

export type DeliveryPage = Awaited<ReturnType<typeof deliveryPage>>;

/** A delegate's certificate of attendance: for the school, the provider and the authority's oversight, only once they attended. */
export async function certificate(db: Database, { actor, authorityId, placeId }: { actor: Actor; authorityId: string; placeId: string }) {
  if (!isUuid(placeId)) throw new AppError("NOT_FOUND", t("refusal.delivery.certificateNotFound"));
  const [place] = await db
    .select({ place: schema.sessionPlaces, session: schema.deliverySessions })
    .from(schema.sessionPlaces)
    .innerJoin(schema.deliverySessions, eq(schema.deliverySessions.id, schema.sessionPlaces.sessionId))
    .where(and(eq(schema.sessionPlaces.id, placeId), eq(schema.sessionPlaces.authorityId, authorityId)));
  if (!place || place.place.attended !== true) throw new AppError("NOT_FOUND", t("refusal.delivery.certificateNotFound"));
  const order = await loadOrderForDelivery(db, { authorityId, orderId: place.place.orderId });
  if (!deliveryPowers(actor, authorityId, order).view) throw new AppError("FORBIDDEN", t("refusal.delivery.cannotSeeCertificate"));
  return {
    delegateName: place.place.delegateName,
    schoolName: order.schoolName,
    providerName: order.providerName,
    title: order.title,
    startsAt: place.session.startsAt,
    durationMinutes: place.session.durationMinutes,
    orderId: order.id,
    placeId: place.place.id,
  };
}
