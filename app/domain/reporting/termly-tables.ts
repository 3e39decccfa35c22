// The termly report as tables, for its page, its print and its CSV files alike.
import { t, type MessageKey } from "~/i18n";
import type { ReportTable } from "./traded-income-tables";
import { formatDate } from "~/format";
import type { EvaluationScores, TermlyFigures } from "./termly-report.server";

/** An average score to one decimal, halves rounded up, worked in whole numbers: 34 over 10 -> "3.4". */
export const averageScore = (sum: number, count: number) => (count > 0 ? (Math.floor((20 * sum + count) / (2 * count)) / 10).toFixed(1) : "");
const scoreCells = (r: EvaluationScores) => [
  r.evaluations,
  averageScore(r.qualitySum, r.evaluations),
  averageScore(r.impactSum, r.evaluations),
  averageScore(r.valueForMoneySum, r.evaluations),
  r.wouldRecommend,
];

export const TERMLY_TABLES = ["money", "subjects", "consortia", "qa", "evaluations", "impact"] as const;
export type TermlyTable = (typeof TERMLY_TABLES)[number];

export function termlyTable(f: TermlyFigures, key: TermlyTable): ReportTable {
  switch (key) {
    case "money":
      return {
        key,
        caption: t("termly.table.money"),
        columns: [{ label: t("reports.col.measure") }, { label: t("reports.col.amount"), numeric: true }],
        rows: [
          [t("termly.fundingIn"), { pence: f.fundingInPence }],
          [t("termly.potSpent"), { pence: f.sales.potSpentPence }],
          [t("termly.sales"), { pence: f.sales.salesPence }],
          [t("reports.funding.income"), { pence: f.sales.authorityPence }],
          [t("reports.funding.sharedBack"), { pence: f.sales.potPence }],
        ],
      };
    case "subjects":
      return {
        key,
        caption: t("termly.table.subjects"),
        columns: [{ label: t("reports.col.subject") }, { label: t("reports.col.orders"), numeric: true }, { label: t("reports.col.sales"), numeric: true }],
        rows: f.bySubject.map((r) => [subjectName(r.key), r.orders, { pence: r.salesPence }]),
      };
    case "consortia":
      return {
        key,
        caption: t("termly.table.consortia"),
        columns: [
          { label: t("reports.col.consortium") },
          { label: t("reports.col.orders"), numeric: true },
          { label: t("reports.col.sales"), numeric: true },
          { label: t("termly.potSpent"), numeric: true },
          { label: t("reports.col.schools"), numeric: true },
          { label: t("reports.col.bought"), numeric: true },
        ],
        rows: f.byConsortium.map((r) => [r.name, r.orders, { pence: r.salesPence }, { pence: r.potSpentPence }, r.schools, r.bought]),
      };
    case "qa":
      return {
        key,
        caption: t("termly.table.qa"),
        columns: [{ label: t("termly.qa.stage") }, { label: t("termly.qa.offers"), numeric: true }],
        rows: [
          [t("termly.qa.submitted"), f.qa.submitted],
          [t("termly.qa.approved"), f.qa.approved],
          [t("termly.qa.changesRequested"), f.qa.changesRequested],
          [t("termly.qa.rejected"), f.qa.rejected],
        ],
      };
    case "evaluations":
      return {
        key,
        caption: t("termly.table.evaluations"),
        columns: [
          { label: t("reports.col.subject") },
          { label: t("termly.col.evaluations"), numeric: true },
          { label: t("termly.col.quality"), numeric: true },
          { label: t("termly.col.impact"), numeric: true },
          { label: t("termly.col.valueForMoney"), numeric: true },
          { label: t("termly.col.recommend"), numeric: true },
        ],
        // Snapshots kept before evaluations were reported have none to show.
        rows: f.evaluations?.total.evaluations
          ? [...f.evaluations.bySubject.map((r) => [subjectName(r.key), ...scoreCells(r)]), [t("reports.total"), ...scoreCells(f.evaluations.total)]]
          : [],
      };
    case "impact":
      return {
        key,
        caption: t("termly.table.impact"),
        columns: [
          { label: t("termly.col.school") },
          { label: t("termly.col.service") },
          { label: t("termly.col.outcome") },
          { label: t("termly.col.measure") },
          { label: t("termly.col.baseline") },
          { label: t("termly.col.followUp") },
          { label: t("termly.col.recorded") },
        ],
        rows: (f.impact ?? []).map((r) => [r.school, r.title, r.outcome, r.measure, r.baseline, r.followUp, formatDate(r.recordedOn)]),
      };
  }
}

const subjectName = (key: string) => (key === "none" ? t("reports.none") : t(`subjectArea.${key}` as MessageKey));
