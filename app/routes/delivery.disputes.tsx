import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ItemTable } from "~/components/table";
import { disputesPage } from "~/domain/delivery/pages.server";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { actingPageLoader } from "./purchasing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("disputes.title"), data);

export const loader = actingPageLoader(disputesPage);

export default function Disputes() {
  const { disputes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("disputes.title")}</h1>
      <p className="govuk-body">{t("disputes.lead")}</p>
      <ItemTable
        caption={t("disputes.title")}
        columns={[
          { label: t("purchase.offer"), link: (d) => `/purchases/${d.orderId}/delivery`, cell: (d) => d.title },
          { label: t("purchase.school"), cell: (d) => d.schoolName },
          { label: t("purchase.provider"), cell: (d) => d.providerName },
          { label: t("invoice.net"), numeric: true, cell: (d) => formatPence(d.netPence) },
          { label: t("disputes.reason"), cell: (d) => d.reason },
          { label: t("disputes.on"), cell: (d) => `${formatDate(d.disputedAt)} (${d.disputedBy})` },
        ]}
        items={disputes}
        rowKey={(d) => d.orderId}
        empty={t("disputes.none")}
      />
    </>
  );
}
