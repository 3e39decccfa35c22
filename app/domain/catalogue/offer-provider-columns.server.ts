import { sql } from "drizzle-orm";
import { offerRatings, organisations, providers } from "~/db.server";

/**
 * What a buyer sees of an offer's provider and rating, as columns of a select that joins
 * `organisations` and `providers` on the offer's provider and `offer_ratings` on the offer.
 */
export const providerAndRatingColumns = {
  providerName: organisations.name,
  providerKind: providers.providerKind,
  providerVerified: sql<boolean>`${providers.verifiedAt} is not null`,
  ratingEvaluations: sql<number>`coalesce(${offerRatings.evaluations}, 0)`,
  ratingScoreSum: sql<number>`coalesce(${offerRatings.scoreSum}, 0)`,
};
