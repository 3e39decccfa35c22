import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { SummaryRow } from "~/components/summary-row";
import { findInvoice } from "~/domain/purchasing/queries.server";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { notFoundResponse, requireActing } from "./purchasing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${t("invoice.title", { number: data?.invoice.invoice.number ?? "" })} – ${t("service.name")}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const invoice = await findInvoice(context.db, authorityId, params.invoiceId ?? "");
  if (!invoice) throw notFoundResponse();
  const schoolId = invoice.invoice.schoolId;
  const isSchool = can(user.grants, "buy:offer", { organisationId: schoolId, authorityId }) || can(user.grants, "view:statement", { organisationId: schoolId, authorityId });
  const isFinance = can(user.grants, "record:payment", { authorityId });
  if (!isSchool && !isFinance) throw new Response(t("invoice.error.notYours"), { status: 403 });
  return { invoice, isFinance };
}

export default function InvoicePage() {
  const { invoice: view, isFinance } = useLoaderData<typeof loader>();
  const { invoice, lines } = view;
  return (
    <div className="app-invoice">
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" to={`/purchases/${invoice.orderId}`}>
          {t("invoice.backToOrder")}
        </Link>
        {isFinance && invoice.status === "issued" ? (
          <>
            {" · "}
            <Link className="govuk-link" to={`/finance/invoices/${invoice.id}`}>
              {t("invoice.recordPayment")}
            </Link>
          </>
        ) : null}
      </p>
      <span className="govuk-caption-l">{view.authorityName}</span>
      <h1 className="govuk-heading-l">{t("invoice.title", { number: invoice.number })}</h1>
      <p className="govuk-body">
        <strong className="govuk-tag">{t(`invoiceStatus.${invoice.status}`)}</strong>
      </p>
      <dl className="govuk-summary-list app-invoice__meta">
        <SummaryRow label={t("invoice.to")}>{`${view.schoolName} (URN ${view.urn})`}</SummaryRow>
        <SummaryRow label={t("invoice.buyerType")}>{t(`buyerType.${view.buyerType}`)}</SummaryRow>
        <SummaryRow label={t("purchase.poNumber.label")}>{invoice.poNumber ?? t("purchase.none")}</SummaryRow>
        <SummaryRow label={t("invoice.issued")}>{formatDate(invoice.issuedAt)}</SummaryRow>
        <SummaryRow label={t("invoice.due")}>{formatDate(invoice.dueOn)}</SummaryRow>
        <SummaryRow label={t("purchase.provider")}>{view.providerName}</SummaryRow>
        {view.vatNumber ? <SummaryRow label={t("invoice.vatNumber")}>{view.vatNumber}</SummaryRow> : null}
      </dl>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("invoice.lines")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("invoice.description")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("invoice.quantity")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("invoice.unitPrice")}</th>
            <th scope="col" className="govuk-table__header">{t("invoice.vatTreatment")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("invoice.net")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {lines.map((line) => (
            <tr className="govuk-table__row" key={line.id}>
              <td className="govuk-table__cell">{line.description}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{line.quantity}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(line.unitPricePence)}</td>
              <td className="govuk-table__cell">{t(`invoiceVat.${line.vatTreatment}`)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(line.netPence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("invoice.netTotal")}>{formatPence(invoice.netPence)}</SummaryRow>
        <SummaryRow label={t("purchase.vat")}>{formatPence(invoice.vatPence)}</SummaryRow>
        <SummaryRow label={t("invoice.total")}>
          <strong>{formatPence(invoice.grossPence)}</strong>
        </SummaryRow>
        {view.payment ? <SummaryRow label={t("invoice.paid")}>{t("invoice.paidDetail", { date: formatDate(view.payment.receivedOn), reference: view.payment.bankReference })}</SummaryRow> : null}
        {view.creditNote ? <SummaryRow label={t("invoice.creditNote")}>{t("invoice.creditDetail", { number: view.creditNote.number, amount: formatPence(view.creditNote.grossPence), reason: view.creditNote.reason })}</SummaryRow> : null}
      </dl>
      <p className="govuk-body">{t("invoice.howToPay", { number: invoice.number })}</p>
    </div>
  );
}
