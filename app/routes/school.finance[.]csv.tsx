import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvHeadings, csvResponse, type CsvRow } from "~/csv.server";
import { matchFundingOfSchool } from "~/domain/funding/match-documents.server";
import { financialYearLabel } from "~/domain/reporting/rules";
import { schoolPurchases } from "~/domain/reporting/school-purchases.server";
import { formatShortDate } from "~/format";
import { t, type MessageKey } from "~/i18n";
import { orErrorPage, notFoundPage } from "~/refusals.server";

import { loadSchoolFinanceQuery } from "./school.finance.server";

/**
 * The school's year as its finance page shows it: its purchases, then the match funding raised on
 * it (invoices and recharge lines), in the same columns; the last two say what each line is and
 * the document it is. Headings, routes, statuses and kinds of line are words in the reader's
 * language, as the page shows them; codes, numbers and references are as they are.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId, schoolId, year } = await loadSchoolFinanceQuery(request, context);
  if (!schoolId) throw notFoundPage();
  const label = financialYearLabel(year);
  const { lines } = await orErrorPage(() => schoolPurchases(context.db, { authorityId, schoolId, financialYear: year }));
  const match = await matchFundingOfSchool(context.db, { authorityId, schoolId, financialYear: label });
  // Match funding is outside the scope of VAT and never paid from the pot.
  const matchLine = (on: string | Date, version: number, pence: number, route: string, status: string, line: string, reference: string): CsvRow => [
    formatShortDate(on),
    null,
    t("matchfunding.describe", { year: label, version }),
    null,
    null,
    null,
    { pence },
    { pence: 0 },
    { pence: 0 },
    { pence },
    route,
    status,
    line,
    reference,
  ];
  const rows: CsvRow[] = [
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
      t(`paymentRoute.${l.paymentRoute}` as MessageKey),
      t(`orderStatus.${l.status}` as MessageKey),
      t("csv.schoolFinance.line.purchase"),
      l.orderId,
    ]),
    ...match.invoices.map((i) =>
      matchLine(
        i.issuedAt,
        i.version,
        i.grossPence,
        t("paymentRoute.invoice"),
        t(`invoiceStatus.${i.status}`),
        t("csv.schoolFinance.line.match_funding_invoice"),
        i.number,
      ),
    ),
    ...match.recharges.map((r) =>
      matchLine(
        r.createdAt,
        r.version,
        r.amountPence,
        t("paymentRoute.internal_recharge"),
        t(`csv.rechargeStatus.${r.status}`),
        t("csv.schoolFinance.line.match_funding_recharge"),
        r.journalReference,
      ),
    ),
  ];
  return csvResponse(`purchases-${label}.csv`, [
    csvHeadings([
      "csv.schoolFinance.date",
      "csv.schoolFinance.order",
      "csv.schoolFinance.offer",
      "csv.schoolFinance.provider",
      "csv.schoolFinance.cfrCode",
      "csv.schoolFinance.cfrDescription",
      "csv.schoolFinance.net",
      "csv.schoolFinance.pot",
      "csv.schoolFinance.vat",
      "csv.schoolFinance.payable",
      "csv.schoolFinance.route",
      "csv.schoolFinance.status",
      "csv.schoolFinance.line",
      "csv.schoolFinance.reference",
    ]),
    ...rows,
  ]);
}
