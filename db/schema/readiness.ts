import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, refersTo } from "./columns";
import { userIdColumn, users } from "./identity";
import { READINESS_JUDGEMENTS, READINESS_RATINGS } from "./readiness-vocabulary";
import { authorityIdColumn, consortiumIdColumn } from "./tenancy";

export * from "./readiness-vocabulary";

/**
 * One review of a consortium's readiness to deliver, as the authority judged it on a day. Snapshots
 * are append-only (a trigger refuses UPDATE and DELETE): a new review is a new snapshot, so movement
 * is read between them.
 */
export const readinessSnapshots = pgTable(
  "readiness_snapshots",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    consortiumId: consortiumIdColumn(),
    assessedOn: date("assessed_on").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("readiness_snapshots_consortium_idx").on(t.authorityId, t.consortiumId, t.assessedOn)],
);

/** The readiness snapshot a row is about. */
export const snapshotIdColumn = () => refersTo("snapshot_id", () => readinessSnapshots.id);

/** The twelve judgements of a snapshot, each with its rating, evidence and rationale. */
export const readinessJudgements = pgTable(
  "readiness_judgements",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    snapshotId: snapshotIdColumn(),
    judgement: text("judgement", { enum: READINESS_JUDGEMENTS }).notNull(),
    rating: text("rating", { enum: READINESS_RATINGS }).notNull(),
    evidence: text("evidence").notNull().default(""),
    rationale: text("rationale").notNull().default(""),
    /** The evidence and rationale in Welsh, where the authority gave them (empty when not). */
    evidenceCy: text("evidence_cy").notNull().default(""),
    rationaleCy: text("rationale_cy").notNull().default(""),
  },
  (t) => [uniqueIndex("readiness_judgements_snapshot_idx").on(t.snapshotId, t.judgement)],
);

/** The consortium lead's answer to a snapshot: agreed or not, with a comment. Append-only too. */
export const readinessResponses = pgTable(
  "readiness_responses",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    snapshotId: snapshotIdColumn(),
    userId: userIdColumn("user_id"),
    agrees: boolean("agrees").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("readiness_responses_snapshot_idx").on(t.snapshotId, t.createdAt)],
);
