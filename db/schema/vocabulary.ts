/** The service's languages: English and Welsh. */
export const LANGUAGES = ["en", "cy"] as const;
export type Language = (typeof LANGUAGES)[number];

export const SUBJECT_AREAS = [
  "literacy",
  "numeracy",
  "leadership_and_management",
  "teaching_and_learning",
  "early_years",
  "send",
  "ict_and_digital",
  "assessment_and_data",
  "governance",
  "wellbeing",
  "disadvantage_and_pupil_premium",
  "welsh_language",
  "fourteen_to_nineteen_and_post_16",
] as const;
export type SubjectArea = (typeof SUBJECT_AREAS)[number];

export const ROLES = [
  "la_admin",
  "la_finance",
  "commissioner",
  "challenge_adviser",
  "qa_panel_member",
  "consortium_lead",
  "headteacher",
  "school_business_manager",
  "provider_admin",
  "provider_staff",
] as const;
export type Role = (typeof ROLES)[number];
