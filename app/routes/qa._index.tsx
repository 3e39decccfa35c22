import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireActing } from "./purchasing.server";
import { RevisionStatusTag } from "~/components/offer-content";
import { QUORUM } from "~/domain/quality/offer-workflow";
import { requirePanelAccess, reviewQueue } from "~/domain/quality/panel.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ data }) => pageTitle(t("qa.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  await orErrorPage(() => requirePanelAccess(context.db, user, authorityId));
  return { queue: await reviewQueue(context.db, { actor: user, authorityId }) };
}

export default function QaQueue() {
  const { queue } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("qa.title")}</h1>
      <p className="govuk-body">{t("qa.lead")}</p>
      <ItemTable
        rowHeader={false}
        columns={[
          {
            label: t("qa.offer"),
            cell: (r) => (
              <>
                <Link className="govuk-link" to={`/qa/reviews/${r.revisionId}`}>
                  {r.title}
                </Link>{" "}
                <span className="govuk-body-s">({t("providerOffer.revision", { number: r.number })})</span>
              </>
            ),
          },
          { label: t("qa.provider"), cell: (r) => r.providerName },
          { label: t("qa.submitted"), cell: (r) => (r.submittedAt ? formatDate(r.submittedAt) : "") },
          {
            label: t("qa.status"),
            cell: (r) => (
              <>
                <RevisionStatusTag status={r.status} />
              </>
            ),
          },
          {
            label: t("qa.reviews"),
            cell: (r) => (
              <>
                {r.submittedReviews} / {QUORUM}
              </>
            ),
          },
          {
            label: t("qa.yourReview"),
            cell: (r) => (r.myReview === "submitted" ? t("qa.done") : r.myReview === "in_progress" ? t("qa.inProgress") : t("qa.notStarted")),
          },
        ]}
        items={queue}
        rowKey={(r) => r.revisionId}
        empty={t("qa.none")}
      />
    </>
  );
}
