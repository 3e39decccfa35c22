// The words of buying, free of the database so that pages can use them in the browser too.
export const PAYMENT_ROUTES = ["invoice", "internal_recharge", "consortium_pot", "card"] as const;
export type PaymentRoute = (typeof PAYMENT_ROUTES)[number];
export const ORDER_STATUSES = ["placed", "confirmed", "cancelled", "delivered"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const SHARE_METHODS = ["equal", "per_pupil", "per_delegate"] as const;
export type ShareMethod = (typeof SHARE_METHODS)[number];
export const COLLECTIVE_PURCHASE_STATUSES = ["open", "confirmed", "cancelled"] as const;
export type CollectivePurchaseStatus = (typeof COLLECTIVE_PURCHASE_STATUSES)[number];
export const PLEDGE_STATUSES = ["joined", "declined", "withdrawn"] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export const INVOICE_STATUSES = ["issued", "paid", "credited"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const POT_REQUEST_STATUSES = ["requested", "approved", "refused"] as const;
export type PotRequestStatus = (typeof POT_REQUEST_STATUSES)[number];

/**
 * Why an invoice line's amount is what it is, kept on the line when the invoice is issued so the
 * page explains it as it stood then: the tier reached and the rule that gave the school its share.
 */
export type InvoiceLineBasis = {
  kind: "collective_share";
  method: ShareMethod;
  /** The offer's pricing model, which says what a unit is. */
  model: "per_school" | "per_delegate" | "per_pupil" | "fixed_package";
  /** Schools in the purchase, and the price per unit at the tier their number reached. */
  schools: number;
  tierUnitPricePence: number;
  /** Units bought by all the schools together (schools, pupils or delegates, by the pricing model). */
  units: number;
  totalPence: number;
  /** The school's weight under the method (its pupils or delegates, or 1) and all the schools' together. */
  mine: number;
  of: number;
  capAtSolo: boolean;
};
