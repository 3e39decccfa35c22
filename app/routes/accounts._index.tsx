import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { accountsForMember } from "~/domain/ledger/list-accounts.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("accounts.title")} – ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "view:statement", user.acting!);
  const accounts = await accountsForMember(context.db, { authorityId, grants: user.grants });
  return { accounts, canViewLedger: can(user.grants, "view:ledger", { authorityId }) };
}

export default function Accounts() {
  const { accounts, canViewLedger } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("accounts.title")}</h1>
      <p className="govuk-body">{t("accounts.lead")}</p>
      {accounts.length === 0 ? (
        <p className="govuk-body">{t("accounts.none")}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("accounts.title")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("accounts.account")}</th>
              <th scope="col" className="govuk-table__header">{t("accounts.kind")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("accounts.balance")}</th>
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
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(a.balancePence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canViewLedger ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/finance/ledger">
            {t("accounts.ledgerLink")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
