import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAuthorityId, requireUser } from "~/auth/user.server";
import { RevisionStatusTag } from "~/components/offer-content";
import { QUORUM } from "~/domain/quality/offer-workflow";
import { requirePanelAccess, reviewQueue } from "~/domain/quality/panel.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { orErrorPage } from "~/refusals.server";

export const meta: MetaFunction = () => [{ title: `${t("qa.title")} - ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  await orErrorPage(() => requirePanelAccess(context.db, user, authorityId));
  return { queue: await reviewQueue(context.db, { actor: user, authorityId }) };
}

export default function QaQueue() {
  const { queue } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("qa.title")}</h1>
      <p className="govuk-body">{t("qa.lead")}</p>
      {queue.length === 0 ? (
        <p className="govuk-body">{t("qa.none")}</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("qa.offer")}</th>
              <th scope="col" className="govuk-table__header">{t("qa.provider")}</th>
              <th scope="col" className="govuk-table__header">{t("qa.submitted")}</th>
              <th scope="col" className="govuk-table__header">{t("qa.status")}</th>
              <th scope="col" className="govuk-table__header">{t("qa.reviews")}</th>
              <th scope="col" className="govuk-table__header">{t("qa.yourReview")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {queue.map((r) => (
              <tr className="govuk-table__row" key={r.revisionId}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/qa/reviews/${r.revisionId}`}>
                    {r.title}
                  </Link>{" "}
                  <span className="govuk-body-s">({t("providerOffer.revision", { number: r.number })})</span>
                </td>
                <td className="govuk-table__cell">{r.providerName}</td>
                <td className="govuk-table__cell">{r.submittedAt ? formatDate(r.submittedAt) : ""}</td>
                <td className="govuk-table__cell">
                  <RevisionStatusTag status={r.status} />
                </td>
                <td className="govuk-table__cell">
                  {r.submittedReviews} / {QUORUM}
                </td>
                <td className="govuk-table__cell">{r.myReview === "submitted" ? t("qa.done") : r.myReview === "in_progress" ? t("qa.inProgress") : t("qa.notStarted")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
