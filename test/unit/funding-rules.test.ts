import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adjustments,
  allocate,
  financialYearDays,
  financialYearOf,
  hasSignedLatest,
  isFinancialYear,
  nextFinancialYear,
  postingLines,
  readParts,
  reminderDue,
  sizeBandPence,
  type FormulaPart,
  type PostingLine,
  type SchoolInput,
} from "~/domain/funding/rules";
import { FINANCIAL_YEAR_EDGES } from "../setup/financial-years";

/** Warwickshire, December 2013: the chair's time and the consortium's budget, by size (under 15 schools, or 15 and more). */
const WARWICKSHIRE: FormulaPart[] = [
  { kind: "size_band", label: "Consortium chair", fromSchools: 15, belowPence: 600_000, fromPence: 1_200_000 },
  { kind: "size_band", label: "Consortium funding", fromSchools: 15, belowPence: 2_420_000, fromPence: 2_820_000 },
  { kind: "category", label: "Category 3A", category: "3A", ratePence: 2_000 },
  { kind: "category", label: "Category 4", category: "4", ratePence: 5_000 },
];
/** Walsall: the council's £500,000 split per pupil across primary and secondary, matched by the schools that sign the MOU. */
const WALSALL: FormulaPart[] = [
  { kind: "per_pupil", label: "Council investment", phase: "all", basis: "total", amountPence: 50_000_000 },
  { kind: "match", label: "School match funding", ratePence: 1_000 },
];

const school = (id: string, consortiumId: string, over: Partial<SchoolInput> = {}): SchoolInput => ({
  id,
  name: `School ${id}`,
  consortiumId,
  pupils: 210,
  phase: "primary",
  category: "2A",
  signedMou: true,
  byRecharge: true,
  ...over,
});
const schoolsOf = (consortiumId: string, n: number, over: Partial<SchoolInput> = {}) =>
  Array.from({ length: n }, (_, i) => school(`${consortiumId}-${i}`, consortiumId, over));

describe("financial years", () => {
  it("run from 1 April to 31 March and are named 2026-27", () => {
    for (const [day, year] of FINANCIAL_YEAR_EDGES) expect(financialYearOf(day)).toBe(year);
    expect(financialYearOf("1999-12-31")).toBe("1999-00");
    expect(financialYearDays("2026-27")).toEqual({ start: "2026-04-01", end: "2027-03-31" });
    expect(nextFinancialYear("2026-27")).toBe("2027-28");
    expect(isFinancialYear("2026-27")).toBe(true);
    expect(isFinancialYear("2026-28")).toBe(false);
    expect(isFinancialYear("2026/27")).toBe(false);
    expect(isFinancialYear("")).toBe(false);
  });

  it("hold every day between their first and last", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2001-01-01T00:00:00Z"), max: new Date("2098-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const { start, end } = financialYearDays(financialYearOf(day));
        expect(start <= day && day <= end).toBe(true);
        expect(isFinancialYear(financialYearOf(day))).toBe(true);
      }),
    );
  });
});

describe("funding formula parts", () => {
  it("pays Warwickshire's size bands: 14 schools are under the band of 15, 15 are in it", () => {
    expect(sizeBandPence(14, WARWICKSHIRE[1] as { fromSchools: number; belowPence: number; fromPence: number })).toBe(2_420_000);
    expect(sizeBandPence(15, WARWICKSHIRE[1] as { fromSchools: number; belowPence: number; fromPence: number })).toBe(2_820_000);
    const result = allocate(
      WARWICKSHIRE.slice(0, 2),
      [
        { id: "small", name: "Small" },
        { id: "large", name: "Large" },
        { id: "empty", name: "Empty" },
      ],
      [...schoolsOf("small", 14), ...schoolsOf("large", 15)],
    );
    const byId = new Map(result.consortia.map((c) => [c.consortiumId, c]));
    expect(byId.get("small")!.authorityPence).toBe(600_000 + 2_420_000);
    expect(byId.get("large")!.authorityPence).toBe(1_200_000 + 2_820_000);
    // A consortium with no schools gets nothing: there is nobody to spend it.
    expect(byId.get("empty")!.authorityPence).toBe(0);
    expect(byId.get("small")!.parts.map((p) => p.working)).toEqual([
      { kind: "size_band", schools: 14, fromSchools: 15, amountPence: 600_000, large: false },
      { kind: "size_band", schools: 14, fromSchools: 15, amountPence: 2_420_000, large: false },
    ]);
  });

  it("pays differentiated funding per pupil only to schools whose category triggers it, at the authority's amount for that category", () => {
    const schools = [
      school("a", "c", { category: "3A", pupils: 300 }),
      school("b", "c", { category: "4", pupils: 100 }),
      school("d", "c", { category: "2A" }),
      school("e", "c", { category: null }),
    ];
    const result = allocate(WARWICKSHIRE.slice(2), [{ id: "c", name: "C" }], schools);
    const amounts = Object.fromEntries(result.schools.map((s) => [s.schoolId, s.authorityPence]));
    expect(amounts).toEqual({ a: 300 * 2_000, b: 100 * 5_000, d: 0, e: 0 });
    expect(result.consortia[0].authorityPence).toBe(600_000 + 500_000);
  });

  it("shares Walsall's £500,000 by pupils to the penny and takes match funding only from schools that signed", () => {
    const schools = [
      school("p1", "primary", { pupils: 211, phase: "primary" }),
      school("p2", "primary", { pupils: 333, phase: "primary", signedMou: false }),
      school("s1", "secondary", { pupils: 1_187, phase: "secondary" }),
    ];
    const result = allocate(
      WALSALL,
      [
        { id: "primary", name: "Primary" },
        { id: "secondary", name: "Secondary" },
      ],
      schools,
    );
    expect(result.authorityPence).toBe(50_000_000);
    const bySchool = new Map(result.schools.map((s) => [s.schoolId, s]));
    // 1,731 pupils in all: 211/1731 of £500,000 is £60,947.43 and a fraction.
    expect(bySchool.get("p1")!.authorityPence).toBe(6_094_743);
    expect(bySchool.get("p1")!.matchPence).toBe(211 * 1_000);
    expect(bySchool.get("p2")!.matchPence).toBe(0);
    expect(bySchool.get("s1")!.matchPence).toBe(1_187 * 1_000);
    expect(result.matchPence).toBe((211 + 1_187) * 1_000);
  });

  it("can give an amount per pupil to one phase only", () => {
    const parts: FormulaPart[] = [
      { kind: "per_pupil", label: "Primary", phase: "primary", basis: "total", amountPence: 100_000 },
      { kind: "per_pupil", label: "Secondary", phase: "secondary", basis: "rate", amountPence: 250 },
    ];
    const result = allocate(
      parts,
      [{ id: "c", name: "C" }],
      [school("p", "c", { phase: "primary", pupils: 10 }), school("s", "c", { phase: "secondary", pupils: 4 })],
    );
    expect(result.schools.map((s) => s.authorityPence)).toEqual([100_000, 1_000]);
  });

  it("allocates every penny of a per-pupil total, each school within a penny of its exact share", () => {
    const pupils = fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 60 }).filter((ps) => ps.some((p) => p > 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), pupils, fc.integer({ min: 1, max: 5 }), (total, ps, consortia) => {
        const schools = ps.map((p, i) => school(`s${i}`, `c${i % consortia}`, { pupils: p }));
        const ids = Array.from({ length: consortia }, (_, i) => ({ id: `c${i}`, name: `C${i}` }));
        const result = allocate([{ kind: "per_pupil", label: "Total", phase: "all", basis: "total", amountPence: total }], ids, schools);
        expect(result.authorityPence).toBe(total);
        expect(result.consortia.reduce((a, c) => a + c.authorityPence, 0)).toBe(total);
        const sum = ps.reduce((a, b) => a + b, 0);
        result.schools.forEach((s) => {
          const diff = BigInt(s.authorityPence) * BigInt(sum) - BigInt(total) * BigInt(s.pupils);
          expect((diff < 0n ? -diff : diff) < BigInt(sum)).toBe(true);
        });
      }),
    );
  });

  it("posts exactly the allocation: one line per pot for the authority's money and one per signed school for its match", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ pupils: fc.integer({ min: 1, max: 2_000 }), signed: fc.boolean(), category: fc.constantFrom("1", "2A", "3A", "3D", "4") }), {
          minLength: 1,
          maxLength: 40,
        }),
        (rows) => {
          const schools = rows.map((r, i) => school(`s${i}`, `c${i % 3}`, { pupils: r.pupils, signedMou: r.signed, category: r.category }));
          const result = allocate(
            [...WARWICKSHIRE, ...WALSALL],
            [0, 1, 2].map((i) => ({ id: `c${i}`, name: `C${i}` })),
            schools,
          );
          const lines = postingLines(result);
          expect(lines.reduce((a, l) => a + l.amountPence, 0)).toBe(result.totalPence);
          expect(lines.filter((l) => l.kind === "match").length).toBe(rows.filter((r) => r.signed).length);
          expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
        },
      ),
    );
  });
});

describe("revisions post the difference", () => {
  const line = (key: string, amountPence: number): PostingLine => ({ key, kind: "authority", consortiumId: key, schoolId: null, amountPence });

  it("post nothing when nothing changed, and only what changed otherwise", () => {
    const first = [line("a", 100), line("b", 200)];
    const posted = new Map(first.map((l) => [l.key, l]));
    expect(adjustments(first, posted)).toEqual([]);
    expect(adjustments([line("a", 150), line("c", 5)], posted)).toEqual([line("a", 50), line("b", -200), line("c", 5)]);
  });

  it("bring what was posted to the new target, line by line", () => {
    const amounts = fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e"), fc.integer({ min: 1, max: 10_000_000 }));
    fc.assert(
      fc.property(amounts, amounts, (before, after) => {
        const posted = new Map(Object.entries(before).map(([k, v]) => [k, line(k, v)]));
        const deltas = adjustments(
          Object.entries(after).map(([k, v]) => line(k, v)),
          posted,
        );
        for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
          const delta = deltas.find((d) => d.key === key)?.amountPence ?? 0;
          expect((before[key] ?? 0) + delta).toBe(after[key] ?? 0);
        }
        expect(deltas.every((d) => d.amountPence !== 0)).toBe(true);
      }),
    );
  });
});

describe("the memorandum of understanding", () => {
  it("counts a school as signed only on the latest version", () => {
    expect(hasSignedLatest(2, [2])).toBe(true);
    expect(hasSignedLatest(2, [1])).toBe(false);
    expect(hasSignedLatest(null, [1])).toBe(false);
    expect(hasSignedLatest(1, [])).toBe(false);
  });

  it("reminds a month before the year and at its start, and not otherwise", () => {
    expect(reminderDue("2026-02-28", "2026-27")).toBeNull();
    expect(reminderDue("2026-03-01", "2026-27")).toBe("month_before");
    expect(reminderDue("2026-03-31", "2026-27")).toBe("month_before");
    expect(reminderDue("2026-04-01", "2026-27")).toBe("year_start");
    expect(reminderDue("2026-04-30", "2026-27")).toBe("year_start");
    expect(reminderDue("2026-05-01", "2026-27")).toBeNull();
    expect(reminderDue("2027-03-15", "2026-27")).toBeNull();
  });

  it("reads back stored parts and leaves out what does not parse", () => {
    expect(readParts(WARWICKSHIRE)).toEqual(WARWICKSHIRE);
    expect(readParts([{ kind: "bribe", amountPence: 1 }])).toEqual([]);
    expect(readParts("nonsense")).toEqual([]);
  });
});
