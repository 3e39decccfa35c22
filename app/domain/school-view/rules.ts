// The school-by-school view's rules (no I/O): its query string, which schools need their adviser's
// attention, the financial year, and the filtering and sorting of the authority's schools. An
// authority has a few hundred schools, so the view loads them all (scoped to the authority) and
// filters and sorts them here, where every rule can be tested for all inputs.
import { ESTABLISHMENT_TYPES, PHASES } from "#db/schema/tenancy-vocabulary";
import { isUuid } from "~/domain/ids";
import { filterParams, only, pageNumber, parseSort, searchWords, writeSort, type Sort } from "~/domain/list-query";

export const SCHOOL_VIEW_PAGE_SIZE = 50;
export const SCHOOL_VIEW_SORTS = ["name", "consortium", "phase", "category", "inspected", "orders", "spent"] as const;
export type SchoolViewSort = (typeof SCHOOL_VIEW_SORTS)[number];
export const BOUGHT = ["yes", "no"] as const;
export const INSPECTION_OUTCOMES = ["good", "not_good", "not_given", "none"] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

export type SchoolViewQuery = Sort<SchoolViewSort> & {
  q: string;
  consortia: string[];
  phases: (typeof PHASES)[number][];
  types: (typeof ESTABLISHMENT_TYPES)[number][];
  categories: string[];
  outcomes: InspectionOutcome[];
  bought: (typeof BOUGHT)[number] | null;
  /** Only the viewer's own schools (a challenge adviser's patch). */
  mine: boolean;
  /** Only the schools that need their adviser's attention. */
  attention: boolean;
  page: number;
};

/** Unknown values are dropped: a consortium id that is not a uuid, a category of the other nation. */
export function parseSchoolViewQuery(params: URLSearchParams, categories: readonly string[]): SchoolViewQuery {
  // Both "yes" and "no" ticked is no filter at all.
  const bought = [...new Set(params.getAll("bought").filter((b): b is "yes" | "no" => b === "yes" || b === "no"))];
  return {
    q: searchWords(params.get("q")),
    consortia: [
      ...new Set(
        params
          .getAll("consortium")
          .filter(isUuid)
          .map((id) => id.toLowerCase()),
      ),
    ],
    phases: only(PHASES, params.getAll("phase")),
    types: only(ESTABLISHMENT_TYPES, params.getAll("type")),
    categories: only(categories, params.getAll("category")),
    outcomes: only(INSPECTION_OUTCOMES, params.getAll("outcome")),
    bought: bought.length === 1 ? bought[0] : null,
    mine: params.get("mine") === "yes",
    attention: params.get("attention") === "yes",
    ...parseSort(params, SCHOOL_VIEW_SORTS, "name"),
    page: pageNumber(params.get("page")),
  };
}

/** The query string of a query, with its filters in a fixed order (page 1 and the default sort left out). */
export function schoolViewSearch(
  query: SchoolViewQuery,
  { page = query.page, sort = { sort: query.sort, direction: query.direction } }: { page?: number; sort?: Sort<SchoolViewSort> } = {},
) {
  const params = filterParams(query.q, {
    consortium: query.consortia,
    phase: query.phases,
    type: query.types,
    category: query.categories,
    outcome: query.outcomes,
  });
  if (query.bought) params.set("bought", query.bought);
  if (query.mine) params.set("mine", "yes");
  if (query.attention) params.set("attention", "yes");
  writeSort(params, sort, "name");
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

export const schoolViewHref = (path: string, query: SchoolViewQuery, options?: Parameters<typeof schoolViewSearch>[1]) => {
  const search = schoolViewSearch(query, options);
  return search ? `${path}?${search}` : path;
};

/** Each chosen filter as the field it came from and its value, in the order the panel shows them: for the removable tags. */
export function chosenFilters(query: SchoolViewQuery): { field: keyof SchoolViewQuery; value: string }[] {
  return [
    ...(query.q ? [{ field: "q" as const, value: query.q }] : []),
    ...(query.mine ? [{ field: "mine" as const, value: "yes" }] : []),
    ...(query.attention ? [{ field: "attention" as const, value: "yes" }] : []),
    ...query.consortia.map((value) => ({ field: "consortia" as const, value })),
    ...query.phases.map((value) => ({ field: "phases" as const, value })),
    ...query.types.map((value) => ({ field: "types" as const, value })),
    ...query.categories.map((value) => ({ field: "categories" as const, value })),
    ...query.outcomes.map((value) => ({ field: "outcomes" as const, value })),
    ...(query.bought ? [{ field: "bought" as const, value: query.bought }] : []),
  ];
}

/** The query without one chosen filter (and back on the first page). */
export function withoutFilter(query: SchoolViewQuery, field: keyof SchoolViewQuery, value: string): SchoolViewQuery {
  const current = query[field];
  const next = Array.isArray(current) ? current.filter((v) => v !== value) : field === "q" ? "" : field === "bought" ? null : false;
  return { ...query, [field]: next, page: 1 };
}

// Categories whose schools the authority must see helped this year: England 3C (core offer), 3D
// (an officer brokers support) and 4 (inadequate); Wales amber and red.
const ATTENTION: Record<"england" | "wales", readonly string[]> = { england: ["3C", "3D", "4"], wales: ["amber", "red"] };

export const attentionCategories = (nation: "england" | "wales") => ATTENTION[nation];

/** A school in a category from 3C to 4 (amber or red in Wales) that has bought no support this year. */
export const needsAttention = (nation: "england" | "wales", school: { category: string | null; ordersThisYear: number }) =>
  school.category !== null && ATTENTION[nation].includes(school.category) && school.ordersThisYear === 0;

/** The financial year holding a day: starting in the authority's month (April), "2026-27". */
export function financialYearOf(day: string, startMonth = 4): { label: string; from: string; to: string } {
  const [y, m] = day.split("-").map(Number);
  const start = m >= startMonth ? y : y - 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  const endYear = startMonth === 1 ? start : start + 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return { label: `${start}-${pad((start + 1) % 100)}`, from: `${start}-${pad(startMonth)}-01`, to: `${endYear}-${pad(endMonth)}-${pad(lastDay)}` };
}

export type SchoolViewRow = {
  id: string;
  name: string;
  urn: string;
  phase: (typeof PHASES)[number];
  establishmentType: (typeof ESTABLISHMENT_TYPES)[number];
  status: "open" | "closed";
  numberOnRoll: number;
  category: string | null;
  consortium: { id: string; name: string } | null;
  adviser: { id: string; name: string } | null;
  inspection: { inspectorate: "ofsted" | "estyn"; inspectedOn: string; outcome: Exclude<InspectionOutcome, "none">; grade: string | null } | null;
  ordersThisYear: number;
  /** What the school itself pays for this year's orders (VAT included), pence. */
  spentThisYearPence: number;
  /** What the consortium pot paid towards them, pence. */
  potThisYearPence: number;
  /** Its evaluations of delivered support, and their average score (quality, impact and value, 1 to 4) in hundredths. */
  evaluations: number;
  averageScoreHundredths: number | null;
  /** Follow-ups of impact recorded a term after. */
  impactRecords: number;
  /** Whether its head signed this year's memorandum of its consortium; null when none is published. */
  mouSigned: boolean | null;
};

const outcomeOf = (row: SchoolViewRow): InspectionOutcome => row.inspection?.outcome ?? "none";

/** The rows that pass every chosen filter (filters of one kind widen, different kinds narrow). */
export function filterSchools(rows: SchoolViewRow[], query: SchoolViewQuery, { viewerId, nation }: { viewerId: string; nation: "england" | "wales" }) {
  const words = query.q.toLowerCase();
  return rows.filter(
    (r) =>
      (!words || r.name.toLowerCase().includes(words) || r.urn === query.q) &&
      (!query.consortia.length || (r.consortium !== null && query.consortia.includes(r.consortium.id))) &&
      (!query.phases.length || query.phases.includes(r.phase)) &&
      (!query.types.length || query.types.includes(r.establishmentType)) &&
      (!query.categories.length || (r.category !== null && query.categories.includes(r.category))) &&
      (!query.outcomes.length || query.outcomes.includes(outcomeOf(r))) &&
      (!query.bought || (query.bought === "yes") === r.ordersThisYear > 0) &&
      (!query.mine || r.adviser?.id === viewerId) &&
      (!query.attention || needsAttention(nation, r)),
  );
}

const byText = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").localeCompare(b ?? "", "en-GB", { sensitivity: "base" });

/**
 * The rows in the chosen order; ties (and empty values, which sort last either way) by name, then id,
 * so a page of results never shuffles between two requests.
 */
export function sortSchools(rows: SchoolViewRow[], { sort, direction }: Sort<SchoolViewSort>, categoryScheme: readonly string[]) {
  const rank = (c: string | null) => (c === null ? null : categoryScheme.indexOf(c));
  const key = (r: SchoolViewRow): string | number | null => {
    switch (sort) {
      case "name":
        return r.name;
      case "consortium":
        return r.consortium?.name ?? null;
      case "phase":
        return r.phase;
      case "category":
        return rank(r.category);
      case "inspected":
        return r.inspection?.inspectedOn ?? null;
      case "orders":
        return r.ordersThisYear;
      case "spent":
        return r.spentThisYearPence;
    }
  };
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const d = typeof ka === "number" && typeof kb === "number" ? ka - kb : byText(String(ka), String(kb));
      if (d !== 0) return sign * d;
    }
    return byText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** The day after a day ("2027-03-31" -> "2027-04-01"): the end of a year as an exclusive bound. */
export function dayAfter(day: string) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
