import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { approvedOffers, authorityNeeds } from "~/domain/commissioning/commissioning.server";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";

export const meta: MetaFunction = () => [{ title: `${t("commissioning.title")} - ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "publish:need", { authorityId });
  const now = Date.now();
  const offers = (await approvedOffers(context.db, authorityId)).map((o) => ({ ...o, expired: o.approvalExpiresAt !== null && o.approvalExpiresAt.getTime() <= now }));
  return { needs: await authorityNeeds(context.db, { authorityId, statuses: ["open", "closed", "commissioned"] }), offers };
}

export default function Commissioning() {
  const { needs, offers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("commissioning.title")}</h1>
      <h2 className="govuk-heading-m">{t("commissioning.needs")}</h2>
      <Link to="/commissioning/needs/new" className="govuk-button" role="button" draggable="false">
        {t("commissioning.publish")}
      </Link>
      {needs.length === 0 ? (
        <p className="govuk-body">{t("commissioning.noNeeds")}</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("need.title")}</th>
              <th scope="col" className="govuk-table__header">{t("need.subjectArea")}</th>
              <th scope="col" className="govuk-table__header">{t("need.budget")}</th>
              <th scope="col" className="govuk-table__header">{t("need.closesOn")}</th>
              <th scope="col" className="govuk-table__header">{t("qa.status")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {needs.map((n) => (
              <tr className="govuk-table__row" key={n.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/commissioning/needs/${n.id}`}>
                    {n.title}
                  </Link>
                </td>
                <td className="govuk-table__cell">{t(`subjectArea.${n.subjectArea}`)}</td>
                <td className="govuk-table__cell">{n.budgetPence !== null ? formatPence(n.budgetPence) : ""}</td>
                <td className="govuk-table__cell">{formatDate(n.closesOn)}</td>
                <td className="govuk-table__cell">{t(`need.status.${n.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">{t("commissioning.offers")}</h2>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("commissioning.offer")}</th>
            <th scope="col" className="govuk-table__header">{t("qa.provider")}</th>
            <th scope="col" className="govuk-table__header">{t("commissioning.state")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {offers.map((o) => (
            <tr className="govuk-table__row" key={o.offerId}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/commissioning/offers/${o.offerId}`}>
                  {o.title}
                </Link>
              </td>
              <td className="govuk-table__cell">{o.providerName}</td>
              <td className="govuk-table__cell">
                {o.suspendedAt ? (
                  <strong className="govuk-tag govuk-tag--red">{t("providerOffers.suspended")}</strong>
                ) : o.expired ? (
                  t("commissioning.expired", { date: formatDate(o.approvalExpiresAt!) })
                ) : (
                  t("commissioning.onSale", { date: formatDate(o.approvalExpiresAt!) })
                )}
                {o.commissionedAt ? <strong className="govuk-tag govuk-tag--purple app-badge">{t("commissioning.commissioned")}</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
