import { accountColumns } from "~/components/account-columns";
import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAuthorityPermission } from "~/auth/user.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { listLedgerAccounts } from "~/domain/ledger/list-accounts.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("ledger.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityPermission(request, context, "view:ledger");
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
        <p className="govuk-body">
          {t(totalPence === 0 ? "ledger.trialBalance.balanced" : "ledger.trialBalance.unbalanced", { total: formatPence(totalPence) })}
        </p>
        {mismatches > 0 ? <p className="govuk-body govuk-!-font-weight-bold">{t("ledger.mismatch", { count: mismatches })}</p> : null}
      </div>
      <ItemTable
        caption={t("ledger.accounts")}
        captionSize="m"
        rowHeader={false}
        columns={[
          ...accountColumns(),
          { label: t("ledger.debit"), numeric: true, cell: (a) => (a.balancePence > 0 ? formatPence(a.balancePence) : "") },
          { label: t("ledger.credit"), numeric: true, cell: (a) => (a.balancePence < 0 ? formatPence(-a.balancePence) : "") },
        ]}
        items={accounts}
        foot={[
          {
            key: "totals",
            cells: [
              { cell: t("ledger.totals"), header: true, colSpan: 2 },
              { cell: formatPence(debitPence), numeric: true, className: "govuk-!-font-weight-bold" },
              { cell: formatPence(creditPence), numeric: true, className: "govuk-!-font-weight-bold" },
            ],
          },
        ]}
      />
    </>
  );
}
