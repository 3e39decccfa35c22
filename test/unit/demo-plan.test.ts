import { describe, expect, it } from "vitest";
import { arden } from "#db/seed/arden";
import { glanTeifi } from "#db/seed/glan-teifi";
import { addDays, consortiaEstablishedOn, isoDate, planAuthority, salesMonthDays, salesMonths } from "#db/seed/plan";
import { financialYearOf } from "~/domain/funding/rules";
import { createRandom, seedFrom } from "#db/seed/random";

describe("the demo county's plan", () => {
  it("draws the same numbers from the same seed, and different ones from another", () => {
    const a = createRandom(seedFrom("arden"));
    const b = createRandom(seedFrom("arden"));
    const c = createRandom(seedFrom("glan-teifi"));
    const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 20 }, () => r.int(0, 1_000_000));
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    for (const n of first) expect(n).toBeGreaterThanOrEqual(0);
  });

  it("plans the same schools and people twice, with fresh ids", () => {
    const day = new Date("2026-09-07T08:00:00Z");
    const one = planAuthority(arden, day);
    const two = planAuthority(arden, day);
    const content = (p: typeof one) => ({
      schools: p.county.schools.map((s) => [s.urn, s.name, s.phase, s.numberOnRoll]),
      users: p.users.map((u) => [u.email, u.name]),
      signIns: p.signIns,
    });
    expect(content(two)).toEqual(content(one));
    expect(two.authority.id).not.toBe(one.authority.id);
  });

  it("gives Welsh schools Welsh names, categories and Estyn inspections", () => {
    const plan = planAuthority(glanTeifi, new Date("2026-09-07T08:00:00Z"));
    expect(plan.county.schools.length).toBeGreaterThan(0);
    expect(plan.county.schools.filter((s) => !s.name.startsWith("Ysgol"))).toEqual([]);
    expect(new Set(plan.schools.map((s) => s.category))).toEqual(new Set(["green", "yellow", "amber", "red"]));
    expect(new Set(plan.inspections.map((i) => i.inspectorate))).toEqual(new Set(["estyn"]));
    expect(new Set(plan.schools.map((s) => s.laMaintained))).toEqual(new Set([true]));
  });

  it("dates the consortia from 30 September two academic years back, in England's calendar", () => {
    expect(consortiaEstablishedOn("2026-09-01")).toBe("2024-09-30");
    expect(consortiaEstablishedOn("2026-08-31")).toBe("2023-09-30");
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(isoDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("sells from the April of the last financial year to the seed's day: two financial years, nothing earlier or later", () => {
    for (const today of ["2026-12-02T09:00:00Z", "2026-11-16T09:00:00Z", "2026-05-15T09:00:00Z", "2027-03-31T09:00:00Z"]) {
      const day = new Date(today);
      const months = salesMonths(day);
      const days = Array.from({ length: months }, (_, i) => salesMonthDays(day, i + 1));
      const years = new Set(days.flatMap((d) => [financialYearOf(d.first), financialYearOf(d.last)]));
      const thisYear = financialYearOf(isoDate(day));
      const lastYear = financialYearOf(`${Number(thisYear.slice(0, 4)) - 1}-04-01`);
      expect([...years].sort()).toEqual([lastYear, thisYear]);
      expect(days.at(-1)!.first >= `${lastYear.slice(0, 4)}-04-01`).toBe(true);
      // Within a month of the April it starts from.
      expect(days.at(-1)!.first < `${lastYear.slice(0, 4)}-05-01`).toBe(true);
      expect(days.every((d) => d.first < isoDate(day))).toBe(true);
    }
    expect(salesMonths(new Date("2026-12-02T09:00:00Z"))).toBe(20);
  });
});
