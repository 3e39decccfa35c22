import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FilterSelect, ReportFilter } from "~/components/report-filter";
import { BarChart } from "~/components/bar-chart";
import { ErrorSummary, Select } from "~/components/forms";
import { hrefWithQuery } from "~/components/pagination";
import { ReportTableView } from "~/components/report-table";
import { SummaryRow } from "~/components/summary-row";
import { SUBJECT_AREAS } from "#db/schema/vocabulary";
import { PAYMENT_ROUTES } from "#db/schema/purchasing-vocabulary";
import { financialYearLabel } from "~/domain/reporting/rules";
import { TRADED_INCOME_TABLES, tradedIncomeTable } from "~/domain/reporting/traded-income-tables";
import { tradedIncomeReport } from "~/domain/reporting/traded-income.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import reportsCss from "~/styles/reports.css?url";
import { currentFinancialYear, loadTradedIncomeQuery } from "./traded-income.server";

// The buyer types of db/schema/catalogue.ts, kept here so the page does not bundle the schema.
const BUYER_TYPES = ["la_maintained", "academy", "other"] as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];
export const meta: MetaFunction = ({ data }) => pageTitle(t("reports.tradedIncome.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId, query, filter, errors } = await loadTradedIncomeQuery(request, context);
  const report = await tradedIncomeReport(context.db, { authorityId, filter });
  const latest = currentFinancialYear();
  const years = Array.from({ length: 4 }, (_, i) => financialYearLabel(latest - i));
  return data({ report, query, errors, years }, { status: errors ? 400 : 200 });
}

export default function TradedIncome() {
  const { report, query, errors, years } = useLoaderData<typeof loader>();
  const csvHref = (table: string) => hrefWithQuery("/finance/traded-income.csv", errors ? { table } : { ...query, table });
  const tables = Object.fromEntries(TRADED_INCOME_TABLES.map((key) => [key, tradedIncomeTable(report, key)]));
  const { funding, choices } = report;
  const filterText = { legend: t("reports.filter.legend"), any: t("reports.filter.any"), submit: t("reports.filter.submit"), clear: t("reports.filter.clear") };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("reports.tradedIncome.title")}</h1>
      <p className="govuk-body-l">{t("reports.tradedIncome.lead", { year: report.financialYear })}</p>
      <p className="govuk-body">{t("reports.tradedIncome.basis")}</p>

      <ReportFilter className="app-report-filter" text={filterText} query={query} errors={errors} clearTo="/finance/traded-income">
        <Select
          name="year"
          label={t("reports.filter.year")}
          errors={errors}
          defaultValue={query.year ?? report.financialYear}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <FilterSelect name="consortium" label={t("reports.filter.consortium")} options={choices.consortia.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect name="provider" label={t("reports.filter.provider")} options={choices.providers.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect name="subject" label={t("reports.filter.subject")} options={SUBJECT_AREAS.map((s) => ({ value: s, label: t(`subjectArea.${s}`) }))} />
        <FilterSelect name="buyer" label={t("reports.filter.buyer")} options={BUYER_TYPES.map((b) => ({ value: b, label: t(`buyerType.${b}`) }))} />
        <FilterSelect name="route" label={t("reports.filter.route")} options={PAYMENT_ROUTES.map((r) => ({ value: r, label: t(`paymentRoute.${r}`) }))} />
      </ReportFilter>

      <h2 className="govuk-heading-m">{t("reports.tradedIncome.summary")}</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("reports.col.sales")}>{formatPence(report.total.salesPence)}</SummaryRow>
        <SummaryRow label={t("reports.funding.income")}>{formatPence(funding.tradedIncomePence)}</SummaryRow>
        <SummaryRow label={t("reports.funding.recognised")}>{formatPence(report.recognised.authorityPence)}</SummaryRow>
        <SummaryRow label={t("reports.funding.sharedBack")}>{formatPence(funding.sharedBackPence)}</SummaryRow>
        <SummaryRow label={t("reports.funding.in")}>{formatPence(funding.fundingPence)}</SummaryRow>
      </dl>
      <p className="govuk-body">
        {funding.differencePence >= 0
          ? t("reports.funding.paysForItself", { amount: formatPence(funding.differencePence) })
          : t("reports.funding.fallsShort", { amount: formatPence(-funding.differencePence) })}
      </p>
      <ReportTableView table={tables.funding} csvHref={csvHref("funding")} />

      <h2 className="govuk-heading-m">{t("reports.tradedIncome.byMonth")}</h2>
      <BarChart
        title={t("reports.chart.months.title", { year: report.financialYear })}
        description={t("reports.chart.months.desc")}
        bars={report.months.map((m, i) => ({ label: String(tables.months.rows[i][0]), value: m.authorityPence, valueLabel: formatPence(m.authorityPence) }))}
      />
      <ReportTableView table={tables.months} csvHref={csvHref("months")} />
      <ReportTableView table={tables.terms} csvHref={csvHref("terms")} />

      <h2 className="govuk-heading-m">{t("reports.tradedIncome.bySource")}</h2>
      <BarChart
        title={t("reports.chart.subjects.title", { year: report.financialYear })}
        description={t("reports.chart.subjects.desc")}
        bars={report.subjects.map((s, i) => ({ label: String(tables.subjects.rows[i][0]), value: s.salesPence, valueLabel: formatPence(s.salesPence) }))}
      />
      <ReportTableView table={tables.subjects} csvHref={csvHref("subjects")} />
      <ReportTableView table={tables.providers} csvHref={csvHref("providers")} />
      <ReportTableView table={tables.buyers} csvHref={csvHref("buyers")} />
      <ReportTableView table={tables.routes} csvHref={csvHref("routes")} />

      <h2 className="govuk-heading-m">{t("reports.tradedIncome.byConsortium")}</h2>
      <p className="govuk-body">{t("reports.tradedIncome.buyInNote")}</p>
      <BarChart
        title={t("reports.chart.buyIn.title", { year: report.financialYear })}
        description={t("reports.chart.buyIn.desc")}
        bars={report.consortia.map((c) => ({
          label: c.name,
          value: c.buyInBps ?? 0,
          valueLabel: c.buyInBps === null ? t("reports.none") : `${(c.buyInBps / 100).toFixed(1)}%`,
        }))}
      />
      <ReportTableView table={tables.consortia} csvHref={csvHref("consortia")} />
    </>
  );
}
