import { and, asc, eq, sql, type SQLWrapper } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { offerRatings, offerRevisions, offers, organisations, preparedQuery, providers, shortlistItems, users, type Queryable } from "~/db.server";
import { onSaleCondition } from "./on-sale.server";
import { providerAndRatingColumns } from "./offer-provider-columns.server";

export type LoadShortlistOptions = { authorityId: string; userId: string; now?: Date };

/**
 * The buyer's shortlist in their authority, oldest first, in one statement. An offer that has
 * gone off sale stays on the list, marked, so the buyer sees why it no longer compares.
 */
export async function loadShortlist(db: Queryable, { authorityId, userId, now = new Date() }: LoadShortlistOptions) {
  const rows = await db
    .select({
      id: offers.id,
      onSale: sql<boolean>`coalesce(${onSaleCondition(now)}, false)`,
      approvedAt: offers.approvedAt,
      title: offerRevisions.title,
      titleCy: offerRevisions.titleCy,
      subjectAreas: offerRevisions.subjectAreas,
      phases: offerRevisions.phases,
      deliveryFormat: offerRevisions.deliveryFormat,
      pricingModel: offerRevisions.pricingModel,
      priceTiers: offerRevisions.priceTiers,
      outcomes: offerRevisions.outcomes,
      evidenceStrength: offerRevisions.evidenceStrength,
      terms: offerRevisions.terms,
      duration: offerRevisions.duration,
      ...providerAndRatingColumns,
    })
    .from(shortlistItems)
    .innerJoin(offers, eq(offers.id, shortlistItems.offerId))
    .leftJoin(offerRevisions, eq(offerRevisions.id, offers.liveRevisionId))
    .innerJoin(organisations, eq(organisations.id, offers.providerId))
    .leftJoin(providers, eq(providers.organisationId, offers.providerId))
    .leftJoin(offerRatings, eq(offerRatings.offerId, offers.id))
    .where(and(eq(shortlistItems.userId, userId), eq(offers.authorityId, authorityId)))
    .orderBy(asc(shortlistItems.createdAt), asc(offers.id));
  return rows;
}

export type ShortlistEntry = Awaited<ReturnType<typeof loadShortlist>>[number];

/**
 * How many offers the person `userId` has on their shortlist in the authority `authorityId`, as an SQL
 * expression: the session's own statement reads it for the navigation (app/auth/user.server.ts), and
 * adding to the shortlist reads it to keep the list to its limit.
 */
export const shortlistCountOf = (userId: SQLWrapper, authorityId: SQLWrapper) =>
  sql<number>`(${new QueryBuilder()
    .select({ count: sql<number>`count(*)::int` })
    .from(shortlistItems)
    .innerJoin(offers, eq(offers.id, shortlistItems.offerId))
    .where(and(eq(shortlistItems.userId, userId), eq(offers.authorityId, authorityId)))})`;

const shortlistCount = preparedQuery((db) =>
  db
    .select({ count: shortlistCountOf(users.id, sql.placeholder("authorityId")) })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("count_shortlist"),
);

/** How many offers are on the buyer's shortlist in their authority (none for a person who does not exist). */
export async function countShortlist(db: Queryable, { authorityId, userId }: { authorityId: string; userId: string }) {
  const [row] = await shortlistCount(db).execute({ authorityId, userId });
  return row?.count ?? 0;
}
