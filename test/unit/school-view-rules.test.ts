import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORY_SCHEMES, ESTABLISHMENT_TYPES, PHASES } from "#db/schema/tenancy";
import { nextSort, parseSort } from "~/domain/list-query";
import {
  chosenFilters,
  dayAfter,
  filterSchools,
  financialYearOf,
  INSPECTION_OUTCOMES,
  needsAttention,
  parseSchoolViewQuery,
  SCHOOL_VIEW_SORTS,
  schoolViewHref,
  schoolViewSearch,
  sortSchools,
  withoutFilter,
  type SchoolViewQuery,
  type SchoolViewRow,
} from "~/domain/school-view/rules";

const ENGLAND: readonly string[] = CATEGORY_SCHEMES.england;
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const query = fc.record<SchoolViewQuery>({
  // eslint-disable-next-line no-control-regex -- search words hold no control characters
  q: fc.string({ maxLength: 20 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, "").trim()),
  consortia: fc.uniqueArray(fc.integer({ min: 1, max: 5 }).map(ID), { maxLength: 3 }),
  phases: fc.uniqueArray(fc.constantFrom(...PHASES), { maxLength: 3 }),
  types: fc.uniqueArray(fc.constantFrom(...ESTABLISHMENT_TYPES), { maxLength: 3 }),
  categories: fc.uniqueArray(fc.constantFrom(...ENGLAND), { maxLength: 3 }),
  outcomes: fc.uniqueArray(fc.constantFrom(...INSPECTION_OUTCOMES), { maxLength: 3 }),
  bought: fc.constantFrom(null, "yes" as const, "no" as const),
  mine: fc.boolean(),
  attention: fc.boolean(),
  sort: fc.constantFrom(...SCHOOL_VIEW_SORTS),
  direction: fc.constantFrom("ascending" as const, "descending" as const),
  page: fc.integer({ min: 1, max: 100_000 }),
});

const row: fc.Arbitrary<SchoolViewRow> = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }).map(ID),
  name: fc.constantFrom("Alcester Primary", "Brook School", "alcester primary", "Chase Meadow", "Zeal Academy"),
  urn: fc.integer({ min: 100000, max: 999999 }).map(String),
  phase: fc.constantFrom(...PHASES),
  establishmentType: fc.constantFrom(...ESTABLISHMENT_TYPES),
  status: fc.constantFrom("open" as const, "closed" as const),
  numberOnRoll: fc.integer({ min: 0, max: 2000 }),
  category: fc.option(fc.constantFrom(...ENGLAND), { nil: null }),
  consortium: fc.option(fc.record({ id: fc.integer({ min: 1, max: 5 }).map(ID), name: fc.constantFrom("North", "South", "East") }), { nil: null }),
  adviser: fc.option(fc.record({ id: fc.constantFrom(ID(900), ID(901)), name: fc.constant("Adviser") }), { nil: null }),
  inspection: fc.option(
    fc.record({
      inspectorate: fc.constantFrom("ofsted" as const, "estyn" as const),
      inspectedOn: fc.constantFrom("2019-05-01", "2023-11-20", "2025-12-01"),
      outcome: fc.constantFrom("good" as const, "not_good" as const, "not_given" as const),
      grade: fc.constant(null),
    }),
    { nil: null },
  ),
  ordersThisYear: fc.integer({ min: 0, max: 5 }),
  spentThisYearPence: fc.integer({ min: 0, max: 10_000_000 }),
  potThisYearPence: fc.integer({ min: 0, max: 1_000_000 }),
  evaluations: fc.integer({ min: 0, max: 20 }),
  averageScoreHundredths: fc.option(fc.integer({ min: 100, max: 400 })),
  impactRecords: fc.integer({ min: 0, max: 5 }),
  mouSigned: fc.option(fc.boolean()),
});
const rows = fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 30 });

describe("the school-by-school view's query string", () => {
  it("keeps known filters and drops bad values rather than refusing them", () => {
    const q = parseSchoolViewQuery(
      new URLSearchParams(
        `q=%20Brook%00&consortium=${ID(1)}&consortium=not-a-uuid&consortium=${ID(1)}&phase=primary&phase=nonsense&category=4&category=amber&outcome=good&outcome=x&bought=yes&bought=no&mine=yes&attention=yes&sort=spent&direction=descending&page=0`,
      ),
      ENGLAND,
    );
    expect(q).toEqual({
      q: "Brook",
      consortia: [ID(1)],
      phases: ["primary"],
      types: [],
      categories: ["4"],
      outcomes: ["good"],
      bought: null,
      mine: true,
      attention: true,
      sort: "spent",
      direction: "descending",
      page: 1,
    });
    expect(parseSchoolViewQuery(new URLSearchParams("sort=drop%20table&direction=descending"), ENGLAND)).toMatchObject({
      sort: "name",
      direction: "ascending",
    });
    expect(parseSchoolViewQuery(new URLSearchParams("bought=no&page=1e9"), ENGLAND)).toMatchObject({ bought: "no", page: 1 });
  });

  it("reads back every query it writes (the links of pages, tags and headers lose nothing)", () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(parseSchoolViewQuery(new URLSearchParams(schoolViewSearch(q)), ENGLAND)).toEqual(q);
        const href = schoolViewHref("/schools", q);
        expect(parseSchoolViewQuery(new URL(href, "http://x").searchParams, ENGLAND)).toEqual(q);
      }),
    );
  });

  it("never throws on any query string", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("q", "consortium", "phase", "type", "category", "outcome", "bought", "mine", "attention", "sort", "direction", "page", "x"),
            fc.string({ maxLength: 50 }),
          ),
          { maxLength: 12 },
        ),
        (pairs) => {
          const q = parseSchoolViewQuery(new URLSearchParams(pairs), ENGLAND);
          expect(SCHOOL_VIEW_SORTS).toContain(q.sort);
          expect(q.page).toBeGreaterThanOrEqual(1);
          expect(q.q.length).toBeLessThanOrEqual(100);
        },
      ),
    );
  });

  it("removes one chosen filter with its tag, leaving the others", () => {
    fc.assert(
      fc.property(query, (q) => {
        const chosen = chosenFilters(q);
        for (const c of chosen) {
          const without = chosenFilters(withoutFilter(q, c.field, c.value));
          expect(without.length).toBe(chosen.length - 1);
          expect(without).not.toContainEqual(c);
        }
      }),
    );
  });

  it("sorts by a column ascending first, then the other way round", () => {
    expect(nextSort({ sort: "name", direction: "ascending" }, "spent")).toEqual({ sort: "spent", direction: "ascending" });
    expect(nextSort({ sort: "spent", direction: "ascending" }, "spent")).toEqual({ sort: "spent", direction: "descending" });
    expect(nextSort({ sort: "spent", direction: "descending" }, "spent")).toEqual({ sort: "spent", direction: "ascending" });
    expect(parseSort(new URLSearchParams("direction=descending"), ["name"], "name")).toEqual({ sort: "name", direction: "ascending" });
  });
});

describe("filtering and sorting the schools", () => {
  it("keeps exactly the rows that meet every chosen filter", () => {
    fc.assert(
      fc.property(rows, query, (all, q) => {
        const kept = filterSchools(all, q, { viewerId: ID(900), nation: "england" });
        for (const r of all) {
          const meets =
            (!q.q || r.name.toLowerCase().includes(q.q.toLowerCase()) || r.urn === q.q) &&
            (!q.consortia.length || q.consortia.includes(r.consortium?.id ?? "")) &&
            (!q.phases.length || q.phases.includes(r.phase)) &&
            (!q.types.length || q.types.includes(r.establishmentType)) &&
            (!q.categories.length || q.categories.includes(r.category ?? "")) &&
            (!q.outcomes.length || q.outcomes.includes(r.inspection?.outcome ?? "none")) &&
            (!q.bought || (q.bought === "yes") === r.ordersThisYear > 0) &&
            (!q.mine || r.adviser?.id === ID(900)) &&
            (!q.attention || needsAttention("england", r));
          expect(kept.includes(r)).toBe(meets);
        }
      }),
    );
  });

  it("sorts into a permutation of the rows, in order of the column, empty values last", () => {
    fc.assert(
      fc.property(rows, fc.constantFrom(...SCHOOL_VIEW_SORTS), fc.constantFrom("ascending" as const, "descending" as const), (all, sort, direction) => {
        const sorted = sortSchools(all, { sort, direction }, ENGLAND);
        expect([...sorted].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...all].sort((a, b) => a.id.localeCompare(b.id)));
        expect(sortSchools(sorted, { sort, direction }, ENGLAND)).toEqual(sorted);
        if (sort === "spent") {
          for (let i = 1; i < sorted.length; i++) {
            const d = sorted[i].spentThisYearPence - sorted[i - 1].spentThisYearPence;
            expect(direction === "ascending" ? d >= 0 : d <= 0).toBe(true);
          }
        }
        if (sort === "category") {
          const ranks = sorted.map((r) => (r.category === null ? null : ENGLAND.indexOf(r.category)));
          const firstEmpty = ranks.indexOf(null);
          if (firstEmpty >= 0) expect(ranks.slice(firstEmpty).every((r) => r === null)).toBe(true);
        }
      }),
    );
  });
});

describe("which schools need their adviser's attention", () => {
  it("are those in 3C to 4 (amber or red in Wales) that bought nothing this year", () => {
    expect(needsAttention("england", { category: "3C", ordersThisYear: 0 })).toBe(true);
    expect(needsAttention("england", { category: "4", ordersThisYear: 0 })).toBe(true);
    expect(needsAttention("england", { category: "4", ordersThisYear: 1 })).toBe(false);
    expect(needsAttention("england", { category: "3B", ordersThisYear: 0 })).toBe(false);
    expect(needsAttention("england", { category: null, ordersThisYear: 0 })).toBe(false);
    expect(needsAttention("wales", { category: "amber", ordersThisYear: 0 })).toBe(true);
    expect(needsAttention("wales", { category: "yellow", ordersThisYear: 0 })).toBe(false);
  });
});

describe("the financial year", () => {
  it("runs from 1 April to 31 March", () => {
    expect(financialYearOf("2026-12-02")).toEqual({ label: "2026-27", from: "2026-04-01", to: "2027-03-31" });
    expect(financialYearOf("2027-03-31")).toEqual({ label: "2026-27", from: "2026-04-01", to: "2027-03-31" });
    expect(financialYearOf("2027-04-01").label).toBe("2027-28");
    expect(financialYearOf("2026-02-10", 1)).toEqual({ label: "2026-27", from: "2026-01-01", to: "2026-12-31" });
  });

  it("holds every day it is asked about, and the day after its end starts the next one", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), fc.integer({ min: 1, max: 12 }), (d, month) => {
        const day = d.toISOString().slice(0, 10);
        const year = financialYearOf(day, month);
        expect(year.from <= day && day <= year.to).toBe(true);
        expect(financialYearOf(dayAfter(year.to), month).from).toBe(dayAfter(year.to));
      }),
    );
  });
});
