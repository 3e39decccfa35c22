// The words of the authority's records, as plain values: the browser reads them without the table definitions.

export const NATIONS = ["england", "wales"] as const;

export const CATEGORY_SCHEMES = {
  england: ["1", "2A", "2B", "3A", "3B", "3C", "3D", "4"],
  wales: ["green", "yellow", "amber", "red"],
} as const;

export const ORGANISATION_KINDS = ["authority_office", "school", "consortium", "provider", "improvement_board"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PHASES = ["nursery", "primary", "secondary", "all_through", "special", "post_16", "early_years"] as const;

export const ESTABLISHMENT_TYPES = [
  "la_maintained",
  "academy",
  "free",
  "special",
  "nursery",
  "early_years_setting",
  "post_16_college",
  "independent",
  "other",
] as const;
export type EstablishmentType = (typeof ESTABLISHMENT_TYPES)[number];

export const SCHOOL_STATUSES = ["open", "closed"] as const;
export type SchoolStatus = (typeof SCHOOL_STATUSES)[number];

export const PROVIDER_KINDS = [
  "teaching_school",
  "la_traded_services",
  "school_to_school",
  "private_company",
  "consultant",
  "system_leader",
  "university",
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
