import { sql, type SQL } from "drizzle-orm";
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, pence, refersTo } from "./columns";
import { userIdColumn, users } from "./identity";
import { authorityIdColumn, providerIdColumn } from "./tenancy";
import type { SubjectArea } from "./vocabulary";
import {
  DELIVERY_FORMATS,
  EVIDENCE_STRENGTHS,
  PRICING_MODELS,
  TERMS,
  type BuyerType,
  type OfferPhase,
  type PriceTier,
  type VatTreatment,
} from "./catalogue-vocabulary";

export * from "./catalogue-vocabulary";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Welsh letters with a to bach, acute, grave or diaeresis, and the plain letters search treats them as. */
export const WELSH_ACCENTED = "âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿÂÊÎÔÛŴŶÁÉÍÓÚẂÝÀÈÌÒÙẀỲÄËÏÖÜẄŸ";
export const WELSH_PLAIN = "aeiouwy".repeat(8);
/**
 * Lower case without accents, in SQL: translate() is immutable (unaccent() is not), so a generated
 * column may use it, and it needs no extension on PGlite or PostgreSQL. Capitals with accents are
 * listed because lower() leaves them alone under the C collation.
 */
export const foldWelsh = (value: SQL) => sql`translate(lower(coalesce(${value}, '')), ${sql.raw(`'${WELSH_ACCENTED}'`)}, ${sql.raw(`'${WELSH_PLAIN}'`)})`;

export const REVISION_STATUSES = ["draft", "submitted", "in_review", "approved", "changes_requested", "rejected", "withdrawn"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/**
 * An offer is the stable thing a provider sells; its content lives in revisions.
 * `liveRevisionId` is the approved revision on sale; `latestRevisionId` is the newest one
 * (a draft or one under review while the live one stays on sale).
 */
export const offers = pgTable(
  "offers",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    providerId: providerIdColumn(),
    latestRevisionId: uuid("latest_revision_id"),
    liveRevisionId: uuid("live_revision_id"),
    approvedAt: at("approved_at"),
    approvalExpiresAt: at("approval_expires_at"),
    suspendedAt: at("suspended_at"),
    suspendedReason: text("suspended_reason"),
    suspendedBy: uuid("suspended_by").references(() => users.id),
    commissionedAt: at("commissioned_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("offers_authority_idx").on(t.authorityId),
    index("offers_provider_idx").on(t.providerId),
    // From a revision the catalogue's search found to the offer it is live for.
    index("offers_live_revision_idx").on(t.liveRevisionId),
  ],
);

/** The offer a row is about. */
export const offerIdColumn = () => refersTo("offer_id", () => offers.id);

export const offerRevisions = pgTable(
  "offer_revisions",
  {
    id: id(),
    offerId: offerIdColumn(),
    authorityId: authorityIdColumn(),
    number: integer("number").notNull(),
    status: text("status", { enum: REVISION_STATUSES }).notNull().default("draft"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    description: text("description").notNull().default(""),
    /** The same in Welsh, where the provider gives it: empty means not available in Welsh. */
    titleCy: text("title_cy").notNull().default(""),
    summaryCy: text("summary_cy").notNull().default(""),
    descriptionCy: text("description_cy").notNull().default(""),
    subjectAreas: text("subject_areas").array().$type<SubjectArea[]>().notNull().default(sql`'{}'::text[]`),
    phases: text("phases").array().$type<OfferPhase[]>().notNull().default(sql`'{}'::text[]`),
    deliveryFormat: text("delivery_format", { enum: DELIVERY_FORMATS }),
    duration: text("duration").notNull().default(""),
    capacityUnit: text("capacity_unit", { enum: ["schools", "delegates"] })
      .notNull()
      .default("schools"),
    minCapacity: integer("min_capacity"),
    maxCapacity: integer("max_capacity"),
    pricingModel: text("pricing_model", { enum: PRICING_MODELS }),
    priceTiers: jsonb("price_tiers").$type<PriceTier[]>().notNull().default(sql`'[]'::jsonb`),
    /** The single-school price (the first tier), kept for filtering and sorting. */
    fromPricePence: pence("from_price_pence"),
    vatTreatment: jsonb("vat_treatment").$type<Record<BuyerType, VatTreatment>>(),
    outcomes: text("outcomes").notNull().default(""),
    evidence: text("evidence").notNull().default(""),
    evidenceStrength: text("evidence_strength", { enum: EVIDENCE_STRENGTHS }),
    terms: text("terms").array().$type<(typeof TERMS)[number][]>().notNull().default(sql`'{}'::text[]`),
    deliveryTerms: text("delivery_terms").notNull().default(""),
    cancellationTerms: text("cancellation_terms").notNull().default(""),
    /** Days before delivery up to which a purchase may be cancelled with a full refund. */
    cancellationNoticeDays: integer("cancellation_notice_days").notNull().default(14),
    submittedAt: at("submitted_at"),
    decidedAt: at("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionComments: text("decision_comments"),
    conditions: text("conditions"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(${offerRevisions.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${offerRevisions.summary}, '')), 'B') || setweight(to_tsvector('english', coalesce(${offerRevisions.description}, '')), 'C')`,
    ),
    /**
     * The Welsh text for search: PostgreSQL has no Welsh stemmer, so words are kept whole ('simple'),
     * lower-cased and without accents (ŵ is w), and the query adds the mutated forms (ADR 0015).
     */
    searchVectorCy: tsvector("search_vector_cy").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('simple', ${foldWelsh(sql`${offerRevisions.titleCy}`)}), 'A') || setweight(to_tsvector('simple', ${foldWelsh(sql`${offerRevisions.summaryCy}`)}), 'B') || setweight(to_tsvector('simple', ${foldWelsh(sql`${offerRevisions.descriptionCy}`)}), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("offer_revisions_offer_number_idx").on(t.offerId, t.number),
    index("offer_revisions_search_idx").using("gin", t.searchVector),
    index("offer_revisions_search_cy_idx").using("gin", t.searchVectorCy),
    // The catalogue's filters (overlap with the chosen phases, subject areas, terms), combined with the words' index in one bitmap.
    index("offer_revisions_filters_idx").using("gin", t.phases, t.subjectAreas, t.terms),
    index("offer_revisions_status_idx").on(t.authorityId, t.status),
  ],
);

/**
 * The catalogue's search, one row for each offer with a live revision: the offer's sale state and its live
 * revision's search columns side by side, so that a search reads one table and its indexes. Written only by the
 * triggers of migration 0032, in the transaction that changes the offer or its live revision; never by the app.
 */
export const catalogueSearch = pgTable(
  "catalogue_search",
  {
    offerId: uuid("offer_id")
      .primaryKey()
      .references(() => offers.id, { onDelete: "cascade" }),
    authorityId: authorityIdColumn(),
    providerId: uuid("provider_id").notNull(),
    liveRevisionId: uuid("live_revision_id").notNull(),
    approvedAt: at("approved_at"),
    approvalExpiresAt: at("approval_expires_at"),
    suspendedAt: at("suspended_at"),
    subjectAreas: text("subject_areas").array().$type<SubjectArea[]>().notNull(),
    phases: text("phases").array().$type<OfferPhase[]>().notNull(),
    terms: text("terms").array().$type<(typeof TERMS)[number][]>().notNull(),
    deliveryFormat: text("delivery_format", { enum: DELIVERY_FORMATS }),
    fromPricePence: pence("from_price_pence"),
    searchVector: tsvector("search_vector").notNull(),
    searchVectorCy: tsvector("search_vector_cy").notNull(),
  },
  // Searched on every catalogue page, written only when an offer changes: each GIN index takes a new
  // row's entries at once (fastupdate off) rather than into a pending list that every search would
  // read through until a vacuum, which a table this quiet may wait long for (docs/bench.md).
  (t) => [
    index("catalogue_search_words_idx").using("gin", t.searchVector).with({ fastupdate: false }),
    index("catalogue_search_words_cy_idx").using("gin", t.searchVectorCy).with({ fastupdate: false }),
    index("catalogue_search_filters_idx").using("gin", t.phases, t.subjectAreas, t.terms).with({ fastupdate: false }),
    // A search without words: the newest first.
    index("catalogue_search_newest_idx").on(t.authorityId, t.approvedAt.desc()),
  ],
);

/** The revision of an offer a row is about. */
export const revisionIdColumn = () => refersTo("revision_id", () => offerRevisions.id);

export const RUBRIC_CRITERIA = [
  "evidence_of_impact",
  "fit_with_priorities",
  "value_for_money",
  "provider_credibility_and_safeguarding",
  "clarity_of_outcomes",
] as const;
export type RubricCriterion = (typeof RUBRIC_CRITERIA)[number];

/** One panel member's review of one revision. */
export const qaReviews = pgTable(
  "qa_reviews",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    revisionId: revisionIdColumn(),
    reviewerId: userIdColumn("reviewer_id"),
    status: text("status", { enum: ["in_progress", "submitted", "withdrawn"] })
      .notNull()
      .default("in_progress"),
    conflictOfInterest: boolean("conflict_of_interest").notNull().default(false),
    conflictNote: text("conflict_note"),
    scores: jsonb("scores").$type<Partial<Record<RubricCriterion, number>>>().notNull().default(sql`'{}'::jsonb`),
    comments: jsonb("comments").$type<Partial<Record<RubricCriterion, string>>>().notNull().default(sql`'{}'::jsonb`),
    overallComment: text("overall_comment"),
    recommendation: text("recommendation", { enum: ["approve", "approve_with_conditions", "request_changes", "reject"] }),
    createdAt: createdAt(),
    submittedAt: at("submitted_at"),
  },
  (t) => [uniqueIndex("qa_reviews_revision_reviewer_idx").on(t.revisionId, t.reviewerId)],
);

/** A commissioner's call for offers. */
export const needs = pgTable(
  "needs",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    commissionerId: userIdColumn("commissioner_id"),
    subjectArea: text("subject_area").$type<SubjectArea>().notNull(),
    phases: text("phases").array().$type<OfferPhase[]>().notNull().default(sql`'{}'::text[]`),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** The same in Welsh, where the commissioner gives it. */
    titleCy: text("title_cy").notNull().default(""),
    descriptionCy: text("description_cy").notNull().default(""),
    budgetPence: pence("budget_pence"),
    closesOn: date("closes_on").notNull(),
    status: text("status", { enum: ["open", "closed", "commissioned"] })
      .notNull()
      .default("open"),
    commissionedOfferId: uuid("commissioned_offer_id").references(() => offers.id),
    createdAt: createdAt(),
  },
  (t) => [index("needs_authority_idx").on(t.authorityId, t.status)],
);

export const needResponses = pgTable(
  "need_responses",
  {
    needId: refersTo("need_id", () => needs.id),
    offerId: offerIdColumn(),
    authorityId: authorityIdColumn(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.needId, t.offerId] })],
);

/** A buyer's shortlist for side-by-side comparison (at most four offers). */
export const shortlistItems = pgTable(
  "shortlist_items",
  {
    userId: userIdColumn("user_id"),
    offerId: offerIdColumn(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.offerId] })],
);
