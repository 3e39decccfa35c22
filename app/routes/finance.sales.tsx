import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { FilterSelect, ReportFilter } from "~/components/report-filter";
import { DateInput, ErrorSummary } from "~/components/forms";
import { OrdersTable } from "~/components/orders-table";
import { hrefWithQuery, Pagination, paginationItems } from "~/components/pagination";
import { SummaryRow } from "~/components/summary-row";
import { SALES_PAGE_SIZE, salesPage } from "~/domain/purchasing/sales.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { ORDER_STATUSES, PAYMENT_ROUTES } from "#db/schema/purchasing-vocabulary";
import { forwardMovedCsv } from "./moved-csv.server";
import { loadSalesQuery } from "./sales.server";
import { pageTitle } from "~/page-title";
import { withViewerAccess } from "~/domain/purchasing/access";

const SALES_CSV_PATH = "/finance/sales.csv";

export const meta: MetaFunction = ({ data }) => pageTitle(t("sales.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId, query, filter, errors, page } = await loadSalesQuery(request, context);
  // The CSV once answered here with ?format=csv; it has its own address now.
  forwardMovedCsv(request, SALES_CSV_PATH);
  const sales = await salesPage(context.db, { authorityId, filter, page });
  const first = (sales.page - 1) * SALES_PAGE_SIZE + 1;
  return data(
    {
      ...sales,
      orders: withViewerAccess(user.grants, authorityId, sales.orders),
      first,
      query,
      errors,
      csvHref: hrefWithQuery(SALES_CSV_PATH, errors ? {} : query),
    },
    { status: errors ? 400 : 200 },
  );
}

export default function Sales() {
  const { orders, totals, page, first, totalPages, choices, query, errors, csvHref } = useLoaderData<typeof loader>();
  const filterText = { legend: t("sales.filter.legend"), any: t("sales.filter.any"), submit: t("sales.filter.submit"), clear: t("sales.filter.clear") };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("sales.title")}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/finance/ledger">
          {t("sales.ledger")}
        </Link>
        {" · "}
        <a className="govuk-link" href="/finance/recharges.csv" download>
          {t("sales.rechargesCsv")}
        </a>
      </p>

      <ReportFilter className="app-sales-filter" text={filterText} query={query} errors={errors} clearTo="/finance/sales">
        <DateInput name="from" legend={t("sales.filter.from")} hint={t("sales.filter.dateHint")} errors={errors} values={query} />
        <DateInput name="to" legend={t("sales.filter.to")} hint={t("sales.filter.dateHint")} errors={errors} values={query} />
        <FilterSelect name="consortium" label={t("sales.filter.consortium")} options={choices.consortia.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect name="provider" label={t("sales.filter.provider")} options={choices.providers.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect name="status" label={t("sales.filter.status")} options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))} />
        <FilterSelect name="route" label={t("sales.filter.route")} options={PAYMENT_ROUTES.map((r) => ({ value: r, label: t(`paymentRoute.${r}`) }))} />
      </ReportFilter>

      <h2 className="govuk-heading-m">{t("sales.totals")}</h2>
      <dl className="govuk-summary-list app-sales-totals">
        <SummaryRow label={t("sales.totals.orders")}>{totals.orders}</SummaryRow>
        <SummaryRow label={t("sales.totals.net")}>{formatPence(totals.netPence)}</SummaryRow>
        <SummaryRow label={t("sales.totals.vat")}>{formatPence(totals.vatPence)}</SummaryRow>
        <SummaryRow label={t("sales.totals.gross")}>{formatPence(totals.grossPence)}</SummaryRow>
      </dl>
      <p className="govuk-body">
        <a className="govuk-link" href={csvHref} download>
          {t("sales.csvFiltered")}
        </a>
      </p>

      <OrdersTable
        orders={orders}
        show="school"
        caption={totals.orders ? t("sales.captionPage", { first, last: first + orders.length - 1, total: totals.orders }) : t("sales.caption")}
      />
      <Pagination
        items={paginationItems(page, totalPages)}
        current={page}
        totalPages={totalPages}
        hrefFor={(n) => hrefWithQuery("/finance/sales", query, n)}
        label={t("sales.pagination")}
      />
    </>
  );
}
