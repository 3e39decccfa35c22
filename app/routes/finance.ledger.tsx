import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { listLedgerAccounts } from "~/domain/ledger/list-accounts.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("ledger.title")} – ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "view:ledger", { authorityId });
  const [accounts, totalPence, mismatches] = await Promise.all([
    listLedgerAccounts(context.db, authorityId),
    trialBalance(context.db, authorityId),
    checkLedger(context.db, authorityId),
  ]);
  const debitPence = accounts.reduce((sum, a) => sum + Math.max(0, a.balancePence), 0);
  const creditPence = accounts.reduce((sum, a) => sum + Math.max(0, -a.balancePence), 0);
  return { accounts, totalPence, debitPence, creditPence, mismatches: mismatches.length };
}

export default function Ledger() {
  const { accounts, totalPence, debitPence, creditPence, mismatches } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("ledger.title")}</h1>
      <h2 className="govuk-heading-m">{t("ledger.trialBalance")}</h2>
      <div className="govuk-inset-text">
        <p className="govuk-body">{t(totalPence === 0 ? "ledger.trialBalance.balanced" : "ledger.trialBalance.unbalanced", { total: formatPence(totalPence) })}</p>
        {mismatches > 0 ? <p className="govuk-body govuk-!-font-weight-bold">{t("ledger.mismatch", { count: mismatches })}</p> : null}
      </div>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("ledger.accounts")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("accounts.account")}</th>
            <th scope="col" className="govuk-table__header">{t("accounts.kind")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("ledger.debit")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("ledger.credit")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {accounts.map((a) => (
            <tr className="govuk-table__row" key={a.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/accounts/${a.id}`}>
                  {a.name}
                </Link>
              </td>
              <td className="govuk-table__cell">{t(`ledger.accountKind.${a.kind}`)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{a.balancePence > 0 ? formatPence(a.balancePence) : ""}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{a.balancePence < 0 ? formatPence(-a.balancePence) : ""}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header" colSpan={2}>{t("ledger.totals")}</th>
            <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{formatPence(debitPence)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{formatPence(creditPence)}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
