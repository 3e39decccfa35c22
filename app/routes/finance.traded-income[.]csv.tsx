import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/csv.server";
import { t } from "~/i18n";
import { TRADED_INCOME_TABLES, tradedIncomeTable, type TradedIncomeTable } from "~/domain/reporting/traded-income-tables";
import { tradedIncomeReport } from "~/domain/reporting/traded-income.server";
import { loadTradedIncomeQuery } from "./traded-income.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId, filter, errors } = await loadTradedIncomeQuery(request, context);
  if (errors) throw new Response(Object.values(errors).flat().join("\n"), { status: 400 });
  const key = new URL(request.url).searchParams.get("table") ?? "months";
  if (!(TRADED_INCOME_TABLES as readonly string[]).includes(key)) throw new Response(t("csv.error.unknownTable"), { status: 400 });
  const report = await tradedIncomeReport(context.db, { authorityId, filter });
  const table = tradedIncomeTable(report, key as TradedIncomeTable);
  return csvResponse(`traded-income-${report.financialYear}-${key}.csv`, [table.columns.map((c) => c.label), ...table.rows]);
}
