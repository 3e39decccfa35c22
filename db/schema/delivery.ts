import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, keyOf, refersTo } from "./columns";
import { offerIdColumn, offers } from "./catalogue";
import { userIdColumn, users } from "./identity";
import { collectivePurchases, orderIdColumn, orders } from "./purchasing";
import { authorities, authorityIdColumn, providerIdColumn, schoolIdColumn } from "./tenancy";

export const PLACE_STATUSES = ["booked", "waiting", "cancelled"] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];
export const EVALUATION_STATUSES = ["submitted", "question", "signed_off"] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/**
 * A session the provider runs for one order, or for every school of a collective purchase:
 * when (an instant; typed and shown in London time), where (a venue, or online) and how many delegates.
 */
export const deliverySessions = pgTable(
  "delivery_sessions",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    providerId: providerIdColumn(),
    offerId: offerIdColumn(),
    orderId: uuid("order_id").references(() => orders.id),
    collectivePurchaseId: uuid("collective_purchase_id").references(() => collectivePurchases.id),
    startsAt: at("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    online: boolean("online").notNull().default(false),
    venue: text("venue").notNull().default(""),
    capacity: integer("capacity").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("delivery_sessions_order_idx").on(t.orderId),
    index("delivery_sessions_collective_idx").on(t.collectivePurchaseId),
    check("delivery_sessions_owner_check", sql`(${t.orderId} is null) <> (${t.collectivePurchaseId} is null)`),
    check("delivery_sessions_capacity_check", sql`${t.capacity} >= 1 and ${t.durationMinutes} >= 1`),
  ],
);

/** A named delegate's place on a session: booked, waiting for a freed place, or given up. */
export const sessionPlaces = pgTable(
  "session_places",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    sessionId: refersTo("session_id", () => deliverySessions.id),
    orderId: orderIdColumn(),
    schoolId: schoolIdColumn(),
    delegateName: text("delegate_name").notNull(),
    status: text("status", { enum: PLACE_STATUSES }).notNull(),
    /** The order of the waiting list: when the place was asked for. */
    requestedAt: at("requested_at").notNull().defaultNow(),
    bookedAt: at("booked_at"),
    attended: boolean("attended"),
    attendanceRecordedAt: at("attendance_recorded_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [index("session_places_session_idx").on(t.sessionId, t.status, t.requestedAt), index("session_places_order_idx").on(t.orderId)],
);

/** One part of a programme delivered in parts (a coaching programme in three visits): delivered by the provider, confirmed by the school. */
export const orderMilestones = pgTable(
  "order_milestones",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    orderId: orderIdColumn(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    deliveredAt: at("delivered_at"),
    deliveredBy: uuid("delivered_by").references(() => users.id),
    confirmedAt: at("confirmed_at"),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
  },
  (t) => [uniqueIndex("order_milestones_position_idx").on(t.orderId, t.position)],
);

/** What the school said about the delivery: confirmed, or disputed with a reason finance and commissioners read. */
export const deliveryConfirmations = pgTable(
  "delivery_confirmations",
  {
    orderId: keyOf("order_id", () => orders.id),
    authorityId: authorityIdColumn(),
    outcome: text("outcome", { enum: ["confirmed", "disputed"] }).notNull(),
    reason: text("reason"),
    decidedBy: userIdColumn("decided_by"),
    decidedAt: at("decided_at").notNull(),
  },
  (t) => [index("delivery_confirmations_authority_idx").on(t.authorityId, t.outcome)],
);

/** Asking a school to evaluate a delivered order: whom the head named to do it, and the last reminder sent. */
export const evaluationRequests = pgTable("evaluation_requests", {
  orderId: keyOf("order_id", () => orders.id),
  authorityId: authorityIdColumn(),
  /** Whom the head named to evaluate, when not themselves. */
  evaluatorUserId: uuid("evaluator_user_id").references(() => users.id),
  namedBy: uuid("named_by").references(() => users.id),
  remindedAt: at("reminded_at"),
});

/** The head's judgement of a delivered order against the school's improvement priorities; the adviser signs it off. */
export const evaluations = pgTable(
  "evaluations",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    orderId: orderIdColumn(),
    offerId: offerIdColumn(),
    schoolId: schoolIdColumn(),
    evaluatorId: userIdColumn("evaluator_id"),
    priorities: text("priorities").notNull(),
    quality: integer("quality").notNull(),
    impact: integer("impact").notNull(),
    valueForMoney: integer("value_for_money").notNull(),
    wouldRecommend: boolean("would_recommend").notNull(),
    comments: text("comments").notNull().default(""),
    status: text("status", { enum: EVALUATION_STATUSES }).notNull().default("submitted"),
    adviserQuestion: text("adviser_question"),
    adviserId: uuid("adviser_id").references(() => users.id),
    signedOffAt: at("signed_off_at"),
    submittedAt: at("submitted_at").notNull(),
  },
  (t) => [
    uniqueIndex("evaluations_order_idx").on(t.orderId),
    index("evaluations_offer_idx").on(t.offerId),
    index("evaluations_school_idx").on(t.schoolId),
    // The termly report reads the evaluations submitted in a term.
    index("evaluations_submitted_idx").on(t.authorityId, t.submittedAt),
    check("evaluations_scores_check", sql`${t.quality} between 1 and 4 and ${t.impact} between 1 and 4 and ${t.valueForMoney} between 1 and 4`),
  ],
);

/** The follow-up a term later: one of the offer's intended outcomes, measured before and after. */
export const impactFollowUps = pgTable(
  "impact_follow_ups",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    evaluationId: refersTo("evaluation_id", () => evaluations.id),
    schoolId: schoolIdColumn(),
    outcome: text("outcome").notNull(),
    measure: text("measure").notNull(),
    baseline: text("baseline").notNull(),
    followUp: text("follow_up").notNull(),
    recordedBy: userIdColumn("recorded_by"),
    recordedAt: at("recorded_at").notNull(),
  },
  (t) => [index("impact_follow_ups_evaluation_idx").on(t.evaluationId), index("impact_follow_ups_authority_idx").on(t.authorityId, t.recordedAt)],
);

/** Each offer's evaluations summed, kept in the evaluation's transaction so search can filter and sort by rating. */
export const offerRatings = pgTable("offer_ratings", {
  offerId: keyOf("offer_id", () => offers.id),
  authorityId: authorityIdColumn(),
  evaluations: integer("evaluations").notNull().default(0),
  /** The sum over evaluations of quality + impact + value for money: the average is scoreSum / (3 × evaluations). */
  scoreSum: integer("score_sum").notNull().default(0),
  reReviewRequestedAt: at("re_review_requested_at"),
});

/** The authority's line for ratings: an offer averaging below it, over enough evaluations, goes back to the QA panel. */
export const ratingSettings = pgTable(
  "rating_settings",
  {
    authorityId: keyOf("authority_id", () => authorities.id),
    /** The threshold in hundredths of a point: 250 is an average of 2.5. */
    thresholdHundredths: integer("threshold_hundredths").notNull(),
    minEvaluations: integer("min_evaluations").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [check("rating_settings_range_check", sql`${t.thresholdHundredths} between 100 and 400 and ${t.minEvaluations} >= 1`)],
);
