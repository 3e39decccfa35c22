// Loading what a purchase needs, always scoped to the authority: an id of another authority finds nothing.
import { and, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { onSaleCondition } from "~/domain/catalogue/on-sale.server";
import { memberToday } from "~/domain/consortia/schools-of-consortium-on.server";
import { findOrNotFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import type { OfferForSale } from "./charge.server";
import { t } from "~/i18n";

const { offers, offerRevisions, providers, organisations, schools, consortiumMemberships } = schema;

export async function loadOfferForSale(tx: Queryable, { authorityId, offerId, now }: { authorityId: string; offerId: string; now: Date }) {
  const row = await findOrNotFound(offerId, t("refusal.purchasing.offerNotOnSale"), () =>
    tx
      .select({
        offerId: offers.id,
        revisionId: offerRevisions.id,
        title: offerRevisions.title,
        titleCy: offerRevisions.titleCy,
        providerId: offers.providerId,
        providerName: organisations.name,
        providerKind: providers.providerKind,
        pricingModel: offerRevisions.pricingModel,
        priceTiers: offerRevisions.priceTiers,
        vatTreatment: offerRevisions.vatTreatment,
        cancellationNoticeDays: offerRevisions.cancellationNoticeDays,
        cancellationTerms: offerRevisions.cancellationTerms,
      })
      .from(offers)
      .innerJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
      .innerJoin(providers, eq(providers.organisationId, offers.providerId))
      .innerJoin(organisations, eq(organisations.id, offers.providerId))
      .where(and(eq(offers.id, offerId), eq(offers.authorityId, authorityId), onSaleCondition(now))),
  );
  return { ...row, pricingModel: row.pricingModel ?? "per_school" } satisfies OfferForSale & Record<string, unknown>;
}
export type LoadedOffer = Awaited<ReturnType<typeof loadOfferForSale>>;

/** A school that buys, with the consortium it is in today (a move recorded for a later day has not happened yet). */
export async function loadSchool(tx: Queryable, { authorityId, schoolId, now = new Date() }: { authorityId: string; schoolId: string; now?: Date }) {
  return findOrNotFound(schoolId, t("refusal.consortia.schoolNotFound"), () =>
    tx
      .select({
        id: schools.organisationId,
        name: organisations.name,
        establishmentType: schools.establishmentType,
        laMaintained: schools.laMaintained,
        numberOnRoll: schools.numberOnRoll,
        costCentre: schools.costCentre,
        consortiumId: consortiumMemberships.consortiumId,
      })
      .from(schools)
      .innerJoin(organisations, eq(organisations.id, schools.organisationId))
      .leftJoin(consortiumMemberships, and(eq(consortiumMemberships.schoolId, schools.organisationId), memberToday(now)))
      .where(and(eq(schools.organisationId, schoolId), eq(schools.authorityId, authorityId))),
  );
}
export type LoadedSchool = Awaited<ReturnType<typeof loadSchool>>;

/** A collective purchase of the authority, locked for the transaction when `lock` is set; 404 otherwise. */
export async function loadCollectivePurchase(db: Queryable, authorityId: string, id: string, { lock = false }: { lock?: boolean } = {}) {
  const { collectivePurchases } = schema;
  const query = db
    .select()
    .from(collectivePurchases)
    .where(and(eq(collectivePurchases.id, id), eq(collectivePurchases.authorityId, authorityId)));
  return findOrNotFound(id, t("refusal.purchasing.collectivePurchaseNotFound"), () => (lock ? query.for("update") : query));
}

/** An order of the authority, locked for the transaction; undefined when there is none, for the caller to say what was not found. */
export async function lockOrder(tx: Queryable, authorityId: string, orderId: string) {
  if (!isUuid(orderId)) return undefined;
  const { orders } = schema;
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.authorityId, authorityId)))
    .for("update");
  return order;
}
