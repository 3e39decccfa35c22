// The words of an offer, as plain values: the browser reads them (the offer form's schema) without the table definitions.

export const OFFER_PHASES = ["early_years", "primary", "secondary", "special", "post_16"] as const;
export type OfferPhase = (typeof OFFER_PHASES)[number];
export const DELIVERY_FORMATS = ["in_school", "central_venue", "online", "coaching", "school_to_school", "data_pack"] as const;
export const PRICING_MODELS = ["per_school", "per_delegate", "per_pupil", "fixed_package"] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];
export const EVIDENCE_STRENGTHS = ["strong", "moderate", "promising", "limited"] as const;
export const TERMS = ["autumn", "spring", "summer"] as const;
/** VAT is decided by who buys: LA-maintained schools, academies, and everyone else. */
export const BUYER_TYPES = ["la_maintained", "academy", "other"] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];
export const VAT_TREATMENTS = ["standard", "exempt", "zero", "outside_scope"] as const;
export type VatTreatment = (typeof VAT_TREATMENTS)[number];

/** A price tier: from `minSchools` schools (inclusive) up to `maxSchools` (inclusive, or open-ended). */
export type PriceTier = { minSchools: number; maxSchools: number | null; unitPricePence: number };
