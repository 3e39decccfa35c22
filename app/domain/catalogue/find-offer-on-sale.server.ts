import { and, eq, sql } from "drizzle-orm";
import { offerRevisions, offers, organisations, providers, shortlistItems, type Queryable } from "~/db.server";
import { isUuid } from "~/domain/ids";
import { onSaleCondition } from "./on-sale.server";

export type FindOfferOnSaleOptions = { authorityId: string; userId: string; offerId: string; now?: Date };

/** An offer as a buyer sees it, or null when it is not on sale in their authority (or the id is not an id). */
export async function findOfferOnSale(db: Queryable, { authorityId, userId, offerId, now = new Date() }: FindOfferOnSaleOptions) {
  if (!isUuid(offerId)) return null;
  const [row] = await db
    .select({
      id: offers.id,
      approvedAt: offers.approvedAt,
      approvalExpiresAt: offers.approvalExpiresAt,
      commissionedAt: offers.commissionedAt,
      revision: {
        title: offerRevisions.title,
        summary: offerRevisions.summary,
        description: offerRevisions.description,
        titleCy: offerRevisions.titleCy,
        summaryCy: offerRevisions.summaryCy,
        descriptionCy: offerRevisions.descriptionCy,
        subjectAreas: offerRevisions.subjectAreas,
        phases: offerRevisions.phases,
        deliveryFormat: offerRevisions.deliveryFormat,
        duration: offerRevisions.duration,
        capacityUnit: offerRevisions.capacityUnit,
        minCapacity: offerRevisions.minCapacity,
        maxCapacity: offerRevisions.maxCapacity,
        pricingModel: offerRevisions.pricingModel,
        priceTiers: offerRevisions.priceTiers,
        fromPricePence: offerRevisions.fromPricePence,
        vatTreatment: offerRevisions.vatTreatment,
        outcomes: offerRevisions.outcomes,
        evidence: offerRevisions.evidence,
        evidenceStrength: offerRevisions.evidenceStrength,
        terms: offerRevisions.terms,
        deliveryTerms: offerRevisions.deliveryTerms,
        cancellationTerms: offerRevisions.cancellationTerms,
        cancellationNoticeDays: offerRevisions.cancellationNoticeDays,
        conditions: offerRevisions.conditions,
      },
      provider: {
        id: organisations.id,
        name: organisations.name,
        kind: providers.providerKind,
        verified: sql<boolean>`${providers.verifiedAt} is not null`,
      },
      shortlisted: sql<boolean>`exists (select 1 from ${shortlistItems} where ${shortlistItems.userId} = ${userId} and ${shortlistItems.offerId} = ${offers.id})`,
    })
    .from(offers)
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .innerJoin(organisations, eq(organisations.id, offers.providerId))
    .leftJoin(providers, eq(providers.organisationId, offers.providerId))
    .where(and(eq(offers.id, offerId), eq(offers.authorityId, authorityId), onSaleCondition(now)));
  return row ?? null;
}

export type OfferOnSale = NonNullable<Awaited<ReturnType<typeof findOfferOnSale>>>;

/**
 * Why an offer of the authority is not on sale, for a buyer who follows an old link (from an order, a
 * shortlist, an email): suspended, its quality assurance lapsed, or never yet on sale. Null when the
 * authority has no such offer, which the buyer is told as "page not found".
 */
export async function whyNotOnSale(db: Queryable, { authorityId, offerId, now = new Date() }: Omit<FindOfferOnSaleOptions, "userId">) {
  if (!isUuid(offerId)) return null;
  const [row] = await db
    .select({ title: offerRevisions.title, suspendedAt: offers.suspendedAt, approvalExpiresAt: offers.approvalExpiresAt })
    .from(offers)
    .leftJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .where(and(eq(offers.id, offerId), eq(offers.authorityId, authorityId)));
  if (!row) return null;
  if (row.suspendedAt) return { reason: "suspended" as const, title: row.title, since: row.suspendedAt };
  if (row.title && row.approvalExpiresAt && row.approvalExpiresAt <= now) return { reason: "lapsed" as const, title: row.title, since: row.approvalExpiresAt };
  return { reason: "notYet" as const, title: row.title, since: null };
}
