import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buyInBps,
  financialYearBounds,
  isCfrCode,
  proposedCfrCode,
  financialYearNameOf,
  financialYearOf,
  meetsBuyInTarget,
  monthName,
  parseFinancialYear,
  parseTermKey,
  recogniseIncome,
  runsOverAcademicYear,
  termBounds,
  termNameOf,
  termOf,
} from "~/domain/reporting/rules";
import { runInLocale } from "~/i18n/request-locale.server";
import { FINANCIAL_YEAR_EDGES } from "../setup/financial-years";

const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Days on either side of each term's start, with the term each is in and its name in Welsh. */
const TERM_EDGES = [
  ["2026-08-31", { academicYear: 2025, term: "summer" }, "Tymor yr haf 2025/26"],
  ["2026-09-01", { academicYear: 2026, term: "autumn" }, "Tymor yr hydref 2026/27"],
  ["2026-12-31", { academicYear: 2026, term: "autumn" }, "Tymor yr hydref 2026/27"],
  ["2027-01-01", { academicYear: 2026, term: "spring" }, "Tymor y gwanwyn 2026/27"],
  ["2027-03-31", { academicYear: 2026, term: "spring" }, "Tymor y gwanwyn 2026/27"],
  ["2027-04-01", { academicYear: 2026, term: "summer" }, "Tymor yr haf 2026/27"],
] as const;

describe("financial years and terms at their edges", () => {
  it("puts 31 March in the year before and 1 April in the year after", () => {
    for (const [date, year] of FINANCIAL_YEAR_EDGES) expect(financialYearOf(date)).toBe(year);
    expect(financialYearOf("2099-12-31")).toBe("2099-00");
  });

  it("puts 31 August in the summer term and 1 September in the autumn term of the next academic year", () => {
    for (const [date, term] of TERM_EDGES) expect(termOf(date)).toEqual(term);
  });

  it("names the years and terms in Welsh on either side of each edge", () => {
    runInLocale("cy", () => {
      expect(financialYearNameOf("2027-03-31")).toBe("Blwyddyn ariannol 2026-27");
      expect(financialYearNameOf("2027-04-01")).toBe("Blwyddyn ariannol 2027-28");
      for (const [date, , welsh] of TERM_EDGES) expect(termNameOf(date)).toBe(welsh);
    });
    runInLocale("en", () => {
      expect(financialYearNameOf("2027-03-31")).toBe("Financial year 2026-27");
      expect(termNameOf("2026-09-01")).toBe("Autumn term 2026/27");
    });
  });

  it("names every month in the reader's language, whatever the time of year", () => {
    const welsh = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"];
    const months = welsh.map((_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
    expect(runInLocale("cy", () => months.map(monthName))).toEqual(welsh.map((m) => `${m} 2026`));
    expect(runInLocale("en", () => [monthName("2026-01"), monthName("2026-10"), monthName("2026-12")])).toEqual([
      "January 2026",
      "October 2026",
      "December 2026",
    ]);
  });

  it("reads only well-formed years and terms", () => {
    expect(parseFinancialYear("2026-27")).toBe(2026);
    expect(parseFinancialYear("2026-28")).toBeNull();
    expect(parseFinancialYear("2026/27")).toBeNull();
    expect(parseFinancialYear("")).toBeNull();
    expect(parseTermKey("2026-spring")).toEqual({ academicYear: 2026, term: "spring" });
    expect(parseTermKey("2026-winter")).toBeNull();
  });

  it("every day lies inside the bounds of its own financial year and its own term", () => {
    fc.assert(
      fc.property(day, (d) => {
        const fy = financialYearBounds(Number(financialYearOf(d).slice(0, 4)));
        expect(fy.from <= d && d < fy.to).toBe(true);
        const { academicYear, term } = termOf(d);
        const tb = termBounds(academicYear, term);
        expect(tb.from <= d && d < tb.to).toBe(true);
      }),
    );
  });
});

describe("recognising income of a service over the academic year", () => {
  it("puts seven twelfths in the financial year of its September and five twelfths in the next", () => {
    expect(recogniseIncome({ pence: 120_000, earnedOn: "2026-07-15", academicYearService: true, serviceStartsOn: "2026-09-01" })).toEqual([
      { financialYear: "2026-27", pence: 70_000 },
      { financialYear: "2027-28", pence: 50_000 },
    ]);
    // Bought in the autumn term with no start date: the academic year it was bought in.
    expect(recogniseIncome({ pence: 100, earnedOn: "2026-10-01", academicYearService: true })).toEqual([
      { financialYear: "2026-27", pence: 58 },
      { financialYear: "2027-28", pence: 42 },
    ]);
    // Bought on 31 August: still the academic year that is ending.
    expect(recogniseIncome({ pence: 12, earnedOn: "2026-08-31", academicYearService: true })[0]).toEqual({ financialYear: "2025-26", pence: 7 });
    expect(recogniseIncome({ pence: 999, earnedOn: "2027-03-31", academicYearService: false })).toEqual([{ financialYear: "2026-27", pence: 999 }]);
  });

  it("recognises every penny, each part within a penny of its twelfths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), day, (pence, earnedOn) => {
        const parts = recogniseIncome({ pence, earnedOn, academicYearService: true });
        expect(parts[0].pence + parts[1].pence).toBe(pence);
        expect(Math.abs(parts[0].pence * 12 - pence * 7)).toBeLessThan(12);
        expect(parts[0].financialYear).not.toBe(parts[1].financialYear);
      }),
    );
  });

  it("an offer runs over the academic year when it is delivered in all three terms", () => {
    expect(runsOverAcademicYear(["summer", "autumn", "spring"])).toBe(true);
    expect(runsOverAcademicYear(["autumn", "spring"])).toBe(false);
  });
});

describe("buy-in against the 85% target", () => {
  it("meets the target at 85% exactly and not a school short of it", () => {
    expect(buyInBps({ bought: 17, schools: 20 })).toBe(8_500);
    expect(meetsBuyInTarget(buyInBps({ bought: 17, schools: 20 }))).toBe(true);
    expect(meetsBuyInTarget(buyInBps({ bought: 16, schools: 20 }))).toBe(false);
    expect(buyInBps({ bought: 0, schools: 0 })).toBeNull();
    expect(meetsBuyInTarget(null)).toBe(false);
    expect(() => buyInBps({ bought: 3, schools: 2 })).toThrow(RangeError);
  });

  it("never reports a share above the true one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }).chain((schools) => fc.tuple(fc.integer({ min: 0, max: schools }), fc.constant(schools))),
        ([bought, schools]) => {
          const bps = buyInBps({ bought, schools })!;
          expect(bps * schools).toBeLessThanOrEqual(bought * 10_000);
          expect((bps + 1) * schools).toBeGreaterThan(bought * 10_000);
          expect(meetsBuyInTarget(bps)).toBe(bought * 100 >= schools * 85);
        },
      ),
    );
  });
});

describe("the CFR code proposed for a purchase", () => {
  it("follows the offer's first subject area", () => {
    expect(proposedCfrCode(["leadership_and_management", "literacy"])).toBe("E09");
    expect(proposedCfrCode(["literacy", "leadership_and_management"])).toBe("E27");
    expect(proposedCfrCode(["assessment_and_data"])).toBe("E28");
    expect(proposedCfrCode([])).toBe("E27");
  });

  it("always proposes a code finance may choose", () => {
    fc.assert(fc.property(fc.array(fc.string()), (areas) => isCfrCode(proposedCfrCode(areas))));
  });
});
