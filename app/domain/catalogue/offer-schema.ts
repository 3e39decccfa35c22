// The offer form: one schema for the provider's page and the use cases that save and submit it.
import { z } from "zod";
import {
  BUYER_TYPES,
  DELIVERY_FORMATS,
  EVIDENCE_STRENGTHS,
  OFFER_PHASES,
  PRICING_MODELS,
  SUBJECT_AREAS,
  TERMS,
  VAT_TREATMENTS,
  type BuyerType,
  type PriceTier,
  type VatTreatment,
} from "#db/schema";
import { parsePounds } from "~/format";
import { manyOf } from "~/forms.server";

import { TIER_ROWS, tierField, VAT_FIELDS } from "./offer-fields";

export { TIER_ROWS, tierField, VAT_FIELDS };

/** The content of a revision, as stored in offer_revisions. */
export type OfferFields = {
  title: string;
  summary: string;
  description: string;
  subjectAreas: (typeof SUBJECT_AREAS)[number][];
  phases: (typeof OFFER_PHASES)[number][];
  deliveryFormat: (typeof DELIVERY_FORMATS)[number] | null;
  duration: string;
  capacityUnit: "schools" | "delegates";
  minCapacity: number | null;
  maxCapacity: number | null;
  pricingModel: (typeof PRICING_MODELS)[number] | null;
  priceTiers: PriceTier[];
  vatTreatment: Record<BuyerType, VatTreatment> | null;
  outcomes: string;
  evidence: string;
  evidenceStrength: (typeof EVIDENCE_STRENGTHS)[number] | null;
  terms: (typeof TERMS)[number][];
  deliveryTerms: string;
  cancellationTerms: string;
  cancellationNoticeDays: number;
};

export type FieldErrors = Record<string, string[]>;
const addError = (errors: FieldErrors, field: string, message: string) => {
  (errors[field] ??= []).push(message);
};

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number, label: string) =>
  z.preprocess((v) => (v === undefined ? "" : v), z.string({ message: `Enter ${label}` }).trim().max(max, `${capitalise(label)} must be ${max} characters or fewer`));
const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { message }).optional());
const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: `${capitalise(label)} must be a whole number` })
      .int(`${capitalise(label)} must be a whole number`)
      .min(min, `${capitalise(label)} must be ${min} or more`)
      .max(max, `${capitalise(label)} must be ${max} or fewer`)
      .optional(),
  );
function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const tierShape: Record<string, z.ZodTypeAny> = {};
for (let row = 1; row <= TIER_ROWS; row++) {
  tierShape[tierField(row, "Min")] = z.string().max(20).optional();
  tierShape[tierField(row, "Max")] = z.string().max(20).optional();
  tierShape[tierField(row, "Price")] = z.string().max(20).optional();
}

const RAW_SHAPE = {
  intent: z.enum(["save", "submit"], { message: "Choose save as draft or submit for review" }),
  title: z.preprocess((v) => (v === undefined ? "" : v), z.string().trim().min(1, "Enter a title").max(150, "Title must be 150 characters or fewer")),
  summary: text(300, "a summary"),
  description: text(5000, "a description"),
  subjectAreas: manyOf(z.enum(SUBJECT_AREAS, { message: "Choose subject areas from the list" })),
  phases: manyOf(z.enum(OFFER_PHASES, { message: "Choose phases from the list" })),
  deliveryFormat: choice(DELIVERY_FORMATS, "Choose a delivery format from the list"),
  duration: text(200, "the duration"),
  capacityUnit: z.preprocess((v) => blankToUndefined(v) ?? "schools", z.enum(["schools", "delegates"], { message: "Choose schools or delegates" })),
  minCapacity: wholeNumber("minimum capacity", 1, 100_000),
  maxCapacity: wholeNumber("maximum capacity", 1, 100_000),
  pricingModel: choice(PRICING_MODELS, "Choose a pricing model from the list"),
  ...tierShape,
  vatLaMaintained: choice(VAT_TREATMENTS, "Choose the VAT treatment for LA-maintained schools"),
  vatAcademy: choice(VAT_TREATMENTS, "Choose the VAT treatment for academies"),
  vatOther: choice(VAT_TREATMENTS, "Choose the VAT treatment for other buyers"),
  outcomes: text(5000, "the intended outcomes"),
  evidence: text(5000, "the evidence"),
  evidenceStrength: choice(EVIDENCE_STRENGTHS, "Choose the strength of the evidence from the list"),
  terms: manyOf(z.enum(TERMS, { message: "Choose terms from the list" })),
  deliveryTerms: text(2000, "the terms of delivery"),
  cancellationTerms: text(2000, "the cancellation terms"),
  cancellationNoticeDays: wholeNumber("notice days", 0, 365),
};
type Raw = { [K in keyof typeof RAW_SHAPE]: z.output<(typeof RAW_SHAPE)[K]> };

/**
 * Each field on its own, so one bad field never hides the messages of the others
 * (z.object stops before cross-field checks when any field fails).
 */
function parseFields(input: Record<string, unknown>, errors: FieldErrors): Partial<Raw> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(RAW_SHAPE)) {
    const result = (schema as z.ZodTypeAny).safeParse(input[key]);
    if (result.success) out[key] = result.data;
    else addError(errors, key, result.error.issues[0].message);
  }
  return out as Partial<Raw>;
}

type RawTier = { row: number; min?: string; max?: string; price?: string };

/**
 * Price tiers from the form's rows: blank rows are ignored; each row needs a minimum and a price;
 * only the last may be open-ended; the tiers run on from 1 school with no gap or overlap.
 */
export function parseTiers(rows: RawTier[]): { tiers: PriceTier[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const tiers: PriceTier[] = [];
  const filled = rows.filter((r) => [r.min, r.max, r.price].some((v) => v !== undefined && v.trim() !== ""));
  for (const [i, r] of filled.entries()) {
    const min = r.min?.trim() ? Number(r.min.trim()) : NaN;
    const max = r.max?.trim() ? Number(r.max.trim()) : null;
    const price = r.price?.trim() ? parsePounds(r.price) : null;
    let ok = true;
    if (!Number.isInteger(min) || min < 1) {
      addError(errors, tierField(r.row, "Min"), `Tier ${r.row}: enter the smallest number of schools as a whole number, 1 or more`);
      ok = false;
    }
    if (max !== null && (!Number.isInteger(max) || max < 1)) {
      addError(errors, tierField(r.row, "Max"), `Tier ${r.row}: enter the largest number of schools as a whole number, or leave it blank for no limit`);
      ok = false;
    } else if (max !== null && Number.isInteger(min) && max < min) {
      addError(errors, tierField(r.row, "Max"), `Tier ${r.row}: the largest number of schools must be at least the smallest`);
      ok = false;
    }
    if (max === null && i < filled.length - 1) {
      addError(errors, tierField(r.row, "Max"), `Tier ${r.row}: only the last tier can have no upper limit`);
      ok = false;
    }
    if (price === null || price <= 0 || price > 100_000_000) {
      addError(errors, tierField(r.row, "Price"), `Tier ${r.row}: enter a price in pounds, like 900 or 899.50, more than £0`);
      ok = false;
    }
    if (ok) tiers.push({ minSchools: min, maxSchools: max, unitPricePence: price! });
  }
  if (Object.keys(errors).length === 0) {
    const message = tierSequenceError(tiers);
    if (message) addError(errors, "priceTiers", message);
  }
  return { tiers: Object.keys(errors).length ? [] : tiers, errors };
}

/** Contiguous from 1, non-overlapping, positive whole pence: the rule for stored tiers. */
export function tierSequenceError(tiers: readonly PriceTier[]): string | null {
  let expected = 1;
  for (const [i, tier] of tiers.entries()) {
    if (!Number.isInteger(tier.unitPricePence) || tier.unitPricePence <= 0) return `Tier ${i + 1}: the price must be more than £0`;
    if (tier.minSchools !== expected)
      return i === 0 ? "The first tier must start at 1 school" : `Tier ${i + 1} must start at ${expected} schools, straight after tier ${i}, with no gap or overlap`;
    if (tier.maxSchools === null) return i === tiers.length - 1 ? null : "Only the last tier can have no upper limit";
    if (tier.maxSchools < tier.minSchools) return `Tier ${i + 1}: the largest number of schools must be at least the smallest`;
    expected = tier.maxSchools + 1;
  }
  return null;
}

/** What must be filled in before a revision goes to the panel. */
export function submissionErrors(f: OfferFields): FieldErrors {
  const errors: FieldErrors = {};
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) addError(errors, field, message);
  };
  need(f.title.trim() !== "", "title", "Enter a title");
  need(f.summary.trim() !== "", "summary", "Enter a summary");
  need(f.description.trim() !== "", "description", "Enter a description");
  need(f.subjectAreas.length > 0, "subjectAreas", "Choose at least one subject area");
  need(f.phases.length > 0, "phases", "Choose at least one phase");
  need(f.deliveryFormat !== null, "deliveryFormat", "Choose a delivery format");
  need(f.duration.trim() !== "", "duration", "Enter the duration");
  need(f.minCapacity !== null, "minCapacity", "Enter the minimum capacity");
  need(f.maxCapacity !== null, "maxCapacity", "Enter the maximum capacity");
  need(f.pricingModel !== null, "pricingModel", "Choose a pricing model");
  need(f.priceTiers.length > 0, "priceTiers", "Enter at least one price tier, starting at 1 school");
  if (f.priceTiers.length > 0) {
    const sequence = tierSequenceError(f.priceTiers);
    if (sequence) addError(errors, "priceTiers", sequence);
  }
  for (const buyer of BUYER_TYPES) need(f.vatTreatment?.[buyer] !== undefined, VAT_FIELDS[buyer], VAT_MISSING[buyer]);
  need(f.outcomes.trim() !== "", "outcomes", "Enter the intended outcomes");
  need(f.evidence.trim() !== "", "evidence", "Enter the evidence behind the outcomes");
  need(f.evidenceStrength !== null, "evidenceStrength", "Choose the strength of the evidence");
  need(f.terms.length > 0, "terms", "Choose at least one term of delivery");
  need(f.deliveryTerms.trim() !== "", "deliveryTerms", "Enter the terms of delivery");
  need(f.cancellationTerms.trim() !== "", "cancellationTerms", "Enter the cancellation terms");
  return errors;
}

const VAT_MISSING: Record<BuyerType, string> = {
  la_maintained: "Choose the VAT treatment for LA-maintained schools",
  academy: "Choose the VAT treatment for academies",
  other: "Choose the VAT treatment for other buyers",
};

/**
 * The offer form. "Save as draft" needs only a title (whatever else is given must be valid);
 * "Submit for review" needs everything. The output is the revision's content and the intent.
 */
export const OfferFormSchema = z.record(z.unknown()).transform((input, ctx) => {
  const errors: FieldErrors = {};
  const raw = parseFields(input, errors);
  const rows = Array.from({ length: TIER_ROWS }, (_, i) => {
    const row = i + 1;
    const r = raw as Record<string, string | undefined>;
    return { row, min: r[tierField(row, "Min")], max: r[tierField(row, "Max")], price: r[tierField(row, "Price")] };
  });
  const parsedTiers = parseTiers(rows);
  for (const [field, messages] of Object.entries(parsedTiers.errors)) for (const message of messages) addError(errors, field, message);
  const vatGiven = [raw.vatLaMaintained, raw.vatAcademy, raw.vatOther];
  const fields: OfferFields = {
    title: raw.title ?? "",
    summary: raw.summary ?? "",
    description: raw.description ?? "",
    subjectAreas: [...new Set(raw.subjectAreas ?? [])],
    phases: [...new Set(raw.phases ?? [])],
    deliveryFormat: raw.deliveryFormat ?? null,
    duration: raw.duration ?? "",
    capacityUnit: raw.capacityUnit ?? "schools",
    minCapacity: raw.minCapacity ?? null,
    maxCapacity: raw.maxCapacity ?? null,
    pricingModel: raw.pricingModel ?? null,
    priceTiers: parsedTiers.tiers,
    vatTreatment: vatGiven.every((v) => v !== undefined)
      ? { la_maintained: raw.vatLaMaintained!, academy: raw.vatAcademy!, other: raw.vatOther! }
      : null,
    outcomes: raw.outcomes ?? "",
    evidence: raw.evidence ?? "",
    evidenceStrength: raw.evidenceStrength ?? null,
    terms: [...new Set(raw.terms ?? [])],
    deliveryTerms: raw.deliveryTerms ?? "",
    cancellationTerms: raw.cancellationTerms ?? "",
    cancellationNoticeDays: raw.cancellationNoticeDays ?? 14,
  };
  if (fields.minCapacity !== null && fields.maxCapacity !== null && fields.maxCapacity < fields.minCapacity)
    addError(errors, "maxCapacity", "Maximum capacity must be at least the minimum capacity");
  if (raw.intent === "submit") {
    for (const [field, messages] of Object.entries(submissionErrors(fields)))
      if (!errors[field]) for (const message of messages) addError(errors, field, message);
  }
  for (const [field, messages] of Object.entries(errors)) for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
  if (Object.keys(errors).length) return z.NEVER;
  return { intent: raw.intent!, fields };
});

export type OfferForm = z.output<typeof OfferFormSchema>;

/** The first tier's price: the single-school price the catalogue filters and sorts by. */
export const fromPricePence = (tiers: readonly PriceTier[]) => tiers[0]?.unitPricePence ?? null;

/** A revision's content as the form's field values, to fill in the form when a draft resumes. */
export function fieldsToFormValues(f: OfferFields): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    title: f.title,
    summary: f.summary,
    description: f.description,
    subjectAreas: f.subjectAreas,
    phases: f.phases,
    deliveryFormat: f.deliveryFormat ?? "",
    duration: f.duration,
    capacityUnit: f.capacityUnit,
    minCapacity: f.minCapacity?.toString() ?? "",
    maxCapacity: f.maxCapacity?.toString() ?? "",
    pricingModel: f.pricingModel ?? "",
    vatLaMaintained: f.vatTreatment?.la_maintained ?? "",
    vatAcademy: f.vatTreatment?.academy ?? "",
    vatOther: f.vatTreatment?.other ?? "",
    outcomes: f.outcomes,
    evidence: f.evidence,
    evidenceStrength: f.evidenceStrength ?? "",
    terms: f.terms,
    deliveryTerms: f.deliveryTerms,
    cancellationTerms: f.cancellationTerms,
    cancellationNoticeDays: String(f.cancellationNoticeDays),
  };
  f.priceTiers.forEach((tier, i) => {
    values[tierField(i + 1, "Min")] = String(tier.minSchools);
    values[tierField(i + 1, "Max")] = tier.maxSchools?.toString() ?? "";
    values[tierField(i + 1, "Price")] = (tier.unitPricePence / 100).toFixed(2);
  });
  return values;
}

/** Pick the content fields out of a stored revision. */
export function revisionFields(r: OfferFields): OfferFields {
  return {
    title: r.title,
    summary: r.summary,
    description: r.description,
    subjectAreas: r.subjectAreas,
    phases: r.phases,
    deliveryFormat: r.deliveryFormat,
    duration: r.duration,
    capacityUnit: r.capacityUnit,
    minCapacity: r.minCapacity,
    maxCapacity: r.maxCapacity,
    pricingModel: r.pricingModel,
    priceTiers: r.priceTiers,
    vatTreatment: r.vatTreatment,
    outcomes: r.outcomes,
    evidence: r.evidence,
    evidenceStrength: r.evidenceStrength,
    terms: r.terms,
    deliveryTerms: r.deliveryTerms,
    cancellationTerms: r.cancellationTerms,
    cancellationNoticeDays: r.cancellationNoticeDays,
  };
}
