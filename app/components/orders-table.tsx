import { Table } from "~/components/table";
import { Link } from "@remix-run/react";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { OfferTitle } from "~/components/offer-title";

type Row = {
  id: string;
  createdAt: string | Date;
  title: string;
  /** The offer's Welsh title, empty where the provider gave none. */
  titleCy?: string;
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
    <Table
      compact
      caption={caption}
      captionSize="m"
      rowHeader={false}
      columns={[
        { label: t("order.date") },
        { label: t("purchase.offer") },
        { label: show === "school" ? t("purchase.school") : t("purchase.provider") },
        { label: t("invoice.net"), numeric: true },
        { label: t("purchase.vat"), numeric: true },
        { label: t("orders.route") },
        { label: t("order.status") },
        { label: t("order.invoice") },
      ]}
      rows={orders.map((o) => ({
        key: o.id,
        cells: [
          formatDate(o.createdAt),
          <Link key="link-cell" className="govuk-link" to={`/purchases/${o.id}`}>
            <OfferTitle title={o.title} titleCy={o.titleCy} />
          </Link>,
          show === "school" ? o.schoolName : o.providerName,
          formatPence(o.netPence),
          formatPence(o.vatPence),
          t(`paymentRoute.${o.paymentRoute}`),
          t(`orderStatus.${o.status}`),
          o.invoiceId ? (
            <Link className="govuk-link" to={`/invoices/${o.invoiceId}`}>
              {o.invoiceNumber}
            </Link>
          ) : null,
        ],
      }))}
    />
  );
}
