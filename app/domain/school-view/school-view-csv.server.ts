import type { CsvRow } from "~/csv.server";
import { t, type MessageKey } from "~/i18n";
import type { SchoolViewRow } from "./rules";

const COLUMNS = [
  "urn",
  "school",
  "consortium",
  "phase",
  "type",
  "category",
  "inspectorate",
  "inspectedOn",
  "outcome",
  "adviser",
  "orders",
  "spent",
  "pot",
  "evaluations",
  "averageScore",
  "impact",
  "mou",
  "attention",
] as const;

/** The filtered list as a spreadsheet: one row per school, money in pounds, dates as dd/mm/yyyy. */
export function schoolViewCsv(rows: (SchoolViewRow & { attention: boolean })[], formatShortDate: (day: string) => string): CsvRow[] {
  return [
    COLUMNS.map((c) => t(`schoolView.csv.${c}`)),
    ...rows.map((r) => [
      r.urn,
      r.name,
      r.consortium?.name ?? "",
      t(`phase.${r.phase}` as MessageKey),
      t(`establishmentType.${r.establishmentType}` as MessageKey),
      r.category ?? "",
      r.inspection ? t(`inspection.inspectorate.${r.inspection.inspectorate}` as MessageKey) : "",
      r.inspection ? formatShortDate(r.inspection.inspectedOn) : "",
      r.inspection ? (r.inspection.grade ?? t(`schoolView.outcome.${r.inspection.outcome}` as MessageKey)) : "",
      r.adviser?.name ?? "",
      r.ordersThisYear,
      { pence: r.spentThisYearPence },
      { pence: r.potThisYearPence },
      r.evaluations,
      r.averageScoreHundredths === null ? "" : (r.averageScoreHundredths / 100).toFixed(2),
      r.impactRecords,
      r.mouSigned === null ? t("schoolView.csv.mouNone") : t(r.mouSigned ? "schoolView.csv.yes" : "schoolView.csv.no"),
      t(r.attention ? "schoolView.csv.yes" : "schoolView.csv.no"),
    ]),
  ];
}
