import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ItemTable } from "~/components/table";
import { evaluationsPage } from "~/domain/delivery/pages.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { orErrorPage } from "~/refusals.server";
import { requireActing } from "./purchasing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("evaluations.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, actor, authorityId } = await requireActing(request, context);
  return orErrorPage(() => evaluationsPage(context.db, { actor, authorityId, actingOrganisationId: user.acting?.organisationId ?? null }));
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["mine"][number];

function EvaluationTable({ caption, rows, showSchool }: { caption: string; rows: Row[]; showSchool: boolean }) {
  return (
    <ItemTable
      caption={caption}
      columns={[
        { label: t("purchase.offer"), link: (e) => `/purchases/${e.orderId}/evaluation`, cell: (e) => e.title },
        showSchool ? { label: t("purchase.school"), cell: (e) => e.schoolName } : { label: t("purchase.provider"), cell: (e) => e.providerName },
        { label: t("evaluations.scores"), cell: (e) => `${e.quality}, ${e.impact}, ${e.valueForMoney}` },
        { label: t("evaluations.recommend"), cell: (e) => (e.wouldRecommend ? t("evaluation.yes") : t("evaluation.no")) },
        { label: t("evaluations.submittedOn"), cell: (e) => formatDate(e.submittedAt) },
        {
          label: t("evaluation.status"),
          cell: (e) => (
            <strong className={`govuk-tag${e.status === "signed_off" ? " govuk-tag--green" : e.status === "question" ? " govuk-tag--orange" : ""}`}>
              {t(`evaluation.status.${e.status}`)}
            </strong>
          ),
        },
      ]}
      items={rows}
      empty={t("evaluations.none")}
    />
  );
}

export default function Evaluations() {
  const { school, toEvaluate, mine, advised } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("evaluations.title")}</h1>
      {school ? (
        <>
          <h2 className="govuk-heading-m">{t("evaluations.toEvaluate")}</h2>
          {toEvaluate.length === 0 ? (
            <p className="govuk-body">{t("evaluations.noneToEvaluate")}</p>
          ) : (
            <ul className="govuk-list">
              {toEvaluate.map((o) => (
                <li key={o.orderId}>
                  <Link className="govuk-link" to={`/purchases/${o.orderId}/evaluation`}>
                    {o.title}
                  </Link>{" "}
                  ({o.providerName}
                  {o.deliveredAt ? `, ${t("delivery.deliveredOn", { date: formatDate(o.deliveredAt) })}` : ""})
                </li>
              ))}
            </ul>
          )}
          <h2 className="govuk-heading-m">{t("evaluations.mine")}</h2>
          <EvaluationTable caption={t("evaluations.mine")} rows={mine} showSchool={false} />
        </>
      ) : null}
      {advised.length > 0 || !school ? (
        <>
          <h2 className="govuk-heading-m">{t("evaluations.advised")}</h2>
          <EvaluationTable caption={t("evaluations.advised")} rows={advised} showSchool />
        </>
      ) : null}
    </>
  );
}
