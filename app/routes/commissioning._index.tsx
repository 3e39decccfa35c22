import { ItemTable } from "~/components/table";
import { ButtonLink } from "~/components/button-link";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAuthorityPermission } from "~/auth/user.server";
import { approvedOffers, authorityNeeds } from "~/domain/commissioning/commissioning.server";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("commissioning.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityPermission(request, context, "publish:need");
  const now = Date.now();
  const offers = (await approvedOffers(context.db, authorityId)).map((o) => ({
    ...o,
    expired: o.approvalExpiresAt !== null && o.approvalExpiresAt.getTime() <= now,
  }));
  return { needs: await authorityNeeds(context.db, { authorityId, statuses: ["open", "closed", "commissioned"] }), offers };
}

export default function Commissioning() {
  const { needs, offers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("commissioning.title")}</h1>
      <h2 className="govuk-heading-m">{t("commissioning.needs")}</h2>
      <ButtonLink to="/commissioning/needs/new">{t("commissioning.publish")}</ButtonLink>
      <ItemTable
        rowHeader={false}
        columns={[
          { label: t("need.heading.title"), link: (n) => `/commissioning/needs/${n.id}`, cell: (n) => n.title },
          { label: t("need.subjectArea"), cell: (n) => t(`subjectArea.${n.subjectArea}`) },
          { label: t("need.heading.budget"), cell: (n) => (n.budgetPence !== null ? formatPence(n.budgetPence) : "") },
          { label: t("need.closesOn"), cell: (n) => formatDate(n.closesOn) },
          { label: t("qa.status"), cell: (n) => t(`need.status.${n.status}`) },
        ]}
        items={needs}
        empty={t("commissioning.noNeeds")}
      />
      <h2 className="govuk-heading-m">{t("commissioning.offers")}</h2>
      <ItemTable
        rowHeader={false}
        columns={[
          { label: t("commissioning.offer"), link: (o) => `/commissioning/offers/${o.offerId}`, cell: (o) => o.title },
          { label: t("qa.provider"), cell: (o) => o.providerName },
          {
            label: t("commissioning.state"),
            cell: (o) => (
              <>
                {o.suspendedAt ? (
                  <strong className="govuk-tag govuk-tag--red">{t("providerOffers.suspended")}</strong>
                ) : o.expired ? (
                  t("commissioning.expired", { date: formatDate(o.approvalExpiresAt!) })
                ) : (
                  t("commissioning.onSale", { date: formatDate(o.approvalExpiresAt!) })
                )}
                {o.commissionedAt ? <strong className="govuk-tag govuk-tag--purple app-badge">{t("commissioning.commissioned")}</strong> : null}
              </>
            ),
          },
        ]}
        items={offers}
        rowKey={(o) => o.offerId}
      />
    </>
  );
}
