import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { can } from "~/auth/permissions";
import { InvoiceLines } from "~/components/invoice-lines";
import { SummaryRow } from "~/components/summary-row";
import { onlinePaymentOf } from "~/domain/payments/start-checkout.server";
import { findInvoice } from "~/domain/purchasing/queries.server";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { notFoundPage, forbidden } from "~/refusals.server";
import { requireActing } from "./purchasing.server";
import { mayViewInvoice } from "~/domain/purchasing/access";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("invoice.title", { number: data?.invoice.invoice.number ?? "" }), data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const invoice = await findInvoice(context.db, authorityId, params.invoiceId ?? "");
  if (!invoice) throw notFoundPage();
  const schoolId = invoice.invoice.schoolId;
  if (!mayViewInvoice(user.grants, authorityId, schoolId)) throw forbidden(t("invoice.error.notYours"));
  const isFinance = can(user.grants, "record:payment", { authorityId });
  const mayPay = can(user.grants, "buy:offer", { organisationId: schoolId, authorityId });
  const online = mayPay ? await onlinePaymentOf(context.db, { authorityId, invoiceId: invoice.invoice.id, stripeEnabled: context.env.STRIPE }) : null;
  return {
    invoice,
    isFinance,
    online: online && { open: online.open, stripeEnabled: online.stripeEnabled, routeAllows: online.routeAllows, onItsWayPence: online.onItsWayPence },
  };
}

export default function InvoicePage() {
  const { invoice: view, isFinance, online } = useLoaderData<typeof loader>();
  const { invoice, lines, balance } = view;
  return (
    <div className="app-invoice">
      <p className="govuk-body app-no-print">
        {invoice.orderId ? (
          <Link className="govuk-link" to={`/purchases/${invoice.orderId}`}>
            {t("invoice.backToOrder")}
          </Link>
        ) : (
          <Link
            className="govuk-link"
            to={`/school/finance?${new URLSearchParams({ ...(isFinance ? { school: invoice.schoolId } : {}), ...(view.funding ? { year: view.funding.financialYear } : {}) })}`}
          >
            {t("matchfunding.invoice.back")}
          </Link>
        )}
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
        {view.funding ? (
          <SummaryRow label={t("matchfunding.invoice.for")}>
            {t("matchfunding.describe", { year: view.funding.financialYear, version: view.funding.version })}
          </SummaryRow>
        ) : null}
        {view.buyerType ? <SummaryRow label={t("invoice.buyerType")}>{t(`buyerType.${view.buyerType}`)}</SummaryRow> : null}
        <SummaryRow label={t("purchase.poNumber.label")}>{invoice.poNumber ?? t("purchase.none")}</SummaryRow>
        <SummaryRow label={t("invoice.issued")}>{formatDate(invoice.issuedAt)}</SummaryRow>
        {balance.duePence > 0 ? <SummaryRow label={t("invoice.due")}>{formatDate(invoice.dueOn)}</SummaryRow> : null}
        {view.providerName ? <SummaryRow label={t("purchase.provider")}>{view.providerName}</SummaryRow> : null}
        {view.vatNumber ? <SummaryRow label={t("invoice.vatNumber")}>{view.vatNumber}</SummaryRow> : null}
      </dl>
      <InvoiceLines lines={lines} />
      <dl className="govuk-summary-list">
        <SummaryRow label={t("invoice.netTotal")}>{formatPence(invoice.netPence)}</SummaryRow>
        <SummaryRow label={t("purchase.vat")}>{formatPence(invoice.vatPence)}</SummaryRow>
        <SummaryRow label={t("invoice.balance.total")}>{formatPence(invoice.grossPence)}</SummaryRow>
        {view.payments.length > 0 && isFinance ? (
          <SummaryRow label={t("payment.recordedBy")}>
            {[...new Set(view.payments.map((p) => p.recordedByName ?? t("payments.byStripe")))].join(", ")}
          </SummaryRow>
        ) : null}
      </dl>
      <Table
        caption={t("invoice.balance.due")}
        captionSize="m"
        columns={[{}, { numeric: true }]}
        rows={[
          { key: "total", cells: [t("invoice.balance.total"), formatPence(balance.grossPence)] },
          ...view.payments.map((payment) => ({
            key: payment.id,
            cells: [
              t(payment.method === "bank" ? "payments.list.bank" : payment.amountPence < 0 ? "payments.list.refund" : "payments.list.stripe", {
                date: formatDate(payment.receivedOn),
                reference: payment.bankReference,
              }),
              formatPence(-payment.amountPence),
            ],
          })),
          ...view.creditNotes.map((note) => ({
            key: note.id,
            cells: [
              <>
                {t("invoice.balance.credited", { number: note.number })}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                  {t("invoice.balance.creditedReason", { reason: note.reason })}
                </span>
              </>,
              formatPence(-note.grossPence),
            ],
          })),
          { key: "due", cells: [t("invoice.balance.due"), <strong key="due">{formatPence(balance.duePence)}</strong>] },
          ...(balance.owedBackPence > 0 ? [{ key: "owedBack", cells: [t("invoice.balance.owedBack"), formatPence(balance.owedBackPence)] }] : []),
        ]}
      />
      {view.creditNotes.length > 0 && balance.duePence === 0 ? (
        <div className="govuk-inset-text">{t("invoice.balance.credit", { number: view.creditNotes.map((c) => c.number).join(", ") })}</div>
      ) : view.creditNotes.length > 0 ? (
        <div className="govuk-inset-text">
          {t("invoice.balance.creditPart", { number: view.creditNotes.map((c) => c.number).join(", "), due: formatPence(balance.duePence) })}
        </div>
      ) : null}
      {balance.duePence > 0 ? (
        <p className="govuk-body">{t("invoice.howToPay", { number: invoice.number })}</p>
      ) : (
        <p className="govuk-body">{t("invoice.balance.nothingDue")}</p>
      )}
      {online && online.routeAllows && balance.duePence > 0 ? (
        online.stripeEnabled ? (
          <div className="app-no-print">
            {online.onItsWayPence > 0 ? (
              <p className="govuk-body">
                {t("payments.pay.onItsWay")}: {formatPence(online.onItsWayPence)}
              </p>
            ) : null}
            {online.open ? (
              <>
                <p className="govuk-body">{t("payments.payOnline.intro")}</p>
                <Link className="govuk-button" to={`/invoices/${invoice.id}/pay`}>
                  {t("payments.payOnline")}
                </Link>
              </>
            ) : null}
          </div>
        ) : (
          <p className="govuk-body app-no-print">{t("payments.unavailable")}</p>
        )
      ) : null}
    </div>
  );
}
