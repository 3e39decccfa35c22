import type { AccountKind } from "~/db.server";
import { t } from "~/i18n";
import type { ItemColumn } from "./table";

type Account = { id: string; name: string; kind: AccountKind };

/** The first two columns of a list of ledger accounts: the account, linked to its statement, and its kind. */
export function accountColumns<A extends Account>(): ItemColumn<A>[] {
  return [
    { label: t("accounts.account"), link: (a) => `/accounts/${a.id}`, cell: (a) => a.name },
    { label: t("accounts.kind"), cell: (a) => t(`ledger.accountKind.${a.kind}`) },
  ];
}
