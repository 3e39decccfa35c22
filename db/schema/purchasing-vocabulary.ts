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
