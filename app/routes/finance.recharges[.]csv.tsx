import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/user.server";
import { csvHeadings, csvResponse, type CsvRow } from "~/csv.server";
import { rechargesOfAuthority } from "~/domain/purchasing/queries.server";
import { formatShortDate } from "~/format";
import { t } from "~/i18n";
import { requireActing } from "./purchasing.server";

/**
 * The recharge journal for the authority's finance system: one line per recharge (debit the school's
 * cost centre), a reversing line for each cancelled one, and the schools' match funding (a revision's
 * line is the difference, negative when lower), which has no order.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  requirePermission(user, "record:payment", { authorityId });
  const recharges = await rechargesOfAuthority(context.db, authorityId);
  const line = (r: (typeof recharges)[number], date: Date, sign: 1 | -1): CsvRow => {
    const description = r.title ?? (r.funding ? t("matchfunding.describe", { year: r.funding.financialYear, version: r.funding.version }) : "");
    return [
      formatShortDate(date),
      r.journalReference,
      r.costCentre,
      r.schoolName,
      r.urn,
      sign < 0 ? t("csv.recharges.reversal", { description }) : description,
      { pence: sign * r.amountPence },
      r.orderId ?? "",
    ];
  };
  return csvResponse("recharges.csv", [
    csvHeadings([
      "csv.recharges.date",
      "csv.recharges.journalReference",
      "csv.recharges.costCentre",
      "csv.recharges.school",
      "csv.recharges.urn",
      "csv.recharges.description",
      "csv.recharges.amount",
      "csv.recharges.order",
    ]),
    ...recharges.flatMap((r) => [line(r, r.createdAt, 1), ...(r.reversedAt ? [line(r, r.reversedAt, -1)] : [])]),
  ]);
}
