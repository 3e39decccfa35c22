import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvHeadings, csvResponse } from "~/csv.server";
import { salesForExport } from "~/domain/purchasing/sales.server";
import { formatShortDate } from "~/format";
import { t } from "~/i18n";
import { loadSalesQuery } from "./sales.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId, filter, errors } = await loadSalesQuery(request, context);
  if (errors) throw new Response(Object.values(errors).flat().join("\n"), { status: 400 });
  const { orders } = await salesForExport(context.db, { authorityId, filter });
  return csvResponse("sales.csv", [
    csvHeadings([
      "csv.sales.date",
      "csv.sales.order",
      "csv.sales.school",
      "csv.sales.offer",
      "csv.sales.provider",
      "csv.sales.net",
      "csv.sales.vat",
      "csv.sales.gross",
      "csv.sales.route",
      "csv.sales.status",
    ]),
    ...orders.map((o) => [
      formatShortDate(o.createdAt),
      o.id,
      o.schoolName,
      o.title,
      o.providerName,
      { pence: o.netPence },
      { pence: o.vatPence },
      { pence: o.grossPence },
      // In words, as the sales page shows them.
      t(`paymentRoute.${o.paymentRoute}`),
      t(`orderStatus.${o.status}`),
    ]),
  ]);
}
