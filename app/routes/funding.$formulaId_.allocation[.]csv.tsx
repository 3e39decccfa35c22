import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAuthorityPermission } from "~/auth/user.server";
import { csvResponse } from "~/csv.server";
import { allocationCsv } from "~/domain/funding/allocation-csv.server";
import { orErrorPage } from "~/refusals.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "allocate:funding");
  const { filename, rows } = await orErrorPage(() => allocationCsv(context.db, { actor: user, authorityId, formulaId: params.formulaId ?? "" }));
  return csvResponse(filename, rows);
}
