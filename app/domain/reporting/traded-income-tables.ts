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

/** A table of the report's figures with a name before each row's, and a total row where one is given. */
function figuresTable<R extends Figures>(
  key: TradedIncomeTable,
  caption: string,
  first: MessageKey,
  rows: readonly R[],
  name: (row: R) => string,
  total?: Figures,
): ReportTable {
  return {
    key,
    caption,
    columns: [{ label: t(first) }, ...figureColumns()],
    rows: [...rows.map((row) => [name(row), ...figureCells(row)]), ...(total ? [[t("reports.total"), ...figureCells(total)]] : [])],
  };
}

const share = (bps: number | null) => (bps === null ? t("reports.none") : formatBps(bps));

export function tradedIncomeTable(report: TradedIncomeReport, key: TradedIncomeTable): ReportTable {
  const year = report.financialYear;
  switch (key) {
    case "months":
      return figuresTable(key, t("reports.table.months", { year }), "reports.col.month", report.months, (m) => monthName(m.key), report.total);
    case "terms":
      return figuresTable(key, t("reports.table.terms", { year }), "reports.col.term", report.terms, (row) => termName(row.academicYear, row.term));
    case "subjects":
      return figuresTable(key, t("reports.table.subjects", { year }), "reports.col.subject", report.subjects, (row) =>
        row.key === "none" ? t("reports.none") : t(`subjectArea.${row.key}` as MessageKey),
      );
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
      return figuresTable(key, t("reports.table.buyers", { year }), "reports.col.buyer", report.buyers, (b) => t(`buyerType.${b.key}` as MessageKey));
    case "routes":
      return figuresTable(key, t("reports.table.routes", { year }), "reports.col.route", report.routes, (r) => t(`paymentRoute.${r.key}` as MessageKey));
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
