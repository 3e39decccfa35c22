// The traded income report as tables: the page draws them and the CSV files write them, so the
// two always hold the same figures. Money cells are { pence }.
import { t, type MessageKey } from "~/i18n";
import { formatBps, monthName, termName } from "./rules";
import type { Figures, TradedIncomeReport } from "./traded-income.server";

export type Cell = string | number | { pence: number } | null;
export type ReportTable = { key: string; caption: string; columns: { label: string; numeric?: boolean }[]; rows: Cell[][] };

export const TRADED_INCOME_TABLES = ["months", "terms", "subjects", "providers", "consortia", "buyers", "routes", "funding"] as const;
export type TradedIncomeTable = (typeof TRADED_INCOME_TABLES)[number];

const figureColumns = () => [
  { label: t("reports.col.orders"), numeric: true },
  { label: t("reports.col.sales"), numeric: true },
  { label: t("reports.col.authority"), numeric: true },
  { label: t("reports.col.pot"), numeric: true },
  { label: t("reports.col.provider"), numeric: true },
];
const figureCells = (f: Figures): Cell[] => [f.orders, { pence: f.salesPence }, { pence: f.authorityPence }, { pence: f.potPence }, { pence: f.providerPence }];

const share = (bps: number | null) => (bps === null ? t("reports.none") : formatBps(bps));

export function tradedIncomeTable(report: TradedIncomeReport, key: TradedIncomeTable): ReportTable {
  const year = report.financialYear;
  switch (key) {
    case "months":
      return {
        key,
        caption: t("reports.table.months", { year }),
        columns: [{ label: t("reports.col.month") }, ...figureColumns()],
        rows: [...report.months.map((m) => [monthName(m.key), ...figureCells(m)]), [t("reports.total"), ...figureCells(report.total)]],
      };
    case "terms":
      return {
        key,
        caption: t("reports.table.terms", { year }),
        columns: [{ label: t("reports.col.term") }, ...figureColumns()],
        rows: report.terms.map((row) => [termName(row.academicYear, row.term), ...figureCells(row)]),
      };
    case "subjects":
      return {
        key,
        caption: t("reports.table.subjects", { year }),
        columns: [{ label: t("reports.col.subject") }, ...figureColumns()],
        rows: report.subjects.map((row) => [row.key === "none" ? t("reports.none") : t(`subjectArea.${row.key}` as MessageKey), ...figureCells(row)]),
      };
    case "providers":
      return {
        key,
        caption: t("reports.table.providers", { year }),
        columns: [{ label: t("reports.col.provider.name") }, { label: t("reports.col.own") }, ...figureColumns()],
        rows: [
          ...report.providers.map((p) => [p.name, p.own ? t("reports.own.yes") : t("reports.own.no"), ...figureCells(p)]),
          [t("reports.own.total"), t("reports.own.yes"), ...figureCells(report.own)],
          [t("reports.others.total"), t("reports.own.no"), ...figureCells(report.others)],
        ],
      };
    case "consortia":
      return {
        key,
        caption: t("reports.table.consortia", { year }),
        columns: [
          { label: t("reports.col.consortium") },
          ...figureColumns(),
          { label: t("reports.col.funding"), numeric: true },
          { label: t("reports.col.schools"), numeric: true },
          { label: t("reports.col.bought"), numeric: true },
          { label: t("reports.col.buyIn"), numeric: true },
          { label: t("reports.col.target") },
          { label: t("reports.col.goodOrBetter"), numeric: true },
        ],
        rows: [
          ...report.consortia.map((c) => [
            c.name,
            ...figureCells(c),
            { pence: c.fundingPence },
            c.schools,
            c.bought,
            share(c.buyInBps),
            c.meetsTarget ? t("reports.target.met") : t("reports.target.notMet"),
            c.goodOrBetterBps === null
              ? t("reports.none")
              : t("reports.goodOrBetter.of", { share: formatBps(c.goodOrBetterBps), good: c.goodOrBetter, graded: c.graded }),
          ]),
          ...(report.noConsortium ? [[t("reports.noConsortium"), ...figureCells(report.noConsortium), null, null, null, null, null, null]] : []),
        ],
      };
    case "buyers":
      return {
        key,
        caption: t("reports.table.buyers", { year }),
        columns: [{ label: t("reports.col.buyer") }, ...figureColumns()],
        rows: report.buyers.map((b) => [t(`buyerType.${b.key}` as MessageKey), ...figureCells(b)]),
      };
    case "routes":
      return {
        key,
        caption: t("reports.table.routes", { year }),
        columns: [{ label: t("reports.col.route") }, ...figureColumns()],
        rows: report.routes.map((r) => [t(`paymentRoute.${r.key}` as MessageKey), ...figureCells(r)]),
      };
    case "funding":
      return {
        key,
        caption: t("reports.table.funding", { year }),
        columns: [{ label: t("reports.col.measure") }, { label: t("reports.col.amount"), numeric: true }],
        rows: [
          [t("reports.funding.in"), { pence: report.funding.fundingPence }],
          [t("reports.funding.income"), { pence: report.funding.tradedIncomePence }],
          [t("reports.funding.recognised"), { pence: report.recognised.authorityPence }],
          [t("reports.funding.sharedBack"), { pence: report.funding.sharedBackPence }],
          [t("reports.funding.difference"), { pence: report.funding.differencePence }],
        ],
      };
  }
}
