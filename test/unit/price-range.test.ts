import { describe, expect, it } from "vitest";
import { priceRangeText } from "~/components/price-tiers";

describe("an offer's price range in the catalogue", () => {
  it("runs from the one-school price down to the cheapest tier", () => {
    const tiers = [
      { minSchools: 1, maxSchools: 4, unitPricePence: 95_000 },
      { minSchools: 5, maxSchools: 9, unitPricePence: 85_000 },
      { minSchools: 10, maxSchools: null, unitPricePence: 75_000 },
    ];
    expect(priceRangeText(tiers, "per_school")).toBe("£950.00 each school for 1 to 4 schools, down to £750.00 for 10 or more schools buying together");
    expect(priceRangeText([...tiers].reverse(), "per_school")).toBe(
      "£950.00 each school for 1 to 4 schools, down to £750.00 for 10 or more schools buying together",
    );
  });

  it("is the one price when there is one, and nothing without tiers", () => {
    expect(priceRangeText([{ minSchools: 1, maxSchools: null, unitPricePence: 65_000 }], "per_school")).toBe("£650.00 each school");
    expect(priceRangeText([], "per_school")).toBeNull();
  });
});
