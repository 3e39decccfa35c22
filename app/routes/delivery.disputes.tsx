import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "~/components/table";
import { disputesPage } from "~/domain/delivery/pages.server";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { orErrorPage } from "~/refusals.server";
import { requireActing } from "./purchasing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("disputes.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, authorityId } = await requireActing(request, context);
  return orErrorPage(() => disputesPage(context.db, { actor, authorityId }));
}

export default function Disputes() {
  const { disputes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("disputes.title")}</h1>
      <p className="govuk-body">{t("disputes.lead")}</p>
      <Table
        caption={t("disputes.title")}
        columns={[
          { label: t("purchase.offer") },
          { label: t("purchase.school") },
          { label: t("purchase.provider") },
          { label: t("invoice.net"), numeric: true },
          { label: t("disputes.reason") },
          { label: t("disputes.on") },
        ]}
        rows={disputes.map((d) => ({
          key: d.orderId,
          cells: [
            <Link className="govuk-link" to={`/purchases/${d.orderId}/delivery`} key="link">
              {d.title}
            </Link>,
            d.schoolName,
            d.providerName,
            formatPence(d.netPence),
            d.reason,
            `${formatDate(d.disputedAt)} (${d.disputedBy})`,
          ],
        }))}
        empty={t("disputes.none")}
      />
    </>
  );
}
