import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/csv.server";
import { salesForExport } from "~/domain/purchasing/sales.server";
import { formatShortDate } from "~/format";
import { loadSalesQuery } from "./sales.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId, filter, errors } = await loadSalesQuery(request, context);
  if (errors) throw new Response(Object.values(errors).flat().join("\n"), { status: 400 });
  const { orders } = await salesForExport(context.db, { authorityId, filter });
  return csvResponse("sales.csv", [
    ["Date", "Order", "School", "Offer", "Provider", "Net GBP", "VAT GBP", "Gross GBP", "Route", "Status"],
    ...orders.map((o) => [
      formatShortDate(o.createdAt),
      o.id,
      o.schoolName,
      o.title,
      o.providerName,
      { pence: o.netPence },
      { pence: o.vatPence },
      { pence: o.grossPence },
      o.paymentRoute,
      o.status,
    ]),
  ]);
}
