import { describe, expect, it } from "vitest";
import type { OfferFields } from "~/domain/catalogue/offer-schema";
import { completeFields } from "../factories/quality";
import { isMaterialEdit, MATERIAL_FIELDS, OFFER_CONTENT_FIELDS, revisionDiff } from "~/domain/quality/revision-diff";

const base = completeFields();

describe("the diff between two revisions", () => {
  it("is empty for the same content, whatever the order of lists", () => {
    expect(revisionDiff(base, { ...base, subjectAreas: ["teaching_and_learning", "literacy"], terms: ["spring", "autumn"] })).toEqual([]);
    expect(isMaterialEdit(base, { ...base })).toBe(false);
  });

  it("lists each changed field with its before and after, in form order", () => {
    const after: OfferFields = {
      ...base,
      title: "Talk for Writing",
      priceTiers: base.priceTiers.map((t, i) => (i === 0 ? { ...t, unitPricePence: 95000 } : t)),
      vatTreatment: { ...base.vatTreatment!, academy: "exempt" },
      cancellationNoticeDays: 28,
    };
    expect(revisionDiff(base, after)).toEqual([
      { field: "title", before: "Talk for Writing: whole-school training", after: "Talk for Writing" },
      {
        field: "priceTiers",
        before: "1-4 schools: £900.00; 5-9 schools: £750.00; 10+ schools: £600.00",
        after: "1-4 schools: £950.00; 5-9 schools: £750.00; 10+ schools: £600.00",
      },
      {
        field: "vatTreatment",
        before: "LA maintained: outside_scope; academy: standard; other: standard",
        after: "LA maintained: outside_scope; academy: exempt; other: standard",
      },
      { field: "cancellationNoticeDays", before: "14", after: "28" },
    ]);
  });

  it("shows cleared fields as empty", () => {
    expect(revisionDiff(base, { ...base, deliveryFormat: null, evidenceStrength: null })).toEqual([
      { field: "deliveryFormat", before: "in_school", after: "" },
      { field: "evidenceStrength", before: "moderate", after: "" },
    ]);
  });

  it("treats a change to any content field of an approved offer as material", () => {
    expect(MATERIAL_FIELDS).toEqual(OFFER_CONTENT_FIELDS);
    expect(isMaterialEdit(base, { ...base, summary: `${base.summary} Now with coaching.` })).toBe(true);
    expect(isMaterialEdit(base, { ...base, capacityUnit: "delegates" })).toBe(true);
  });
});
