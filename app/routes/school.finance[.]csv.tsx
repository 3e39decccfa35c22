import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/csv.server";
import { financialYearLabel } from "~/domain/reporting/rules";
import { schoolPurchases } from "~/domain/reporting/school-purchases.server";
import { formatShortDate } from "~/format";
import { t, type MessageKey } from "~/i18n";
import { orErrorPage, notFoundPage } from "~/refusals.server";

import { loadSchoolFinanceQuery } from "./school.finance.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId, schoolId, year } = await loadSchoolFinanceQuery(request, context);
  if (!schoolId) throw notFoundPage();
  const { lines } = await orErrorPage(() => schoolPurchases(context.db, { authorityId, schoolId, financialYear: year }));
  return csvResponse(`purchases-${financialYearLabel(year)}.csv`, [
    ["Date", "Order", "Offer", "Provider", "CFR code", "CFR description", "Net GBP", "Paid by pot GBP", "VAT GBP", "Payable GBP", "Payment route", "Status"],
    ...lines.map((l) => [
      formatShortDate(l.placedOn),
      l.orderId,
      l.title,
      l.providerName,
      l.cfrCode,
      t(`cfr.${l.cfrCode}` as MessageKey),
      { pence: l.netPence - l.potPence },
      { pence: l.potPence },
      { pence: l.vatPence },
      { pence: l.payablePence },
      l.paymentRoute,
      l.status,
    ]),
  ]);
}
