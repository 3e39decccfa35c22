// The offer form: one schema for the provider's page (checked in the browser as it is filled in) and the
// use cases that save and submit it. Nothing here is for the server only: the page loads it.
import { z } from "zod";
import {
  BUYER_TYPES,
  DELIVERY_FORMATS,
  EVIDENCE_STRENGTHS,
  OFFER_PHASES,
  PRICING_MODELS,
  TERMS,
  VAT_TREATMENTS,
  type BuyerType,
  type PriceTier,
  type VatTreatment,
} from "#db/schema/catalogue-vocabulary";
import { SUBJECT_AREAS } from "#db/schema/vocabulary";
import { manyOf, optionalWhole, parsePounds, parseWhole, text as textField } from "~/forms/fields";
import { fieldName } from "~/forms/field-errors";
import { currentLocale, t, type Locale, type MessageKey } from "~/i18n";

import { TIER_ROWS, tierField, VAT_FIELDS, type TierPart } from "./offer-fields";

export { TIER_ROWS, tierField, VAT_FIELDS };
export type { TierPart };

/** The content of a revision, as stored in offer_revisions. */
export type OfferFields = {
  title: string;
  summary: string;
  description: string;
  /** The same in Welsh; empty when the provider gives no Welsh version. */
  titleCy: string;
  summaryCy: string;
  descriptionCy: string;
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

/**
 * Each field's schema. Built when first asked for in a language, not when the module loads: in the
 * browser the module loads before the reader's catalogue has arrived. On the server, built outside a
 * request, its messages are English and parseValues says them again in the reader's language.
 */
function rawShape() {
  const text = (max: number, label: MessageKey) => textField({ label: t(label), max, multiline: max > 300 });
  const choice = <T extends readonly [string, ...string[]]>(values: T, message: MessageKey) =>
    z.preprocess(blankToUndefined, z.enum(values, { message: t(message) }).optional());
  const wholeNumber = (label: MessageKey, min: number, max: number) =>
    optionalWhole({ label: t(label), invalid: t("offerSchema.notWhole", { label: t(label) }), min, max });
  // A tier as typed: its numbers are read by parseTiers, which knows the rows around it. A row not posted is blank.
  const tierText = z.string().max(20).optional();
  const tier = z.preprocess((v) => v ?? {}, z.object({ min: tierText, max: tierText, price: tierText }));
  return {
    intent: z.enum(["save", "submit"], { message: t("offerSchema.intent") }),
    title: textField({ label: t("offerSchema.label.title"), max: 150, required: t("offerSchema.need.title") }),
    summary: text(300, "offerSchema.label.summary"),
    description: text(5000, "offerSchema.label.description"),
    titleCy: text(150, "offerSchema.label.titleCy"),
    summaryCy: text(300, "offerSchema.label.summaryCy"),
    descriptionCy: text(5000, "offerSchema.label.descriptionCy"),
    subjectAreas: manyOf(z.enum(SUBJECT_AREAS, { message: t("offerSchema.subjectAreasFromList") })),
    phases: manyOf(z.enum(OFFER_PHASES, { message: t("offerSchema.phasesFromList") })),
    deliveryFormat: choice(DELIVERY_FORMATS, "offerSchema.deliveryFormatFromList"),
    duration: text(200, "offerSchema.label.duration"),
    capacityUnit: z.preprocess((v) => blankToUndefined(v) ?? "schools", z.enum(["schools", "delegates"], { message: t("offerSchema.capacityUnit") })),
    minCapacity: wholeNumber("offerSchema.label.minCapacity", 1, 100_000),
    maxCapacity: wholeNumber("offerSchema.label.maxCapacity", 1, 100_000),
    pricingModel: choice(PRICING_MODELS, "offerSchema.pricingModelFromList"),
    tiers: z.preprocess((v) => v ?? [], z.array(tier).max(TIER_ROWS, t("offerSchema.tier.tooMany", { max: TIER_ROWS }))),
    vatLaMaintained: choice(VAT_TREATMENTS, "offerSchema.vat.la_maintained"),
    vatAcademy: choice(VAT_TREATMENTS, "offerSchema.vat.academy"),
    vatOther: choice(VAT_TREATMENTS, "offerSchema.vat.other"),
    outcomes: text(5000, "offerSchema.label.outcomes"),
    evidence: text(5000, "offerSchema.label.evidence"),
    evidenceStrength: choice(EVIDENCE_STRENGTHS, "offerSchema.evidenceStrengthFromList"),
    terms: manyOf(z.enum(TERMS, { message: t("offerSchema.termsFromList") })),
    deliveryTerms: text(2000, "offerSchema.label.deliveryTerms"),
    cancellationTerms: text(2000, "offerSchema.label.cancellationTerms"),
    cancellationNoticeDays: wholeNumber("offerSchema.label.noticeDays", 0, 365),
  };
}
type RawShape = ReturnType<typeof rawShape>;
type Raw = { [K in keyof RawShape]: z.output<RawShape[K]> };

/**
 * Each field on its own, so one bad field never hides the messages of the others
 * (z.object stops before cross-field checks when any field fails).
 */
function parseFields(shape: RawShape, input: Record<string, unknown>, errors: FieldErrors): Partial<Raw> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const result = (schema as z.ZodTypeAny).safeParse(input[key]);
    if (result.success) out[key] = result.data;
    else addError(errors, fieldName([key, ...result.error.issues[0].path]), result.error.issues[0].message);
  }
  return out as Partial<Raw>;
}

/** As many schools as an offer's capacity can name. */
const MAX_TIER_SCHOOLS = 100_000;

export type RawTier = Partial<Record<TierPart, string>>;

/**
 * Price tiers from the form's list of rows (`tiers[0]`, `tiers[1]` ...): blank rows are ignored; each row
 * needs a minimum and a price; only the last may be open-ended; the tiers run on from 1 school with no gap
 * or overlap. A message is put by its row's field (`tiers[1].max`) and names the row as the page does (Tier 2).
 */
export function parseTiers(rows: readonly (RawTier | undefined)[]): { tiers: PriceTier[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const tiers: PriceTier[] = [];
  const filled = Array.from(rows, (r, index) => ({ ...r, index, row: index + 1 })).filter((r) =>
    [r.min, r.max, r.price].some((v) => v !== undefined && v.trim() !== ""),
  );
  for (const [i, r] of filled.entries()) {
    const minMessage = t("offerSchema.tier.min", { row: r.row, max: MAX_TIER_SCHOOLS });
    const maxMessage = t("offerSchema.tier.max", { row: r.row, max: MAX_TIER_SCHOOLS });
    const minParsed = parseWhole(r.min ?? "", { label: "", invalid: minMessage, tooSmall: minMessage, tooLarge: minMessage, min: 1, max: MAX_TIER_SCHOOLS });
    const maxParsed = r.max?.trim()
      ? parseWhole(r.max, { label: "", invalid: maxMessage, tooSmall: maxMessage, tooLarge: maxMessage, min: 1, max: MAX_TIER_SCHOOLS })
      : null;
    const min = minParsed.ok ? minParsed.value : NaN;
    const max = maxParsed === null ? null : maxParsed.ok ? maxParsed.value : NaN;
    const price = r.price?.trim() ? parsePounds(r.price) : null;
    let ok = true;
    if (!minParsed.ok) {
      addError(errors, tierField(r.index, "min"), minParsed.message);
      ok = false;
    }
    if (maxParsed && !maxParsed.ok) {
      addError(errors, tierField(r.index, "max"), maxParsed.message);
      ok = false;
    } else if (max !== null && Number.isInteger(min) && max < min) {
      addError(errors, tierField(r.index, "max"), t("offerSchema.tier.maxBelowMin", { row: r.row }));
      ok = false;
    }
    if (max === null && i < filled.length - 1) {
      addError(errors, tierField(r.index, "max"), t("offerSchema.tier.onlyLastOpen", { row: r.row }));
      ok = false;
    }
    if (price === null || price <= 0 || price > 100_000_000) {
      addError(errors, tierField(r.index, "price"), t("offerSchema.tier.price", { row: r.row }));
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
    if (!Number.isInteger(tier.unitPricePence) || tier.unitPricePence <= 0) return t("offerSchema.tier.priceAboveZero", { row: i + 1 });
    if (tier.minSchools !== expected) return i === 0 ? t("offerSchema.tier.firstFromOne") : t("offerSchema.tier.runsOn", { row: i + 1, expected, previous: i });
    if (tier.maxSchools === null) return i === tiers.length - 1 ? null : t("offerSchema.tier.lastOnlyOpen");
    if (tier.maxSchools < tier.minSchools) return t("offerSchema.tier.maxBelowMin", { row: i + 1 });
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
  need(f.title.trim() !== "", "title", t("offerSchema.need.title"));
  need(f.summary.trim() !== "", "summary", t("offerSchema.need.summary"));
  need(f.description.trim() !== "", "description", t("offerSchema.need.description"));
  need(f.subjectAreas.length > 0, "subjectAreas", t("offerSchema.need.subjectAreas"));
  need(f.phases.length > 0, "phases", t("offerSchema.need.phases"));
  need(f.deliveryFormat !== null, "deliveryFormat", t("offerSchema.need.deliveryFormat"));
  need(f.duration.trim() !== "", "duration", t("offerSchema.need.duration"));
  need(f.minCapacity !== null, "minCapacity", t("offerSchema.need.minCapacity"));
  need(f.maxCapacity !== null, "maxCapacity", t("offerSchema.need.maxCapacity"));
  need(f.pricingModel !== null, "pricingModel", t("offerSchema.need.pricingModel"));
  need(f.priceTiers.length > 0, "priceTiers", t("offerSchema.need.priceTiers"));
  if (f.priceTiers.length > 0) {
    const sequence = tierSequenceError(f.priceTiers);
    if (sequence) addError(errors, "priceTiers", sequence);
  }
  for (const buyer of BUYER_TYPES) need(f.vatTreatment?.[buyer] !== undefined, VAT_FIELDS[buyer], t(`offerSchema.vat.${buyer}`));
  need(f.outcomes.trim() !== "", "outcomes", t("offerSchema.need.outcomes"));
  need(f.evidence.trim() !== "", "evidence", t("offerSchema.need.evidence"));
  need(f.evidenceStrength !== null, "evidenceStrength", t("offerSchema.need.evidenceStrength"));
  need(f.terms.length > 0, "terms", t("offerSchema.need.terms"));
  need(f.deliveryTerms.trim() !== "", "deliveryTerms", t("offerSchema.need.deliveryTerms"));
  need(f.cancellationTerms.trim() !== "", "cancellationTerms", t("offerSchema.need.cancellationTerms"));
  return errors;
}

/**
 * The offer form. "Save as draft" needs only a title (whatever else is given must be valid);
 * "Submit for review" needs everything. The output is the revision's content and the intent.
 */
const buildOfferFormSchema = () => {
  const shape = rawShape();
  return z.record(z.unknown()).transform((input, ctx) => {
    const errors: FieldErrors = {};
    const raw = parseFields(shape, input, errors);
    // A message about the list as a whole (more rows than the form has) goes by the tiers' fieldset.
    for (const message of errors.tiers ?? []) addError(errors, "priceTiers", message);
    delete errors.tiers;
    const parsedTiers = parseTiers(raw.tiers ?? []);
    for (const [field, messages] of Object.entries(parsedTiers.errors)) for (const message of messages) addError(errors, field, message);
    const vatGiven = [raw.vatLaMaintained, raw.vatAcademy, raw.vatOther];
    const fields: OfferFields = {
      title: raw.title ?? "",
      summary: raw.summary ?? "",
      description: raw.description ?? "",
      titleCy: raw.titleCy ?? "",
      summaryCy: raw.summaryCy ?? "",
      descriptionCy: raw.descriptionCy ?? "",
      subjectAreas: [...new Set(raw.subjectAreas ?? [])],
      phases: [...new Set(raw.phases ?? [])],
      deliveryFormat: raw.deliveryFormat ?? null,
      duration: raw.duration ?? "",
      capacityUnit: raw.capacityUnit ?? "schools",
      minCapacity: raw.minCapacity ?? null,
      maxCapacity: raw.maxCapacity ?? null,
      pricingModel: raw.pricingModel ?? null,
      priceTiers: parsedTiers.tiers,
      vatTreatment: vatGiven.every((v) => v !== undefined) ? { la_maintained: raw.vatLaMaintained!, academy: raw.vatAcademy!, other: raw.vatOther! } : null,
      outcomes: raw.outcomes ?? "",
      evidence: raw.evidence ?? "",
      evidenceStrength: raw.evidenceStrength ?? null,
      terms: [...new Set(raw.terms ?? [])],
      deliveryTerms: raw.deliveryTerms ?? "",
      cancellationTerms: raw.cancellationTerms ?? "",
      cancellationNoticeDays: raw.cancellationNoticeDays ?? 14,
    };
    if (fields.minCapacity !== null && fields.maxCapacity !== null && fields.maxCapacity < fields.minCapacity)
      addError(errors, "maxCapacity", t("offerSchema.maxBelowMin"));
    if (raw.intent === "submit") {
      for (const [field, messages] of Object.entries(submissionErrors(fields)))
        if (!errors[field]) for (const message of messages) addError(errors, field, message);
    }
    for (const [field, messages] of Object.entries(errors)) for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
    if (Object.keys(errors).length) return z.NEVER;
    return { intent: raw.intent!, fields };
  });
};

const schemas = new Map<Locale, ReturnType<typeof buildOfferFormSchema>>();
/** The offer form's schema, with its messages in the reader's language (on the server, made in English and said again). */
export function offerFormSchema() {
  const locale = currentLocale();
  let schema = schemas.get(locale);
  if (!schema) schemas.set(locale, (schema = buildOfferFormSchema()));
  return schema;
}

export type OfferForm = z.output<ReturnType<typeof offerFormSchema>>;

/** The first tier's price: the single-school price the catalogue filters and sorts by. */
export const fromPricePence = (tiers: readonly PriceTier[]) => tiers[0]?.unitPricePence ?? null;

/** A revision's content as the form's field values, to fill in the form when a draft resumes. */
export function fieldsToFormValues(f: OfferFields): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    title: f.title,
    summary: f.summary,
    description: f.description,
    titleCy: f.titleCy,
    summaryCy: f.summaryCy,
    descriptionCy: f.descriptionCy,
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
    values[tierField(i, "min")] = String(tier.minSchools);
    values[tierField(i, "max")] = tier.maxSchools?.toString() ?? "";
    values[tierField(i, "price")] = (tier.unitPricePence / 100).toFixed(2);
  });
  return values;
}

/** Pick the content fields out of a stored revision. */
export function revisionFields(r: OfferFields): OfferFields {
  return {
    title: r.title,
    summary: r.summary,
    description: r.description,
    titleCy: r.titleCy,
    summaryCy: r.summaryCy,
    descriptionCy: r.descriptionCy,
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
