import { and, gt, isNotNull, isNull, type SQL } from "drizzle-orm";
import { offers } from "~/db.server";

/**
 * The one rule for what is on sale: an approved revision is live, its approval has not
 * expired, and the offer is not suspended. Every query that shows or sells an offer uses it,
 * together with the buyer's authority in the same `where`.
 */
export function onSaleCondition(now: Date): SQL {
  return and(isNotNull(offers.liveRevisionId), gt(offers.approvalExpiresAt, now), isNull(offers.suspendedAt))!;
}
