import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, pence, keyOf, refersTo } from "./columns";
import { userIdColumn, users } from "./identity";
import { invoiceIdColumn, orderIdColumn } from "./purchasing";
import { authorityIdColumn, organisations, providerIdColumn, schoolIdColumn } from "./tenancy";

export const DISPUTE_STATUSES = ["open", "won", "lost"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const STRIPE_CHECKOUT_STATUSES = ["preparing", "open", "processing", "paid", "failed", "expired"] as const;
export type StripeCheckoutStatus = (typeof STRIPE_CHECKOUT_STATUSES)[number];

/**
 * One attempt by a school to pay (part of) an invoice through Stripe Checkout. Its id is the
 * idempotency key of the Checkout Session, which the outbox creates after this row commits; the
 * payment itself is recorded only when Stripe's webhook says the money arrived.
 */
export const stripeCheckouts = pgTable(
  "stripe_checkouts",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    invoiceId: invoiceIdColumn(),
    schoolId: schoolIdColumn(),
    amountPence: pence("amount_pence").notNull(),
    status: text("status", { enum: STRIPE_CHECKOUT_STATUSES }).notNull().default("preparing"),
    sessionId: text("session_id"),
    url: text("url"),
    paymentIntentId: text("payment_intent_id"),
    chargeId: text("charge_id"),
    paymentMethod: text("payment_method"),
    failureReason: text("failure_reason"),
    refundedPence: pence("refunded_pence").notNull().default(0),
    disputedAt: at("disputed_at"),
    disputeReason: text("dispute_reason"),
    /** Stripe's dispute of the charge (a charge has at most one) and where it stands: open, won or lost. */
    disputeId: text("dispute_id"),
    disputeStatus: text("dispute_status", { enum: DISPUTE_STATUSES }),
    createdBy: userIdColumn("created_by"),
    createdAt: createdAt(),
    completedAt: at("completed_at"),
  },
  (t) => [
    uniqueIndex("stripe_checkouts_session_idx").on(t.sessionId),
    index("stripe_checkouts_invoice_idx").on(t.invoiceId),
    index("stripe_checkouts_intent_idx").on(t.paymentIntentId),
    index("stripe_checkouts_charge_idx").on(t.chargeId),
    check("stripe_checkouts_amount_check", sql`${t.amountPence} > 0 and ${t.refundedPence} >= 0 and ${t.refundedPence} <= ${t.amountPence}`),
  ],
);

/** Every webhook event Stripe sent, by its id: each is processed once, whatever the order or number of deliveries. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  objectId: text("object_id").notNull(),
  receivedAt: createdAt(),
  processedAt: at("processed_at"),
  /** What processing found, for the operator: "recorded", "ignored: …". */
  outcome: text("outcome"),
});

export const CONNECT_STATUSES = ["creating", "onboarding", "restricted", "enabled"] as const;
export type ConnectStatus = (typeof CONNECT_STATUSES)[number];

/** A provider's Stripe Connect Express account, which receives its share of paid sales. */
export const stripeAccounts = pgTable(
  "stripe_accounts",
  {
    providerId: keyOf("provider_id", () => organisations.id),
    authorityId: authorityIdColumn(),
    accountId: text("account_id"),
    status: text("status", { enum: CONNECT_STATUSES }).notNull().default("creating"),
    detailsSubmitted: boolean("details_submitted").notNull().default(false),
    payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
    createdBy: userIdColumn("created_by"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("stripe_accounts_account_idx").on(t.accountId)],
);

export const TRANSFER_STATUSES = ["held", "queued", "sent", "reversed"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * The provider's share of one paid order, moved to its connected account when the school
 * confirms delivery. Held while the provider has no account able to take payouts.
 */
export const stripeTransfers = pgTable(
  "stripe_transfers",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    orderId: orderIdColumn(),
    providerId: providerIdColumn(),
    /** What the transfer is for: "delivery", or a milestone's name. */
    milestone: text("milestone").notNull().default("delivery"),
    amountPence: pence("amount_pence").notNull(),
    status: text("status", { enum: TRANSFER_STATUSES }).notNull(),
    transferId: text("transfer_id"),
    reversedPence: pence("reversed_pence").notNull().default(0),
    /**
     * What the school had been refunded when the amount was set: the amount is already the
     * provider's share of what was left, so a later refund takes back only its own proportion.
     */
    refundedBasisPence: pence("refunded_basis_pence").notNull().default(0),
    requestedBy: uuid("requested_by").references(() => users.id),
    createdAt: createdAt(),
    sentAt: at("sent_at"),
  },
  (t) => [
    uniqueIndex("stripe_transfers_order_idx").on(t.orderId, t.milestone),
    uniqueIndex("stripe_transfers_transfer_idx").on(t.transferId),
    index("stripe_transfers_provider_idx").on(t.providerId, t.status),
    check("stripe_transfers_amount_check", sql`${t.amountPence} > 0 and ${t.reversedPence} >= 0 and ${t.reversedPence} <= ${t.amountPence}`),
  ],
);

export const REFUND_STATUSES = ["queued", "succeeded", "failed"] as const;

/** Finance giving a card or bank-debit payment back through Stripe. */
export const stripeRefunds = pgTable(
  "stripe_refunds",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    checkoutId: refersTo("checkout_id", () => stripeCheckouts.id),
    amountPence: pence("amount_pence").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: REFUND_STATUSES }).notNull().default("queued"),
    refundId: text("refund_id"),
    /** Null for a refund made in Stripe's dashboard, which its webhook tells us of. */
    requestedBy: uuid("requested_by").references(() => users.id),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
    settledAt: at("settled_at"),
  },
  (t) => [
    uniqueIndex("stripe_refunds_key_idx").on(t.idempotencyKey),
    uniqueIndex("stripe_refunds_refund_idx").on(t.refundId),
    check("stripe_refunds_amount_check", sql`${t.amountPence} > 0`),
  ],
);
