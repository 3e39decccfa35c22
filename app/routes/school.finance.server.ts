import { notFoundPage } from "~/refusals.server";
// What the school finance page and its CSV share: whose purchases, for which financial year.
import type { AppLoadContext } from "@remix-run/node";
import { requirePermission } from "~/auth/user.server";
import { isUuid } from "~/domain/ids";
import { parseFinancialYear } from "~/domain/reporting/rules";
import { requireActing } from "./purchasing.server";
import { currentFinancialYear } from "./traded-income.server";

/** The school is the acting one, or for finance the one named in the address; the year defaults to the current one. */
export async function loadSchoolFinanceQuery(request: Request, context: AppLoadContext) {
  const acting = await requireActing(request, context);
  const url = new URL(request.url);
  const asked = url.searchParams.get("school")?.slice(0, 100) ?? "";
  if (asked && !isUuid(asked)) throw notFoundPage();
  const schoolId = asked || (acting.user.acting?.organisationKind === "school" ? acting.user.acting.organisationId : null);
  requirePermission(
    acting.user,
    "view:school-finance",
    schoolId ? { organisationId: schoolId, authorityId: acting.authorityId } : { authorityId: acting.authorityId },
  );
  const yearText = url.searchParams.get("year")?.slice(0, 10) ?? "";
  const year = yearText ? parseFinancialYear(yearText) : currentFinancialYear();
  if (year === null) throw notFoundPage();
  return { ...acting, schoolId, year };
}
