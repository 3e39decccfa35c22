// What the delivery and evaluation pages read, for other areas too (the school-by-school view,
// the catalogue). Every query is scoped by the authority; callers check who may see it.
import { and, asc, count, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type Queryable } from "~/db.server";
import { memberToday } from "~/domain/consortia/schools-of-consortium-on.server";
import { isUuid } from "~/domain/ids";
import { averageRating, ratingDistribution, ratingLabel } from "./rules";

const {
  evaluations,
  impactFollowUps,
  offerRatings,
  orders,
  offerRevisions,
  organisations,
  schoolAdvisers,
  consortiumMemberships,
  deliveryConfirmations,
  users,
} = schema;
const providerOrg = alias(organisations, "provider_org");
const schoolOrg = alias(organisations, "school_org");

const evaluationColumns = {
  id: evaluations.id,
  orderId: evaluations.orderId,
  offerId: evaluations.offerId,
  schoolId: evaluations.schoolId,
  schoolName: schoolOrg.name,
  title: offerRevisions.title,
  providerName: providerOrg.name,
  quality: evaluations.quality,
  impact: evaluations.impact,
  valueForMoney: evaluations.valueForMoney,
  wouldRecommend: evaluations.wouldRecommend,
  status: evaluations.status,
  submittedAt: evaluations.submittedAt,
  signedOffAt: evaluations.signedOffAt,
};

const evaluationQuery = (db: Queryable) =>
  db
    .select(evaluationColumns)
    .from(evaluations)
    .innerJoin(orders, eq(orders.id, evaluations.orderId))
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(providerOrg, eq(providerOrg.id, orders.providerId))
    .innerJoin(schoolOrg, eq(schoolOrg.id, evaluations.schoolId));

/** Every evaluation one school made, newest first: for the school's own pages and the school-by-school view. */
export const evaluationsOfSchool = (db: Queryable, { authorityId, schoolId }: { authorityId: string; schoolId: string }) =>
  isUuid(schoolId)
    ? evaluationQuery(db)
        .where(and(eq(evaluations.authorityId, authorityId), eq(evaluations.schoolId, schoolId)))
        .orderBy(desc(evaluations.submittedAt))
    : Promise.resolve([]);

/** The evaluations of the schools an adviser looks after: those waiting for them first. */
export const evaluationsForAdviser = (db: Queryable, { authorityId, adviserUserId }: { authorityId: string; adviserUserId: string }) =>
  evaluationQuery(db)
    .innerJoin(schoolAdvisers, eq(schoolAdvisers.schoolId, evaluations.schoolId))
    .where(and(eq(evaluations.authorityId, authorityId), eq(schoolAdvisers.adviserUserId, adviserUserId)))
    .orderBy(sql`case when ${evaluations.status} = 'signed_off' then 1 else 0 end`, desc(evaluations.submittedAt));

/** An offer's rating: the average, the count, the distribution by whole point and the share who would recommend it. */
export async function ratingsOfOffer(db: Queryable, { authorityId, offerId }: { authorityId: string; offerId: string }) {
  if (!isUuid(offerId)) return null;
  const rows = await db
    .select({ quality: evaluations.quality, impact: evaluations.impact, valueForMoney: evaluations.valueForMoney, wouldRecommend: evaluations.wouldRecommend })
    .from(evaluations)
    .where(and(eq(evaluations.authorityId, authorityId), eq(evaluations.offerId, offerId)));
  const [totals] = await db
    .select({ evaluations: offerRatings.evaluations, scoreSum: offerRatings.scoreSum, reReviewRequestedAt: offerRatings.reReviewRequestedAt })
    .from(offerRatings)
    .where(and(eq(offerRatings.authorityId, authorityId), eq(offerRatings.offerId, offerId)));
  const sums = totals ?? { evaluations: 0, scoreSum: 0, reReviewRequestedAt: null };
  return {
    evaluations: sums.evaluations,
    average: averageRating(sums),
    label: ratingLabel(sums),
    distribution: ratingDistribution(rows),
    recommend: rows.filter((r) => r.wouldRecommend).length,
    reReviewRequestedAt: sums.reReviewRequestedAt,
  };
}

export type OfferRating = NonNullable<Awaited<ReturnType<typeof ratingsOfOffer>>>;

/** The ratings of several offers at once (the compare page): average label and count by offer. */
export async function ratingsOfOffers(db: Queryable, { authorityId, offerIds }: { authorityId: string; offerIds: string[] }) {
  const ids = offerIds.filter(isUuid);
  if (ids.length === 0) return new Map<string, { evaluations: number; label: string | null }>();
  const rows = await db
    .select()
    .from(offerRatings)
    .where(and(eq(offerRatings.authorityId, authorityId), inArray(offerRatings.offerId, ids)));
  return new Map(rows.map((r) => [r.offerId, { evaluations: r.evaluations, label: ratingLabel(r) }]));
}

/** A school's delivered orders of this offer that it has not evaluated: asked about before it buys the offer again. */
export const unevaluatedOrdersOf = (db: Queryable, { authorityId, schoolId, offerId }: { authorityId: string; schoolId: string; offerId: string }) =>
  isUuid(schoolId) && isUuid(offerId)
    ? db
        .select({ id: orders.id, deliveredAt: orders.deliveredAt })
        .from(orders)
        .leftJoin(evaluations, eq(evaluations.orderId, orders.id))
        .where(
          and(
            eq(orders.authorityId, authorityId),
            eq(orders.schoolId, schoolId),
            eq(orders.offerId, offerId),
            eq(orders.status, "delivered"),
            isNull(evaluations.id),
          ),
        )
        .orderBy(desc(orders.deliveredAt))
    : Promise.resolve([]);

/** A school's delivered orders waiting for its evaluation (its home task). */
export async function awaitingEvaluation(db: Queryable, { authorityId, schoolId }: { authorityId: string; schoolId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(orders)
    .leftJoin(evaluations, eq(evaluations.orderId, orders.id))
    .leftJoin(deliveryConfirmations, eq(deliveryConfirmations.orderId, orders.id))
    .where(
      and(
        eq(orders.authorityId, authorityId),
        eq(orders.schoolId, schoolId),
        eq(orders.status, "delivered"),
        isNull(evaluations.id),
        sql`coalesce(${deliveryConfirmations.outcome}, 'confirmed') <> 'disputed'`,
      ),
    );
  return row.n;
}

/** Disputed deliveries of the authority, for finance and the commissioners. */
export const deliveryDisputes = (db: Queryable, { authorityId }: { authorityId: string }) =>
  db
    .select({
      orderId: orders.id,
      title: offerRevisions.title,
      schoolName: schoolOrg.name,
      providerName: providerOrg.name,
      reason: deliveryConfirmations.reason,
      disputedAt: deliveryConfirmations.decidedAt,
      disputedBy: users.name,
      netPence: orders.netPence,
    })
    .from(deliveryConfirmations)
    .innerJoin(orders, eq(orders.id, deliveryConfirmations.orderId))
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(schoolOrg, eq(schoolOrg.id, orders.schoolId))
    .innerJoin(providerOrg, eq(providerOrg.id, orders.providerId))
    .innerJoin(users, eq(users.id, deliveryConfirmations.decidedBy))
    .where(and(eq(deliveryConfirmations.authorityId, authorityId), eq(deliveryConfirmations.outcome, "disputed")))
    .orderBy(desc(deliveryConfirmations.decidedAt));

const impactQuery = (db: Queryable) =>
  db
    .select({
      id: impactFollowUps.id,
      schoolId: impactFollowUps.schoolId,
      schoolName: schoolOrg.name,
      orderId: evaluations.orderId,
      offerId: evaluations.offerId,
      title: offerRevisions.title,
      outcome: impactFollowUps.outcome,
      measure: impactFollowUps.measure,
      baseline: impactFollowUps.baseline,
      followUp: impactFollowUps.followUp,
      recordedAt: impactFollowUps.recordedAt,
    })
    .from(impactFollowUps)
    .innerJoin(evaluations, eq(evaluations.id, impactFollowUps.evaluationId))
    .innerJoin(orders, eq(orders.id, evaluations.orderId))
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(schoolOrg, eq(schoolOrg.id, impactFollowUps.schoolId));

/** The follow-ups of one order's evaluation. */
export const impactOfOrder = (db: Queryable, { authorityId, orderId }: { authorityId: string; orderId: string }) =>
  impactQuery(db)
    .where(and(eq(impactFollowUps.authorityId, authorityId), eq(evaluations.orderId, orderId)))
    .orderBy(asc(impactFollowUps.recordedAt));

/** The follow-ups of the schools in a consortium today. */
export const impactOfConsortium = (db: Queryable, { authorityId, consortiumId, now = new Date() }: { authorityId: string; consortiumId: string; now?: Date }) =>
  impactQuery(db)
    .innerJoin(
      consortiumMemberships,
      and(eq(consortiumMemberships.schoolId, impactFollowUps.schoolId), eq(consortiumMemberships.consortiumId, consortiumId), memberToday(now)),
    )
    .where(eq(impactFollowUps.authorityId, authorityId))
    .orderBy(desc(impactFollowUps.recordedAt));

/** Every follow-up in the authority, newest first. */
export const impactOfAuthority = (db: Queryable, { authorityId }: { authorityId: string }) =>
  impactQuery(db).where(eq(impactFollowUps.authorityId, authorityId)).orderBy(desc(impactFollowUps.recordedAt)).limit(500);

/** The delivered orders of a provider not yet confirmed or disputed, and its sessions to come: the provider's home. */
export async function providerDeliveryCounts(db: Queryable, { authorityId, providerId }: { authorityId: string; providerId: string }) {
  const [toDeliver] = await db
    .select({ n: count() })
    .from(orders)
    .where(
      and(
        eq(orders.authorityId, authorityId),
        eq(orders.providerId, providerId),
        inArray(orders.status, ["placed", "confirmed"]),
        sql`${orders.potRequest} is distinct from 'requested'`,
        ne(orders.status, "cancelled"),
      ),
    );
  return { toDeliver: toDeliver.n };
}
