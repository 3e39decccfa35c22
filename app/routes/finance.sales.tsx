import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/user.server";
import { OrdersTable } from "~/components/orders-table";
import { csvCell, poundsForCsv } from "~/domain/ledger/statement.server";
import { ordersOfAuthority } from "~/domain/purchasing/queries.server";
import { formatShortDate } from "~/format";
import { t } from "~/i18n";
import { requireActing } from "./purchasing.server";

export const meta: MetaFunction = () => [{ title: `${t("sales.title")} – ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  requirePermission(user, "view:sales", { authorityId });
  const orders = await ordersOfAuthority(context.db, authorityId);
  if (new URL(request.url).searchParams.get("format") === "csv") {
    const header = ["Date", "Order", "School", "Offer", "Provider", "Net GBP", "VAT GBP", "Gross GBP", "Route", "Status"].map(csvCell).join(",");
    const rows = orders.map((o) =>
      [csvCell(formatShortDate(o.createdAt)), o.id, csvCell(o.schoolName), csvCell(o.title), csvCell(o.providerName), poundsForCsv(o.netPence), poundsForCsv(o.vatPence), poundsForCsv(o.grossPence), o.paymentRoute, o.status].join(","),
    );
    return new Response([header, ...rows].join("\r\n") + "\r\n", {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="sales.csv"', "Cache-Control": "no-store" },
    });
  }
  return { orders };
}

export default function Sales() {
  const { orders } = useLoaderData<typeof loader>() as Exclude<Awaited<ReturnType<typeof loader>>, Response>;
  return (
    <>
      <h1 className="govuk-heading-l">{t("sales.title")}</h1>
      <p className="govuk-body">
        <a className="govuk-link" href="/finance/sales?format=csv" download>
          {t("sales.csv")}
        </a>
        {" · "}
        <a className="govuk-link" href="/finance/recharges.csv" download>
          {t("sales.rechargesCsv")}
        </a>
        {" · "}
        <Link className="govuk-link" to="/finance/ledger">
          {t("sales.ledger")}
        </Link>
      </p>
      <OrdersTable orders={orders} show="school" caption={t("sales.caption")} />
    </>
  );
}
