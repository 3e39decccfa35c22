import { and, gt, isNotNull, isNull, type SQL } from "drizzle-orm";
import { offers } from "~/db.server";

/**
 * The one rule for what is on sale, as a condition over `offers`: an approved live revision,
 * an approval that has not expired, not suspended. The same rule as `isOnSale` in
 * ~/domain/quality/offer-workflow, for queries. Callers add the authority scope.
 */
export function onSaleCondition(now: Date): SQL {
  return and(isNotNull(offers.liveRevisionId), gt(offers.approvalExpiresAt, now), isNull(offers.suspendedAt))!;
}
