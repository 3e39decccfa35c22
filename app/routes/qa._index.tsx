import { Table } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAuthorityId, requireUser } from "~/auth/user.server";
import { RevisionStatusTag } from "~/components/offer-content";
import { QUORUM } from "~/domain/quality/offer-workflow";
import { requirePanelAccess, reviewQueue } from "~/domain/quality/panel.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("qa.title"), data);

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
      <Table
        rowHeader={false}
        columns={[
          { label: t("qa.offer") },
          { label: t("qa.provider") },
          { label: t("qa.submitted") },
          { label: t("qa.status") },
          { label: t("qa.reviews") },
          { label: t("qa.yourReview") },
        ]}
        rows={queue.map((r) => ({
          key: r.revisionId,
          cells: [
            <>
              <Link className="govuk-link" to={`/qa/reviews/${r.revisionId}`}>
                {r.title}
              </Link>{" "}
              <span className="govuk-body-s">({t("providerOffer.revision", { number: r.number })})</span>
            </>,
            r.providerName,
            r.submittedAt ? formatDate(r.submittedAt) : "",
            <>
              <RevisionStatusTag status={r.status} />
            </>,
            <>
              {r.submittedReviews} / {QUORUM}
            </>,
            r.myReview === "submitted" ? t("qa.done") : r.myReview === "in_progress" ? t("qa.inProgress") : t("qa.notStarted"),
          ],
        }))}
        empty={t("qa.none")}
      />
    </>
  );
}
