import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, keyOf, refersTo } from "./columns";
import { LANGUAGES } from "./vocabulary";
import { NATIONS, ORGANISATION_KINDS, PHASES, ESTABLISHMENT_TYPES, SCHOOL_STATUSES, PROVIDER_KINDS } from "./tenancy-vocabulary";

export { NATIONS, CATEGORY_SCHEMES, ORGANISATION_KINDS, PHASES, ESTABLISHMENT_TYPES, SCHOOL_STATUSES, PROVIDER_KINDS } from "./tenancy-vocabulary";
export type { OrganisationKind, EstablishmentType, SchoolStatus, ProviderKind } from "./tenancy-vocabulary";

/** The tenant: a local authority or a regional consortium body. */
export const authorities = pgTable("authorities", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  nation: text("nation", { enum: NATIONS }).notNull(),
  laCode: text("la_code"),
  financialYearStartMonth: integer("financial_year_start_month").notNull().default(4),
  vatRegistrationNumber: text("vat_registration_number"),
  /** The language its people read the service in until they choose one themselves. */
  defaultLanguage: text("default_language", { enum: LANGUAGES }).notNull().default("en"),
  createdAt: createdAt(),
});

/** The authority a row belongs to: every tenant's row carries it, so every query can be scoped by it. */
export const authorityIdColumn = () => refersTo("authority_id", () => authorities.id);

/** The school a row is about. */
export const schoolIdColumn = () => refersTo("school_id", () => schools.organisationId);

/** The consortium a row is about. */
export const consortiumIdColumn = () => refersTo("consortium_id", () => consortia.organisationId);

/** The provider a row is about. */
export const providerIdColumn = () => refersTo("provider_id", () => organisations.id);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("organisations_authority_kind_idx").on(t.authorityId, t.kind)],
);

export const schools = pgTable(
  "schools",
  {
    organisationId: keyOf("organisation_id", () => organisations.id),
    authorityId: authorityIdColumn(),
    urn: text("urn").notNull().unique(),
    phase: text("phase", { enum: PHASES }).notNull(),
    establishmentType: text("establishment_type", { enum: ESTABLISHMENT_TYPES }).notNull(),
    /** Maintained schools can pay the authority's own services by internal recharge. */
    laMaintained: boolean("la_maintained").notNull(),
    numberOnRoll: integer("number_on_roll").notNull(),
    /** The authority's own categorisation, in its scheme (England 1..4, Wales green..red). */
    category: text("category"),
    costCentre: text("cost_centre"),
    /** A maintained school the authority invoices for its match funding instead of recharging its budget share. */
    matchFundingByInvoice: boolean("match_funding_by_invoice").notNull().default(false),
    postcode: text("postcode"),
    town: text("town"),
    /** The establishment type as GIAS names it ("Voluntary aided school"); null for settings added by hand. */
    typeName: text("type_name"),
    status: text("status", { enum: SCHOOL_STATUSES }).notNull().default("open"),
    closedOn: date("closed_on"),
  },
  (t) => [index("schools_authority_idx").on(t.authorityId)],
);

/**
 * Ofsted (or Estyn) inspections are stored as dated events under the framework of their day, with
 * the judgements that framework gives (app/domain/schools/inspection-frameworks.ts), not one fixed grade.
 */
export const inspections = pgTable(
  "inspections",
  {
    id: id(),
    schoolId: schoolIdColumn(),
    inspectorate: text("inspectorate", { enum: ["ofsted", "estyn"] }).notNull(),
    framework: text("framework").notNull(),
    /** Judgement area -> grade, in the framework's own words. */
    judgements: jsonb("judgements").$type<Record<string, string>>().notNull().default({}),
    inspectedOn: date("inspected_on").notNull(),
  },
  (t) => [uniqueIndex("inspections_school_date_idx").on(t.schoolId, t.inspectorate, t.inspectedOn)],
);

export const consortia = pgTable("consortia", {
  organisationId: keyOf("organisation_id", () => organisations.id),
  authorityId: authorityIdColumn(),
  phase: text("phase", { enum: ["primary", "secondary", "special", "cross_phase"] }).notNull(),
  /** Named by the authority; the lead also holds the consortium_lead role in the consortium. */
  leadUserId: uuid("lead_user_id"),
  chairUserId: uuid("chair_user_id"),
});

export const consortiumMemberships = pgTable(
  "consortium_memberships",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    consortiumId: consortiumIdColumn(),
    schoolId: schoolIdColumn(),
    joinedOn: date("joined_on").notNull(),
    leftOn: date("left_on"),
  },
  (t) => [
    index("consortium_memberships_consortium_idx").on(t.consortiumId),
    index("consortium_memberships_school_idx").on(t.schoolId, t.joinedOn),
    // A school is in at most one consortium at a time.
    uniqueIndex("consortium_memberships_current_idx").on(t.schoolId).where(sql`left_on is null`),
  ],
);

export const providers = pgTable("providers", {
  organisationId: keyOf("organisation_id", () => organisations.id),
  authorityId: authorityIdColumn(),
  providerKind: text("provider_kind", { enum: PROVIDER_KINDS }).notNull(),
  /** The school, when a school offers school-to-school support. */
  schoolId: uuid("school_id").references(() => schools.organisationId),
  verifiedAt: at("verified_at"),
  verifiedBy: uuid("verified_by"),
});

export const improvementBoards = pgTable("improvement_boards", {
  organisationId: keyOf("organisation_id", () => organisations.id),
  authorityId: authorityIdColumn(),
  phase: text("phase", { enum: ["primary", "secondary", "special", "cross_phase"] }).notNull(),
});
