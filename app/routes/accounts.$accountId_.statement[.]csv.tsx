import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/csv.server";
import { describeCauses } from "~/domain/ledger/statement-causes.server";
import { statementCsvRows } from "~/domain/ledger/statement.server";
import { loadStatement } from "./statement.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { statement, errors, reader } = await loadStatement(request, context, params.accountId);
  if (errors) throw new Response(Object.values(errors).flat().join("\n"), { status: 400 });
  const name = statement.account.name
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase()
    .slice(0, 60);
  const causes = await describeCauses(context.db, statement.account.authorityId, statement.lines, reader);
  return csvResponse(`statement-${name}.csv`, statementCsvRows(statement, causes));
}
