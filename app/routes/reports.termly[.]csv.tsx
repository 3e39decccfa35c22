import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/csv.server";
import { t } from "~/i18n";
import { termlyReport } from "~/domain/reporting/take-termly-snapshot.server";
import { TERMLY_TABLES, termlyTable, type TermlyTable } from "~/domain/reporting/termly-tables";
import { orErrorPage, notFoundPage } from "~/refusals.server";

import { loadTermlyQuery } from "./reports.termly.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId, term } = await loadTermlyQuery(request, context);
  if (!term) throw notFoundPage();
  const key = new URL(request.url).searchParams.get("table") ?? "money";
  if (!(TERMLY_TABLES as readonly string[]).includes(key)) throw new Response(t("csv.error.unknownTable"), { status: 400 });
  const { figures } = await orErrorPage(() => termlyReport(context.db, { authorityId, term }));
  const table = termlyTable(figures, key as TermlyTable);
  return csvResponse(`termly-report-${term}-${key}.csv`, [table.columns.map((c) => c.label), ...table.rows]);
}
