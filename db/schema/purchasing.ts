import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, pence, type StoredMessage, refersTo } from "./columns";
import { offerIdColumn, revisionIdColumn, type BuyerType, type PricingModel, type VatTreatment } from "./catalogue";
import { fundingFormulas } from "./funding";
import { userIdColumn, users } from "./identity";
import {
  COLLECTIVE_PURCHASE_STATUSES,
  INVOICE_STATUSES,
  type InvoiceLineBasis,
  ORDER_STATUSES,
  PAYMENT_ROUTES,
  PLEDGE_STATUSES,
  POT_REQUEST_STATUSES,
  SHARE_METHODS,
} from "./purchasing-vocabulary";
import { authorityIdColumn, consortia, consortiumIdColumn, providerIdColumn, schoolIdColumn } from "./tenancy";

export * from "./purchasing-vocabulary";

/**
 * A consortium buying one offer together: open until `closesAt`, then confirmed at the tier
 * the final count of schools reaches, or cancelled with nothing charged.
 */
export const collectivePurchases = pgTable(
  "collective_purchases",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    consortiumId: consortiumIdColumn(),
    offerId: offerIdColumn(),
    revisionId: revisionIdColumn(),
    openedBy: userIdColumn("opened_by"),
    closesAt: at("closes_at").notNull(),
    minSchools: integer("min_schools").notNull(),
    maxSchools: integer("max_schools"),
    delegatesPerSchool: integer("delegates_per_school").notNull().default(1),
    // The funding rule: what the consortium pot pays (any mix; the smallest limit wins).
    potPercentBps: integer("pot_percent_bps"),
    potPerSchoolPence: pence("pot_per_school_pence"),
    potCapPence: pence("pot_cap_pence"),
    shareMethod: text("share_method", { enum: SHARE_METHODS }).notNull().default("equal"),
    /**
     * The pot is the consortium's money: a contribution set by anyone but its lead waits for the
     * lead's approval ("requested") and nothing is taken from the pot until then. Null: no pot rule.
     */
    /** The lead's share rule: no school pays more than it would buying alone. */
    capAtSolo: boolean("cap_at_solo").notNull().default(false),
    potApproval: text("pot_approval", { enum: POT_REQUEST_STATUSES }),
    potDecidedBy: uuid("pot_decided_by").references(() => users.id),
    potDecidedAt: at("pot_decided_at"),
    message: text("message").notNull().default(""),
    status: text("status", { enum: COLLECTIVE_PURCHASE_STATUSES }).notNull().default("open"),
    finalUnitPricePence: pence("final_unit_price_pence"),
    totalPence: pence("total_pence"),
    potContributionPence: pence("pot_contribution_pence"),
    closedAt: at("closed_at"),
    closedBy: uuid("closed_by").references(() => users.id),
    cancelledReason: text("cancelled_reason"),
    /** Why it was cancelled by itself at its closing date, as a message for the reader's language (cancelledReason keeps the English). */
    cancelledReasonMessage: jsonb("cancelled_reason_message").$type<StoredMessage>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("collective_purchases_consortium_idx").on(t.consortiumId, t.status),
    index("collective_purchases_due_idx").on(t.status, t.closesAt),
    check("collective_purchases_schools_check", sql`${t.minSchools} >= 1 and (${t.maxSchools} is null or ${t.maxSchools} >= ${t.minSchools})`),
  ],
);

/** A school's answer to a collective purchase: one row per school, its status changing over time. */
export const pledges = pgTable(
  "pledges",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    collectivePurchaseId: refersTo("collective_purchase_id", () => collectivePurchases.id),
    schoolId: schoolIdColumn(),
    status: text("status", { enum: PLEDGE_STATUSES }).notNull(),
    delegates: integer("delegates").notNull().default(1),
    poNumber: text("po_number"),
    paymentRoute: text("payment_route", { enum: PAYMENT_ROUTES }).notNull().default("invoice"),
    pledgedBy: userIdColumn("pledged_by"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pledges_purchase_school_idx").on(t.collectivePurchaseId, t.schoolId), index("pledges_school_idx").on(t.schoolId)],
);

/** One school's purchase: bought on its own, or its part of a confirmed collective purchase. */
export const orders = pgTable(
  "orders",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    schoolId: schoolIdColumn(),
    offerId: offerIdColumn(),
    revisionId: revisionIdColumn(),
    providerId: providerIdColumn(),
    collectivePurchaseId: uuid("collective_purchase_id").references(() => collectivePurchases.id),
    /** The consortium whose pot shares in the income: the buying consortium, or the school's current one. */
    consortiumId: uuid("consortium_id").references(() => consortia.organisationId),
    pricingModel: text("pricing_model").$type<PricingModel>().notNull(),
    /** Units charged at the unit price: 1 per school, the delegates, or the pupils. */
    quantity: integer("quantity").notNull(),
    delegates: integer("delegates").notNull().default(1),
    unitPricePence: pence("unit_price_pence").notNull(),
    buyerType: text("buyer_type").$type<BuyerType>().notNull(),
    vatTreatment: text("vat_treatment").$type<VatTreatment>().notNull(),
    /** The sale, net of VAT: what the provider, authority and pot share. */
    netPence: pence("net_pence").notNull(),
    /** The consortium pot's part of the net. */
    potContributionPence: pence("pot_contribution_pence").notNull().default(0),
    /** VAT on the school's part (the pot's contribution is a grant outside the scope of VAT). */
    vatPence: pence("vat_pence").notNull(),
    /** What the school pays: its part of the net plus VAT. */
    payablePence: pence("payable_pence").notNull(),
    grossPence: pence("gross_pence").notNull(),
    paymentRoute: text("payment_route", { enum: PAYMENT_ROUTES }).notNull(),
    poNumber: text("po_number"),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    /** When the provider is to start delivering; cancellation closes the offer's notice period before it. */
    deliveryStartsOn: date("delivery_starts_on"),
    idempotencyKey: text("idempotency_key").notNull(),
    placedBy: userIdColumn("placed_by"),
    /** A school paying from its consortium pot on its own asks the lead first: requested, approved or refused. */
    potRequest: text("pot_request", { enum: POT_REQUEST_STATUSES }),
    potDecidedBy: uuid("pot_decided_by").references(() => users.id),
    potDecidedAt: at("pot_decided_at"),
    paidAt: at("paid_at"),
    // How the paid net was shared out (set with the split entry): they add up to netPence.
    providerSharePence: pence("provider_share_pence"),
    authoritySharePence: pence("authority_share_pence"),
    potSharePence: pence("pot_share_pence"),
    cancelledAt: at("cancelled_at"),
    cancelledBy: uuid("cancelled_by").references(() => users.id),
    deliveredAt: at("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("orders_idempotency_key_idx").on(t.idempotencyKey),
    index("orders_school_idx").on(t.schoolId, t.createdAt),
    index("orders_provider_idx").on(t.providerId, t.createdAt),
    index("orders_authority_idx").on(t.authorityId, t.createdAt),
    // The reports read a year of paid sales at a time: every column they sum or group by is in the
    // index, so they read it alone (an index-only scan) and never the orders themselves.
    index("orders_paid_report_idx")
      .on(
        t.authorityId,
        t.paidAt,
        t.status,
        t.revisionId,
        t.netPence,
        t.authoritySharePence,
        t.potSharePence,
        t.providerSharePence,
        t.consortiumId,
        t.providerId,
        t.schoolId,
        t.buyerType,
        t.paymentRoute,
        t.deliveryStartsOn,
      )
      .where(sql`paid_at is not null`),
    // Recognised income reads the sales paid outside its two academic years whose delivery starts within them.
    index("orders_delivery_starts_idx").on(t.authorityId, t.deliveryStartsOn).where(sql`paid_at is not null and delivery_starts_on is not null`),
    // The termly report reads what the pots spent in a term: by when the lead approved, else when ordered.
    index("orders_pot_spent_idx").on(t.authorityId, sql`coalesce(${t.potDecidedAt}, ${t.createdAt})`).where(sql`pot_contribution_pence > 0`),
    index("orders_collective_idx").on(t.collectivePurchaseId),
    // Finance filters sales by consortium within a period; by provider, orders_provider_idx serves.
    index("orders_consortium_idx").on(t.consortiumId, t.createdAt),
    index("orders_pot_requests_idx").on(t.consortiumId).where(sql`pot_request = 'requested'`),
    check(
      "orders_amounts_check",
      sql`${t.netPence} >= 0 and ${t.vatPence} >= 0 and ${t.potContributionPence} >= 0 and ${t.potContributionPence} <= ${t.netPence} and ${t.grossPence} = ${t.netPence} + ${t.vatPence} and ${t.payablePence} = ${t.grossPence} - ${t.potContributionPence}`,
    ),
  ],
);

/** The order a row is about. */
export const orderIdColumn = () => refersTo("order_id", () => orders.id);

/** Gap-free numbering of invoices and credit notes, per authority and series, taken inside the issuing transaction. */
export const documentCounters = pgTable(
  "document_counters",
  {
    authorityId: authorityIdColumn(),
    series: text("series", { enum: ["invoice", "credit_note", "recharge"] }).notNull(),
    lastValue: integer("last_value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.series] })],
);

export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    number: text("number").notNull(),
    /** The order invoiced, or null for a school's match funding, which names the formula version that raised it. */
    orderId: uuid("order_id").references(() => orders.id),
    fundingFormulaId: uuid("funding_formula_id").references(() => fundingFormulas.id),
    schoolId: schoolIdColumn(),
    poNumber: text("po_number"),
    netPence: pence("net_pence").notNull(),
    vatPence: pence("vat_pence").notNull(),
    grossPence: pence("gross_pence").notNull(),
    issuedAt: at("issued_at").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull().default("issued"),
    paidAt: at("paid_at"),
    creditedAt: at("credited_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invoices_number_idx").on(t.authorityId, t.number),
    uniqueIndex("invoices_order_idx").on(t.orderId),
    // One match-funding invoice per school for each formula version that raises one.
    uniqueIndex("invoices_funding_idx").on(t.fundingFormulaId, t.schoolId).where(sql`funding_formula_id is not null`),
    index("invoices_school_idx").on(t.schoolId),
    check("invoices_source_check", sql`(${t.orderId} is null) <> (${t.fundingFormulaId} is null)`),
  ],
);

/** The invoice a row is about. */
export const invoiceIdColumn = () => refersTo("invoice_id", () => invoices.id);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: id(),
    invoiceId: invoiceIdColumn(),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    /** The description as a catalogue message, said in the reader's language; null on older lines (their text is shown). */
    descriptionMessage: jsonb("description_message").$type<StoredMessage>(),
    quantity: integer("quantity").notNull(),
    unitPricePence: pence("unit_price_pence").notNull(),
    /** Negative for the consortium pot's contribution. */
    netPence: pence("net_pence").notNull(),
    /** VAT is charged on the invoice's net total; each line shows its treatment. */
    vatTreatment: text("vat_treatment").$type<VatTreatment>().notNull(),
    /** How a share was reached; null for a line that is plainly quantity × unit price. */
    basis: jsonb("basis").$type<InvoiceLineBasis>(),
  },
  (t) => [uniqueIndex("invoice_lines_position_idx").on(t.invoiceId, t.position)],
);

export const creditNotes = pgTable(
  "credit_notes",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    number: text("number").notNull(),
    invoiceId: invoiceIdColumn(),
    netPence: pence("net_pence").notNull(),
    vatPence: pence("vat_pence").notNull(),
    grossPence: pence("gross_pence").notNull(),
    reason: text("reason").notNull(),
    /** The formula version whose lower match funding this credits; null for a cancelled order's credit. */
    fundingFormulaId: uuid("funding_formula_id").references(() => fundingFormulas.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("credit_notes_number_idx").on(t.authorityId, t.number),
    // An order's invoice is credited once; a match-funding invoice once by each later version that lowers it.
    uniqueIndex("credit_notes_invoice_idx").on(t.invoiceId).where(sql`funding_formula_id is null`),
    uniqueIndex("credit_notes_funding_idx").on(t.invoiceId, t.fundingFormulaId).where(sql`funding_formula_id is not null`),
  ],
);

/**
 * A maintained school paying the authority's own traded service from its budget share, or its match
 * funding for a year (then by formula version: a revision's line is the difference, negative when lower).
 */
export const recharges = pgTable(
  "recharges",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    orderId: uuid("order_id").references(() => orders.id),
    fundingFormulaId: uuid("funding_formula_id").references(() => fundingFormulas.id),
    schoolId: schoolIdColumn(),
    costCentre: text("cost_centre").notNull(),
    amountPence: pence("amount_pence").notNull(),
    /** The reference finance quotes in the budget journal. */
    journalReference: text("journal_reference").notNull(),
    status: text("status", { enum: ["posted", "reversed"] })
      .notNull()
      .default("posted"),
    reversedAt: at("reversed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("recharges_order_idx").on(t.orderId),
    uniqueIndex("recharges_funding_idx").on(t.fundingFormulaId, t.schoolId).where(sql`funding_formula_id is not null`),
    uniqueIndex("recharges_reference_idx").on(t.authorityId, t.journalReference),
    check("recharges_source_check", sql`(${t.orderId} is null) <> (${t.fundingFormulaId} is null)`),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    invoiceId: invoiceIdColumn(),
    amountPence: pence("amount_pence").notNull(),
    bankReference: text("bank_reference").notNull(),
    receivedOn: date("received_on").notNull(),
    /** Null when Stripe's webhook recorded it: no person did. */
    recordedBy: uuid("recorded_by").references(() => users.id),
    /** bank: a transfer finance recorded; stripe: card, Bacs Direct Debit or bank transfer through Stripe (negative: a refund). */
    method: text("method", { enum: ["bank", "stripe"] })
      .notNull()
      .default("bank"),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  // An invoice may be paid in parts, by bank or through Stripe, until it is paid.
  (t) => [
    uniqueIndex("payments_idempotency_key_idx").on(t.idempotencyKey),
    index("payments_invoice_idx").on(t.invoiceId),
    check("payments_amount_check", sql`${t.amountPence} <> 0`),
  ],
);
