// What the statement page and its CSV share: who may read the account, and the period asked for.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { MembershipGrant } from "~/auth/permissions";
import { requireAuthorityId, requireUser } from "~/auth/user.server";
import { forbidden, notFoundPage } from "~/refusals.server";
import type { FieldErrors } from "~/components/forms";
import { canViewStatement } from "~/domain/ledger/statement-access";
import { isCalendarDate, periodBounds } from "~/domain/ledger/statement-period";
import { accountStatement, findAccount, type Statement } from "~/domain/ledger/statement.server";
import { withDateParams } from "~/forms/fields";
import { parseValues } from "~/forms.server";
import { t } from "~/i18n";
import { forwardMovedCsv } from "./moved-csv.server";

/** An optional whole day in a query string, "2026-04-01". */
export const optionalDay = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
  z.string().max(10, t("statement.filter.invalidDate")).refine(isCalendarDate, t("statement.filter.invalidDate")).optional(),
);

const StatementQuerySchema = z
  .object({ from: optionalDay, to: optionalDay })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: t("statement.filter.order"), path: ["to"] });

/** The statement, the period asked for, and the reader's grants (its causes link only the pages they may open). */
export type LoadedStatement = { statement: Statement; filter: { from: string; to: string }; errors: FieldErrors | null; reader: readonly MembershipGrant[] };

/**
 * The account's statement for the period in the address; on a bad period, the whole statement and the errors.
 * For the page (`forwardFormatCsv`), the old `?format=csv` address is sent on to the CSV once the reader may see it.
 */
export async function loadStatement(
  request: Request,
  context: AppLoadContext,
  accountId: string | undefined,
  { forwardFormatCsv = false }: { forwardFormatCsv?: boolean } = {},
): Promise<LoadedStatement> {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  const account = await findAccount(context.db, { authorityId, accountId: accountId ?? "" });
  if (!account) throw notFoundPage();
  if (!canViewStatement(user.grants, account)) throw forbidden();
  if (forwardFormatCsv) forwardMovedCsv(request, statementCsvPath(account.id));

  const url = new URL(request.url);
  const params = withDateParams(url.searchParams, ["from", "to"]);
  const query = parseValues(Object.fromEntries(params), StatementQuerySchema);
  const filter = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  if (!query.ok) {
    const statement = await accountStatement(context.db, { authorityId, accountId: account.id });
    return { statement, filter, errors: query.errors, reader: user.grants };
  }
  const statement = await accountStatement(context.db, { authorityId, accountId: account.id, ...periodBounds(query.data) });
  return { statement, filter, errors: null, reader: user.grants };
}

/** Where an account's statement CSV is. */
export const statementCsvPath = (accountId: string) => `/accounts/${accountId}/statement.csv`;

/** Where the statement's CSV for the same period is. */
export function statementCsvHref(accountId: string, { filter, errors }: Pick<LoadedStatement, "filter" | "errors">) {
  const query = new URLSearchParams(errors ? {} : Object.fromEntries(Object.entries(filter).filter(([, v]) => v)));
  return `${statementCsvPath(accountId)}${query.size ? `?${query}` : ""}`;
}
