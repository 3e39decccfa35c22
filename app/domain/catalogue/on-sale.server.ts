import { and, eq, gt, isNotNull, isNull, type SQL } from "drizzle-orm";
import { offers } from "~/db.server";

/** An offer is on sale when it has a live approved revision, its approval has not expired and it is not suspended. */
export function onSaleCondition(now: Date): SQL {
  return and(isNotNull(offers.liveRevisionId), gt(offers.approvalExpiresAt, now), isNull(offers.suspendedAt)) as SQL;
}

/** The same rule for one offer, scoped to its authority. */
export const onSaleOffer = (offerId: string, authorityId: string, now: Date) =>
  and(eq(offers.id, offerId), eq(offers.authorityId, authorityId), onSaleCondition(now)) as SQL;
