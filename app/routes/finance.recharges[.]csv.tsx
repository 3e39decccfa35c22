import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/user.server";
import { csvCell, poundsForCsv } from "~/domain/ledger/statement.server";
import { rechargesOfAuthority } from "~/domain/purchasing/queries.server";
import { formatShortDate } from "~/format";
import { requireActing } from "./purchasing.server";

/**
 * The recharge journal for the authority's finance system: one line per recharge (debit the school's
 * cost centre), and a reversing line for each cancelled one.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  requirePermission(user, "record:payment", { authorityId });
  const recharges = await rechargesOfAuthority(context.db, authorityId);
  const header = ["Date", "Journal reference", "Cost centre", "School", "URN", "Description", "Amount GBP", "Order"].map(csvCell).join(",");
  const line = (r: (typeof recharges)[number], date: Date, sign: 1 | -1, note: string) =>
    [csvCell(formatShortDate(date)), csvCell(r.journalReference), csvCell(r.costCentre), csvCell(r.schoolName), csvCell(r.urn), csvCell(`${note}${r.title}`), poundsForCsv(sign * r.amountPence), r.orderId].join(",");
  const rows = recharges.flatMap((r) => [line(r, r.createdAt, 1, ""), ...(r.reversedAt ? [line(r, r.reversedAt, -1, "Reversal: ")] : [])]);
  return new Response([header, ...rows].join("\r\n") + "\r\n", {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="recharges.csv"', "Cache-Control": "no-store" },
  });
}
