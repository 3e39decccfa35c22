import { ParagraphLink } from "~/components/paragraph-link";
import { accountColumns } from "~/components/account-columns";
import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requirePermission } from "~/auth/user.server";
import { requireActing } from "./purchasing.server";
import { accountsForMember } from "~/domain/ledger/list-accounts.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("accounts.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
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
      <ItemTable
        caption={t("accounts.title")}
        captionSize="hidden"
        rowHeader={false}
        columns={[...accountColumns(), { label: t("accounts.balance"), numeric: true, cell: (a) => formatPence(a.balancePence) }]}
        items={accounts}
        empty={t("accounts.none")}
      />
      {canViewLedger ? <ParagraphLink to="/finance/ledger">{t("accounts.ledgerLink")}</ParagraphLink> : null}
    </>
  );
}
