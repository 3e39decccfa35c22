// What changed between two revisions of an offer, field by field (pure).
import type { OfferFields } from "~/domain/catalogue/offer-schema";
import { formatPence } from "~/format";

export const OFFER_CONTENT_FIELDS = [
  "title",
  "summary",
  "description",
  "titleCy",
  "summaryCy",
  "descriptionCy",
  "subjectAreas",
  "phases",
  "deliveryFormat",
  "duration",
  "capacityUnit",
  "minCapacity",
  "maxCapacity",
  "pricingModel",
  "priceTiers",
  "vatTreatment",
  "outcomes",
  "evidence",
  "evidenceStrength",
  "terms",
  "deliveryTerms",
  "cancellationTerms",
  "cancellationNoticeDays",
] as const satisfies readonly (keyof OfferFields)[];
export type OfferContentField = (typeof OFFER_CONTENT_FIELDS)[number];

/**
 * A change to any of these fields of an approved offer is material: it makes a new revision
 * that the panel must approve before it goes on sale. Every field buyers rely on is here,
 * the wording of title, summary and description included, so nothing unreviewed is ever sold.
 */
export const MATERIAL_FIELDS: readonly OfferContentField[] = OFFER_CONTENT_FIELDS;

export type FieldChange = { field: OfferContentField; before: string; after: string };

/** A field's value as one line of text, for showing and comparing. */
export function displayValue(field: OfferContentField, f: OfferFields): string {
  const value = f[field];
  if (field === "priceTiers")
    return f.priceTiers
      .map(
        (t) =>
          `${t.maxSchools === null ? `${t.minSchools}+` : t.minSchools === t.maxSchools ? `${t.minSchools}` : `${t.minSchools}-${t.maxSchools}`} schools: ${formatPence(t.unitPricePence)}`,
      )
      .join("; ");
  if (field === "vatTreatment")
    return f.vatTreatment ? `LA maintained: ${f.vatTreatment.la_maintained}; academy: ${f.vatTreatment.academy}; other: ${f.vatTreatment.other}` : "";
  if (Array.isArray(value)) return [...value].sort().join(", ");
  return value === null || value === undefined ? "" : String(value);
}

/** The fields whose values differ, in form order. */
export function revisionDiff(before: OfferFields, after: OfferFields): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of OFFER_CONTENT_FIELDS) {
    const b = displayValue(field, before);
    const a = displayValue(field, after);
    if (b !== a) changes.push({ field, before: b, after: a });
  }
  return changes;
}

export const isMaterialEdit = (before: OfferFields, after: OfferFields) => revisionDiff(before, after).some((c) => MATERIAL_FIELDS.includes(c.field));
