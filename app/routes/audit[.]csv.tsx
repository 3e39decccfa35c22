import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActing } from "./purchasing.server";
import { auditFilterOf, AuditQuerySchema, filterValuesOf } from "~/domain/audit-log/audit-query";
import { auditCsv } from "~/domain/audit-log/audit-csv.server";
import { filterBelongsTo } from "~/domain/audit-log/search-audit-log.server";
import { parseValues } from "~/forms.server";
import { t } from "~/i18n";
import { orErrorPage, notFoundPage } from "~/refusals.server";

/**
 * The audit log's filtered rows as CSV: the same filter as the page, every row, streamed. Not
 * csvResponse(), which takes every row at once: a million rows are written a batch at a time with
 * the same writer and headers.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const url = new URL(request.url);
  const values = filterValuesOf(url.searchParams);
  const parsed = parseValues(values, AuditQuerySchema);
  if (!parsed.ok) throw new Response(Object.values(parsed.errors).flat().join(". "), { status: 400 });
  const filter = auditFilterOf(parsed.data);
  const stream = await orErrorPage(async () => auditCsv(context.db, { actor: user, authorityId, filter }));
  if (!(await filterBelongsTo(context.db, authorityId, filter))) throw notFoundPage(t("audit.filter.notFound"));
  return new Response(stream, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="audit-log.csv"', "Cache-Control": "private, no-store" },
  });
}
