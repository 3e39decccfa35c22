// Reading offers and needs for the commissioning unit and for providers answering calls for offers.
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { isUuid } from "~/domain/ids";
import { notFound } from "~/domain/errors";
import { t } from "~/i18n";

const { offers, offerRevisions, organisations, needs, needResponses } = schema;

/** Offers that have been approved at least once: the ones a commissioner can suspend or reinstate. */
export const approvedOffers = (db: Queryable, authorityId: string) =>
  db
    .select({
      offerId: offers.id,
      title: offerRevisions.title,
      providerName: organisations.name,
      approvedAt: offers.approvedAt,
      approvalExpiresAt: offers.approvalExpiresAt,
      suspendedAt: offers.suspendedAt,
      suspendedReason: offers.suspendedReason,
      commissionedAt: offers.commissionedAt,
    })
    .from(offers)
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .innerJoin(organisations, eq(organisations.id, offers.providerId))
    .where(and(eq(offers.authorityId, authorityId), isNotNull(offers.liveRevisionId)))
    .orderBy(asc(offerRevisions.title));

/** An offer of this authority that has a live revision, with its title and provider; NOT_FOUND otherwise. */
export async function loadLiveOffer(db: Queryable, { authorityId, offerId }: { authorityId: string; offerId: string }) {
  if (!isUuid(offerId)) throw notFound(t("refusal.catalogue.offerNotFound"));
  const [row] = await db
    .select({ offer: offers, title: offerRevisions.title, subjectAreas: offerRevisions.subjectAreas, providerName: organisations.name })
    .from(offers)
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .innerJoin(organisations, eq(organisations.id, offers.providerId))
    .where(and(eq(offers.id, offerId), eq(offers.authorityId, authorityId)));
  if (!row) throw notFound(t("refusal.catalogue.offerNotFound"));
  return row;
}

export const authorityNeeds = (db: Queryable, { authorityId, statuses }: { authorityId: string; statuses: (typeof needs.$inferSelect)["status"][] }) =>
  db
    .select()
    .from(needs)
    .where(and(eq(needs.authorityId, authorityId), inArray(needs.status, statuses)))
    .orderBy(asc(needs.closesOn), desc(needs.createdAt));

export async function loadNeed(db: Queryable, { authorityId, needId }: { authorityId: string; needId: string }) {
  if (!isUuid(needId)) throw notFound(t("refusal.commissioning.needNotFound"));
  const [need] = await db
    .select()
    .from(needs)
    .where(and(eq(needs.id, needId), eq(needs.authorityId, authorityId)));
  if (!need) throw notFound(t("refusal.commissioning.needNotFound"));
  return need;
}

/** The answers to a need with each offer's live content, for side-by-side comparison. */
export const needAnswers = (db: Queryable, { authorityId, needId }: { authorityId: string; needId: string }) =>
  db
    .select({
      offerId: offers.id,
      note: needResponses.note,
      answeredAt: needResponses.createdAt,
      providerName: organisations.name,
      title: offerRevisions.title,
      summary: offerRevisions.summary,
      deliveryFormat: offerRevisions.deliveryFormat,
      phases: offerRevisions.phases,
      priceTiers: offerRevisions.priceTiers,
      pricingModel: offerRevisions.pricingModel,
      evidenceStrength: offerRevisions.evidenceStrength,
      outcomes: offerRevisions.outcomes,
      approvedAt: offers.approvedAt,
      approvalExpiresAt: offers.approvalExpiresAt,
      suspendedAt: offers.suspendedAt,
      liveRevisionId: offers.liveRevisionId,
    })
    .from(needResponses)
    .innerJoin(offers, eq(offers.id, needResponses.offerId))
    .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .innerJoin(organisations, eq(organisations.id, offers.providerId))
    .where(and(eq(needResponses.needId, needId), eq(needResponses.authorityId, authorityId)))
    .orderBy(asc(needResponses.createdAt));

/** Today's date in England, as the yyyy-mm-dd a `date` column holds. */
export const londonToday = (now: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
