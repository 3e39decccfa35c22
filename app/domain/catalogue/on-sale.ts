// The one rule for what is on sale. It is written once, clause by clause, and read two ways: as a
// test of an offer in hand (`isOnSale`) and as a condition over `offers` for queries (`onSaleCondition`
// in ./on-sale.server).

export type OfferSaleState = {
  liveRevisionId: string | null;
  approvalExpiresAt: Date | null;
  suspendedAt: Date | null;
};

/** What a clause asks of its column: a value, a moment still to come, or nothing. */
export type SaleClause = "present" | "after_now" | "absent";

/** On sale: an approved live revision, an approval that has not expired, not suspended. */
export const ON_SALE = [
  ["liveRevisionId", "present"],
  ["approvalExpiresAt", "after_now"],
  ["suspendedAt", "absent"],
] as const satisfies readonly (readonly [keyof OfferSaleState, SaleClause])[];

const holds = (value: string | Date | null, clause: SaleClause, now: Date) =>
  clause === "present" ? value !== null : clause === "absent" ? value === null : value !== null && (value as Date).getTime() > now.getTime();

/** Whether this offer is on sale now, by the rule above. */
export function isOnSale(offer: OfferSaleState, now: Date): boolean {
  return ON_SALE.every(([column, clause]) => holds(offer[column], clause, now));
}
