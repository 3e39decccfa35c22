import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "~/components/table";
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
  if (rows.length === 0) return <p className="govuk-body">{t("evaluations.none")}</p>;
  return (
    <Table
      caption={caption}
      columns={[
        { label: t("purchase.offer") },
        ...(showSchool ? [{ label: t("purchase.school") }] : [{ label: t("purchase.provider") }]),
        { label: t("evaluations.scores") },
        { label: t("evaluations.recommend") },
        { label: t("evaluations.submittedOn") },
        { label: t("evaluation.status") },
      ]}
      rows={rows.map((e) => ({
        key: e.id,
        cells: [
          <Link className="govuk-link" to={`/purchases/${e.orderId}/evaluation`} key="link">
            {e.title}
          </Link>,
          showSchool ? e.schoolName : e.providerName,
          `${e.quality}, ${e.impact}, ${e.valueForMoney}`,
          e.wouldRecommend ? t("evaluation.yes") : t("evaluation.no"),
          formatDate(e.submittedAt),
          <strong className={`govuk-tag${e.status === "signed_off" ? " govuk-tag--green" : e.status === "question" ? " govuk-tag--orange" : ""}`} key="status">
            {t(`evaluation.status.${e.status}`)}
          </strong>,
        ],
      }))}
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
