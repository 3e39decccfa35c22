import type { LoaderFunctionArgs } from "@remix-run/node";
import { CATEGORY_SCHEMES } from "#db/schema/tenancy-vocabulary";
import { requireAuthorityPermission } from "~/auth/user.server";
import { csvResponse } from "~/csv.server";
import { parseSchoolViewQuery } from "~/domain/school-view/rules";
import { schoolViewCsv } from "~/domain/school-view/school-view-csv.server";
import { schoolView } from "~/domain/school-view/school-view.server";
import { formatShortDate, londonIsoDate } from "~/format";
import { orErrorPage } from "~/refusals.server";

/** The school-by-school view's filtered list, every matching school (not only the page shown), as CSV. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "view:schools");
  const query = parseSchoolViewQuery(new URL(request.url).searchParams, [...CATEGORY_SCHEMES.england, ...CATEGORY_SCHEMES.wales]);
  const today = londonIsoDate(new Date());
  const view = await orErrorPage(() => schoolView(context.db, { actor: user, authorityId, query, today }));
  return csvResponse(`schools-${view.year.label}.csv`, schoolViewCsv(view.matching, formatShortDate));
}
