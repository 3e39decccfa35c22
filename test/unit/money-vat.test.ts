import { describe, expect, it } from "vitest";
import { orderAmounts, vatTreatmentFor } from "~/domain/purchasing/rules";

// Worked examples of docs/decisions/0010-vat-on-shared-purchases.md.
describe("VAT on a shared purchase", () => {
  it("is due on the whole consideration: the pot's part carries VAT, paid by the school", () => {
    // The case that was wrong: a £1,382.52 share, £345.63 of it from the pot. VAT was £207.38 (on £1,036.89 only).
    const amounts = orderAmounts({ netPence: 138_252, potPence: 34_563, vatTreatment: "standard" });
    expect(amounts).toEqual({ netPence: 138_252, potPence: 34_563, vatPence: 27_650, grossPence: 165_902, payablePence: 131_339 });
    // The invoice adds up: £1,382.52 − £345.63 + £276.50 = £1,313.39.
    expect(amounts.netPence - amounts.potPence + amounts.vatPence).toBe(amounts.payablePence);
  });

  it("leaves the school only the VAT when the pot pays the whole net", () => {
    expect(orderAmounts({ netPence: 75_000, potPence: 75_000, vatTreatment: "standard" })).toMatchObject({ vatPence: 15_000, payablePence: 15_000 });
  });

  it("charges none when the supply is exempt, zero-rated or outside the scope, pot or no pot", () => {
    for (const vatTreatment of ["exempt", "zero", "outside_scope"] as const) {
      expect(orderAmounts({ netPence: 90_000, potPence: 9_000, vatTreatment })).toMatchObject({ vatPence: 0, payablePence: 81_000 });
    }
  });

  it("rounds half up on the whole net", () => {
    // 20% of £0.03 is 0.6p: 1p.
    expect(orderAmounts({ netPence: 3, potPence: 1, vatTreatment: "standard" })).toMatchObject({ vatPence: 1, payablePence: 3 });
    // 20% of £0.02 is 0.4p: nothing.
    expect(orderAmounts({ netPence: 2, potPence: 2, vatTreatment: "standard" })).toMatchObject({ vatPence: 0, payablePence: 0 });
  });

  describe("by buyer", () => {
    const offerTreatment = { la_maintained: "standard", academy: "standard", other: "exempt" } as const;
    it("a maintained school buying the authority's own traded service is inside the authority: no VAT", () => {
      expect(vatTreatmentFor({ buyer: "la_maintained", providerKind: "la_traded_services", offerTreatment })).toBe("outside_scope");
    });
    it("a maintained school buying from any other provider pays by the offer's treatment", () => {
      expect(vatTreatmentFor({ buyer: "la_maintained", providerKind: "teaching_school", offerTreatment })).toBe("standard");
    });
    it("an academy buying the authority's traded service is a separate body: the offer's treatment applies", () => {
      expect(vatTreatmentFor({ buyer: "academy", providerKind: "la_traded_services", offerTreatment })).toBe("standard");
    });
    it("other buyers by the offer's treatment, standard when the offer says nothing", () => {
      expect(vatTreatmentFor({ buyer: "other", providerKind: "teaching_school", offerTreatment })).toBe("exempt");
      expect(vatTreatmentFor({ buyer: "other", providerKind: "teaching_school", offerTreatment: null })).toBe("standard");
    });
  });
});
