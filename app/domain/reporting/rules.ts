// The calendar of the reports and how income is recognised in it. Pure: dates are London
// calendar days ("2026-04-01"), money integer pence.
import { allocateLargestRemainder } from "~/domain/ledger/allocate";
import { formatMonth } from "~/format";
import { t } from "~/i18n";

export const TERM_NAMES = ["autumn", "spring", "summer"] as const;
export type TermName = (typeof TERM_NAMES)[number];

const parts = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return { y, m, d };
};
const twoDigits = (n: number) => String(n % 100).padStart(2, "0");

/** The financial year's first calendar year: April to March. */
export const financialYearStart = (day: string) => {
  const { y, m } = parts(day);
  return m >= 4 ? y : y - 1;
};
/** "2026-27" for any day from 1 April 2026 to 31 March 2027. */
export const financialYearLabel = (startYear: number) => `${startYear}-${twoDigits(startYear + 1)}`;
export const financialYearOf = (day: string) => financialYearLabel(financialYearStart(day));
/** "Financial year 2026-27", "Blwyddyn ariannol 2026-27": the year named in the reader's language. */
export const financialYearName = (startYear: number) => t("financialYear.name", { year: financialYearLabel(startYear) });
export const financialYearNameOf = (day: string) => financialYearName(financialYearStart(day));
/** The first day of the financial year and the first day after it. */
export const financialYearBounds = (startYear: number) => ({ from: `${startYear}-04-01`, to: `${startYear + 1}-04-01` });
export const parseFinancialYear = (label: string): number | null => {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return null;
  const start = Number(match[1]);
  return twoDigits(start + 1) === match[2] && start >= 2000 && start <= 2100 ? start : null;
};

/** The academic year's first calendar year: September to August. */
export const academicYearStart = (day: string) => {
  const { y, m } = parts(day);
  return m >= 9 ? y : y - 1;
};

/**
 * The school term a day falls in, by the academic year's three terms: autumn September to
 * December, spring January to March, summer April to August (the holidays belong to the term
 * they follow, so every day has a term and the terms tile the year).
 */
export function termOf(day: string): { academicYear: number; term: TermName } {
  const { m } = parts(day);
  const term: TermName = m >= 9 ? "autumn" : m <= 3 ? "spring" : "summer";
  return { academicYear: academicYearStart(day), term };
}
/** "2026/27": an academic year from September 2026 to August 2027. */
export const academicYearLabel = (startYear: number) => `${startYear}/${twoDigits(startYear + 1)}`;
/** "Autumn term 2026/27", "Tymor yr hydref 2026/27": a term named in the reader's language. */
export const termName = (academicYear: number, term: TermName) => t(`reports.term.${term}`, { year: academicYearLabel(academicYear) });
export const termNameOf = (day: string) => {
  const { academicYear, term } = termOf(day);
  return termName(academicYear, term);
};
/** "2026/27 autumn" as a key that sorts in time order. */
export const termKey = (day: string) => {
  const { academicYear, term } = termOf(day);
  return `${academicYear}-${TERM_NAMES.indexOf(term)}-${term}`;
};
/** The first day of a term and the first day after it. */
export function termBounds(academicYear: number, term: TermName) {
  if (term === "autumn") return { from: `${academicYear}-09-01`, to: `${academicYear + 1}-01-01` };
  if (term === "spring") return { from: `${academicYear + 1}-01-01`, to: `${academicYear + 1}-04-01` };
  return { from: `${academicYear + 1}-04-01`, to: `${academicYear + 1}-09-01` };
}
export const parseTermKey = (key: string): { academicYear: number; term: TermName } | null => {
  const match = /^(\d{4})-(autumn|spring|summer)$/.exec(key);
  return match ? { academicYear: Number(match[1]), term: match[2] as TermName } : null;
};

/** "2026-09": the month a day falls in. */
export const monthOf = (day: string) => day.slice(0, 7);
/** "2026-09" -> "September 2026" ("Medi 2026"), in the reader's language. */
export const monthName = (month: string) => formatMonth(`${month}-15`);

export type Recognition = { financialYear: string; pence: number };

/**
 * Income of a service that runs over an academic year is recognised across the two financial
 * years the academic year spans: September to March (seven months) in the first, April to
 * August (five months) in the second, to the penny by largest remainder. Anything else is
 * recognised whole in the financial year of the day it was earned.
 */
export function recogniseIncome({
  pence,
  earnedOn,
  academicYearService,
  serviceStartsOn,
}: {
  pence: number;
  earnedOn: string;
  academicYearService: boolean;
  serviceStartsOn?: string | null;
}): Recognition[] {
  if (!academicYearService) return [{ financialYear: financialYearOf(earnedOn), pence }];
  const year = academicYearStart(serviceStartsOn ?? earnedOn);
  const [first, second] = allocateLargestRemainder(pence, [7, 5]);
  return [
    { financialYear: financialYearLabel(year), pence: first },
    { financialYear: financialYearLabel(year + 1), pence: second },
  ];
}

/** An offer delivered in all three terms runs over the academic year. */
export const runsOverAcademicYear = (terms: readonly string[]) => TERM_NAMES.every((t) => terms.includes(t));

/** The Warwickshire target: 85% of a consortium's schools buying in the year. */
export const BUY_IN_TARGET_BPS = 8_500;

/** The share of schools that bought, in basis points rounded down, so a share reaches the target only when it truly does. */
export function buyInBps({ bought, schools }: { bought: number; schools: number }): number | null {
  if (schools <= 0) return null;
  if (bought < 0 || bought > schools) throw new RangeError("Schools that bought must be between none and all of them");
  return Math.floor((bought * 10_000) / schools);
}
export const meetsBuyInTarget = (bps: number | null) => bps !== null && bps >= BUY_IN_TARGET_BPS;

/** "85.0%" from basis points. */
export const formatBps = (bps: number) => `${(bps / 100).toFixed(1)}%`;

/**
 * Consistent Financial Reporting codes a school's accounts use for what it buys here: staff
 * development and training (E09), bought-in professional services for the curriculum (E27) or
 * otherwise (E28).
 */
export const CFR_CODES = ["E09", "E27", "E28"] as const;
export type CfrCode = (typeof CFR_CODES)[number];

const TRAINING_AREAS = new Set(["leadership_and_management", "governance", "wellbeing"]);
const OTHER_SERVICE_AREAS = new Set(["assessment_and_data"]);

/** The code proposed from the offer's first subject area: leadership, governance and wellbeing are staff development; data services are other services; the rest curriculum support. */
export function proposedCfrCode(subjectAreas: readonly string[]): CfrCode {
  const first = subjectAreas[0];
  if (first && TRAINING_AREAS.has(first)) return "E09";
  if (first && OTHER_SERVICE_AREAS.has(first)) return "E28";
  return "E27";
}
export const isCfrCode = (value: string): value is CfrCode => (CFR_CODES as readonly string[]).includes(value);
