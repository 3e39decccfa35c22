import { Table } from "~/components/table";
import { Details } from "~/components/details";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireActing } from "./purchasing.server";
import { MovementText, RatingTag } from "~/components/readiness-rating";
import { readinessGrid } from "~/domain/readiness/readiness-grid.server";
import { READINESS_GROUP_KEYS, READINESS_GROUPS } from "~/domain/readiness/rules";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { orErrorPage } from "~/refusals.server";

export const meta: MetaFunction = () => pageTitle(t("readiness.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  return orErrorPage(() => readinessGrid(context.db, { actor: user, authorityId }));
}

export default function ReadinessGrid() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("readiness.title")}</h1>
      <p className="govuk-body">{t("readiness.lead")}</p>
      <Details summary={t("readiness.ratingsExplained")}>
        <ul className="govuk-list">
          {(["green", "amber_green", "amber_red", "red"] as const).map((r) => (
            <li key={r}>
              <RatingTag rating={r} /> {t(`readiness.ratingMeaning.${r}`)}
            </li>
          ))}
        </ul>
      </Details>
      <Table
        compact
        className="app-readiness-grid"
        caption={t("readiness.gridCaption")}
        captionSize="m"
        groups={[
          { header: <td className="govuk-table__header" /> },
          ...READINESS_GROUP_KEYS.map((g) => ({ label: t(`readiness.group.${g}`), scope: "colgroup" as const, colSpan: 4 })),
        ]}
        columns={[
          { label: t("readiness.consortium") },
          ...READINESS_GROUP_KEYS.flatMap((g) => READINESS_GROUPS[g].map((j) => ({ label: t(`readiness.judgement.${j}`) }))),
        ]}
        rows={rows.map((r) => ({
          key: r.consortium.id,
          cells: [
            <>
              <Link className="govuk-link" to={`/readiness/${r.consortium.id}`}>
                {r.consortium.name}
              </Link>
              <span className="govuk-hint govuk-!-margin-bottom-0 app-block">
                {r.latest ? t("readiness.assessedOn", { date: formatDate(r.latest.assessedOn) }) : t("readiness.notYet")}
              </span>
              {r.previousOn ? (
                <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{t("readiness.previousOn", { date: formatDate(r.previousOn) })}</span>
              ) : null}
            </>,
            ...READINESS_GROUP_KEYS.flatMap((g) =>
              READINESS_GROUPS[g].map((j) => {
                const rating = r.latest?.ratings[j];
                return {
                  cell: rating ? (
                    <>
                      <RatingTag rating={rating} />
                      <MovementText movement={r.moves[j]} previousOn={r.previousOn ? formatDate(r.previousOn) : null} />
                    </>
                  ) : (
                    <span className="govuk-visually-hidden">{t("readiness.notYet")}</span>
                  ),
                  className: rating ? `app-rating--${rating}` : undefined,
                };
              }),
            ),
          ],
        }))}
      />
    </>
  );
}
