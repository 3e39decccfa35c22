import { ItemTable } from "~/components/table";
import { Link } from "~/components/link";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { OfferTitle } from "~/components/offer-title";
import { ParagraphLink } from "~/components/paragraph-link";

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
  /** May the viewer open the order's page and the invoice's (withViewerAccess)? What they may not open shows without a link. */
  orderOpen: boolean;
  invoiceOpen: boolean;
};

/** Orders as a table; `show` picks the party column (the school for providers and finance, the provider for schools). */
export function OrdersTable({ orders, show, caption }: { orders: Row[]; show: "school" | "provider"; caption: string }) {
  return (
    <ItemTable
      compact
      caption={caption}
      captionSize="m"
      rowHeader={false}
      columns={[
        { label: t("order.date"), cell: (o) => formatDate(o.createdAt) },
        {
          label: t("purchase.offer"),
          link: (o) => (o.orderOpen ? `/purchases/${o.id}` : null),
          cell: (o) => <OfferTitle title={o.title} titleCy={o.titleCy} />,
        },
        { label: show === "school" ? t("purchase.school") : t("purchase.provider"), cell: (o) => (show === "school" ? o.schoolName : o.providerName) },
        { label: t("invoice.net"), numeric: true, cell: (o) => formatPence(o.netPence) },
        { label: t("purchase.vat"), numeric: true, cell: (o) => formatPence(o.vatPence) },
        { label: t("orders.route"), cell: (o) => t(`paymentRoute.${o.paymentRoute}`) },
        { label: t("order.status"), cell: (o) => t(`orderStatus.${o.status}`) },
        {
          label: t("order.invoice"),
          cell: (o) => <InvoiceLink invoiceId={o.invoiceId} invoiceNumber={o.invoiceNumber} open={o.invoiceOpen} />,
        },
      ]}
      items={orders}
      empty={t("orders.none")}
    />
  );
}

/**
 * The orders page of a school or a provider: its name over the title, a link to its statement where it
 * has an account, and its orders with the other party's column.
 */
export function OrganisationOrders({
  kind,
  organisationName,
  accountId,
  orders,
}: {
  kind: "school" | "provider";
  organisationName: string;
  accountId: string | null;
  orders: Row[];
}) {
  const text =
    kind === "school"
      ? { title: t("schoolOrders.title"), statement: t("schoolOrders.statement"), caption: t("schoolOrders.caption") }
      : { title: t("providerOrders.title"), statement: t("providerOrders.statement"), caption: t("providerOrders.caption") };
  return (
    <>
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-l">{text.title}</h1>
      {accountId ? <ParagraphLink to={`/accounts/${accountId}`}>{text.statement}</ParagraphLink> : null}
      <OrdersTable orders={orders} show={kind === "school" ? "provider" : "school"} caption={text.caption} />
    </>
  );
}

/** An order's invoice by its number, linked to its page where the viewer may open it; `otherwise` where the order has no invoice. */
export function InvoiceLink({
  invoiceId,
  invoiceNumber,
  open,
  otherwise = null,
}: {
  invoiceId: string | null;
  invoiceNumber: string | null;
  open: boolean;
  otherwise?: React.ReactNode;
}) {
  if (!invoiceId) return otherwise;
  return open ? (
    <Link className="govuk-link" to={`/invoices/${invoiceId}`}>
      {invoiceNumber}
    </Link>
  ) : (
    invoiceNumber
  );
}
