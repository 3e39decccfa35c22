import { Link } from "@remix-run/react";
import { formatPence, formatShortDate } from "~/format";
import { t } from "~/i18n";

type Row = {
  id: string;
  createdAt: string | Date;
  title: string;
  schoolName: string;
  providerName: string;
  netPence: number;
  vatPence: number;
  payablePence: number;
  paymentRoute: "invoice" | "internal_recharge" | "consortium_pot" | "card";
  status: "placed" | "confirmed" | "cancelled" | "delivered";
  invoiceId: string | null;
  invoiceNumber: string | null;
};

/** Orders as a table; `show` picks the party column (the school for providers and finance, the provider for schools). */
export function OrdersTable({ orders, show, caption }: { orders: Row[]; show: "school" | "provider"; caption: string }) {
  if (orders.length === 0) return <p className="govuk-body">{t("orders.none")}</p>;
  return (
    <table className="govuk-table app-table--compact">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{t("order.date")}</th>
          <th scope="col" className="govuk-table__header">{t("purchase.offer")}</th>
          <th scope="col" className="govuk-table__header">{show === "school" ? t("purchase.school") : t("purchase.provider")}</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("invoice.net")}</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("purchase.vat")}</th>
          <th scope="col" className="govuk-table__header">{t("orders.route")}</th>
          <th scope="col" className="govuk-table__header">{t("order.status")}</th>
          <th scope="col" className="govuk-table__header">{t("order.invoice")}</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {orders.map((o) => (
          <tr className="govuk-table__row" key={o.id}>
            <td className="govuk-table__cell">{formatShortDate(o.createdAt)}</td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/purchases/${o.id}`}>
                {o.title}
              </Link>
            </td>
            <td className="govuk-table__cell">{show === "school" ? o.schoolName : o.providerName}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(o.netPence)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(o.vatPence)}</td>
            <td className="govuk-table__cell">{t(`paymentRoute.${o.paymentRoute}`)}</td>
            <td className="govuk-table__cell">{t(`orderStatus.${o.status}`)}</td>
            <td className="govuk-table__cell">
              {o.invoiceId ? (
                <Link className="govuk-link" to={`/invoices/${o.invoiceId}`}>
                  {o.invoiceNumber}
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
