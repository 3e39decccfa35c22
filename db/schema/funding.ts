import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, pence, refersTo } from "./columns";
import { userIdColumn, users } from "./identity";
import { journalEntries } from "./ledger";
import { authorityIdColumn, consortiumIdColumn, schoolIdColumn, schools } from "./tenancy";

/**
 * A funding formula of an authority for a financial year ("2026-27"), in versions: a version is
 * edited until it is applied, then frozen with the allocation it posted; a revision is a new version.
 */
export const fundingFormulas = pgTable(
  "funding_formulas",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    financialYear: text("financial_year").notNull(),
    version: integer("version").notNull(),
    /** The parts, as app/domain/funding/rules.ts reads them. */
    parts: jsonb("parts").$type<unknown[]>().notNull().default([]),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    appliedAt: at("applied_at"),
    appliedBy: uuid("applied_by").references(() => users.id),
    /** The allocation as applied, so the export shows what was posted whatever changes later. */
    allocation: jsonb("allocation").$type<Record<string, unknown>>(),
  },
  (t) => [
    unique("funding_formulas_version_key").on(t.authorityId, t.financialYear, t.version),
    check("funding_formulas_year_check", sql`${t.financialYear} ~ '^[0-9]{4}-[0-9]{2}$'`),
    check("funding_formulas_version_check", sql`${t.version} >= 1`),
  ],
);

/** What each version posted per line (a pot's funding, a school's match): the year's total per line is their sum. */
export const fundingAllocations = pgTable(
  "funding_allocations",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    formulaId: refersTo("formula_id", () => fundingFormulas.id),
    financialYear: text("financial_year").notNull(),
    lineKey: text("line_key").notNull(),
    kind: text("kind", { enum: ["authority", "match"] }).notNull(),
    consortiumId: consortiumIdColumn(),
    schoolId: uuid("school_id").references(() => schools.organisationId),
    amountPence: pence("amount_pence").notNull(),
    entryId: refersTo("entry_id", () => journalEntries.id),
    createdAt: createdAt(),
  },
  (t) => [unique("funding_allocations_line_key").on(t.formulaId, t.lineKey), index("funding_allocations_year_idx").on(t.authorityId, t.financialYear)],
);

/** A consortium's memorandum of understanding for a financial year, in published versions. */
export const mous = pgTable(
  "mous",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    consortiumId: consortiumIdColumn(),
    financialYear: text("financial_year").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** The memorandum in Welsh, where the authority gave it (empty when not). */
    titleCy: text("title_cy").notNull().default(""),
    bodyCy: text("body_cy").notNull().default(""),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: createdAt(),
  },
  (t) => [unique("mous_version_key").on(t.consortiumId, t.financialYear, t.version), index("mous_authority_idx").on(t.authorityId, t.financialYear)],
);

/** The memorandum a row is about. */
export const mouIdColumn = () => refersTo("mou_id", () => mous.id);

/** A head's signature for their school, on the version they saw. */
export const mouSignatures = pgTable(
  "mou_signatures",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    mouId: mouIdColumn(),
    schoolId: schoolIdColumn(),
    signedBy: userIdColumn("signed_by"),
    signerName: text("signer_name").notNull(),
    signedOn: date("signed_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("mou_signatures_school_key").on(t.mouId, t.schoolId)],
);

/** Reminders sent to a school's heads, one per memorandum, school and kind: the dispatcher may run the task any number of times. */
export const mouReminders = pgTable(
  "mou_reminders",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    mouId: mouIdColumn(),
    schoolId: schoolIdColumn(),
    kind: text("kind", { enum: ["month_before", "year_start"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("mou_reminders_key").on(t.mouId, t.schoolId, t.kind)],
);
