import { date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, keyOf } from "./columns";
import { userIdColumn, users } from "./identity";
import { authorityIdColumn, schoolIdColumn, schools } from "./tenancy";
import { SUBJECT_AREAS } from "./vocabulary";

/**
 * The authority's categorisation of a school, one row per decision: a school's category for an
 * academic year is its latest row for that year. Append-only (a trigger refuses UPDATE and DELETE),
 * so the history is what was decided, by whom and when.
 */
export const schoolCategories = pgTable(
  "school_categories",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    schoolId: schoolIdColumn(),
    /** "2025/26" */
    academicYear: text("academic_year").notNull(),
    category: text("category").notNull(),
    /** The day the category was decided (the categorisation meeting), not the day it was typed in. */
    decidedOn: date("decided_on").notNull(),
    setBy: uuid("set_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("school_categories_school_idx").on(t.schoolId, t.academicYear, t.createdAt),
    index("school_categories_authority_idx").on(t.authorityId, t.academicYear),
  ],
);

/** Each school's challenge adviser now; who assigned whom, and the earlier advisers, are in the audit log. */
export const schoolAdvisers = pgTable(
  "school_advisers",
  {
    schoolId: keyOf("school_id", () => schools.organisationId),
    authorityId: authorityIdColumn(),
    adviserUserId: userIdColumn("adviser_user_id"),
    assignedBy: uuid("assigned_by").references(() => users.id),
    assignedAt: at("assigned_at").notNull().defaultNow(),
  },
  (t) => [index("school_advisers_adviser_idx").on(t.authorityId, t.adviserUserId)],
);

/** The lead commissioner of each subject area, per authority (Central South's commissioning unit). */
export const subjectLeads = pgTable(
  "subject_leads",
  {
    authorityId: authorityIdColumn(),
    subjectArea: text("subject_area", { enum: SUBJECT_AREAS }).notNull(),
    commissionerUserId: userIdColumn("commissioner_user_id"),
    assignedBy: uuid("assigned_by").references(() => users.id),
    assignedAt: at("assigned_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.subjectArea] })],
);
