import { ParagraphLink } from "~/components/paragraph-link";
import { ItemTable } from "~/components/table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAuthorityPermission } from "~/auth/user.server";
import { InspectionHistory } from "~/components/inspection-history";
import { SchoolCategorySection } from "~/components/school-category-section";
import { SummaryRow } from "~/components/summary-row";
import { WarningText } from "~/components/warning-text";
import { can } from "~/auth/permissions";
import { schoolStory } from "~/domain/school-view/school-story.server";
import { formatDate, formatPence, londonIsoDate } from "~/format";
import { t, type MessageKey } from "~/i18n";
import { pageTitle } from "~/page-title";
import { orErrorPage } from "~/refusals.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.school.name : t("error.notFound.title"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "view:schools");
  const story = await orErrorPage(() =>
    schoolStory(context.db, { actor: user, authorityId, schoolId: params.schoolId ?? "", today: londonIsoDate(new Date()) }),
  );
  return { ...story, canMoveSchools: can(user.grants, "manage:consortia", { authorityId }) };
}

export default function SchoolStory() {
  const { school, year, consortium, consortia, category, inspections, purchases, evaluations, impactRecords, mouSigned, totals, attention, canMoveSchools } =
    useLoaderData<typeof loader>();
  return (
    <>
      <ParagraphLink to="/schools">{t("schoolStory.back")}</ParagraphLink>
      <span className="govuk-caption-l">
        {t("schoolView.urnType", { urn: school.urn, type: t(`establishmentType.${school.establishmentType}` as MessageKey) })}
      </span>
      <h1 className="govuk-heading-l">{school.name}</h1>
      {attention ? <WarningText announced>{t("schoolStory.attention", { category: school.category ?? "", year: year.label })}</WarningText> : null}
      <h2 className="govuk-heading-m">{t("schoolStory.summary")}</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("schoolView.col.consortium")}>{consortium ? consortium.name : t("schoolView.none")}</SummaryRow>
        <SummaryRow label={t("schoolView.col.phase")}>{t(`phase.${school.phase}` as MessageKey)}</SummaryRow>
        <SummaryRow label={t("gias.field.typeName")}>
          {t(`establishmentType.${school.establishmentType}` as MessageKey)}
          {school.typeName ? <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{school.typeName}</span> : null}
        </SummaryRow>
        <SummaryRow label={t("gias.field.numberOnRoll")}>{school.numberOnRoll}</SummaryRow>
        <SummaryRow label={t("schoolView.col.category")}>{school.category ?? t("schoolView.none")}</SummaryRow>
        <SummaryRow label={t("schoolStory.adviser")}>{category.adviser ?? t("schoolStory.noAdviser")}</SummaryRow>
        <SummaryRow label={t("gias.field.status")}>
          {school.status === "closed" ? t("schoolStory.closed", { date: school.closedOn ? formatDate(school.closedOn) : "" }) : t("schoolStatus.open")}
        </SummaryRow>
        <SummaryRow label={t("schoolStory.spent", { year: year.label })}>
          {t("schoolStory.spentValue", { count: purchases.length, spent: formatPence(totals.payablePence), pot: formatPence(totals.potPence) })}
        </SummaryRow>
        <SummaryRow label={t("schoolStory.mou", { year: year.label })}>
          {mouSigned === null ? t("schoolStory.mouNone") : t(mouSigned ? "schoolView.mou.signed" : "schoolView.mou.unsigned")}
        </SummaryRow>
      </dl>

      <section>
        <h2 className="govuk-heading-m">{t("schoolStory.consortia")}</h2>
        <ItemTable
          compact
          caption={t("schoolStory.consortia")}
          captionSize="hidden"
          columns={[
            { label: t("schoolView.col.consortium"), cell: (c) => c.name },
            { label: t("schoolStory.joined"), cell: (c) => formatDate(c.joinedOn) },
            { label: t("schoolStory.left"), cell: (c) => (c.leftOn ? formatDate(c.leftOn) : t("schoolStory.stillMember")) },
          ]}
          items={consortia}
          rowKey={(c) => `${c.id}-${c.joinedOn}`}
          empty={t("schoolStory.noConsortia")}
        />
      </section>

      <SchoolCategorySection schoolId={school.id} category={category} canMoveSchools={canMoveSchools} />
      <InspectionHistory inspections={inspections} />

      <section>
        <h2 className="govuk-heading-m">{t("schoolStory.purchases", { year: year.label })}</h2>
        <ItemTable
          compact
          caption={t("schoolStory.purchases", { year: year.label })}
          captionSize="hidden"
          columns={[
            {
              label: t("schoolStory.offer"),
              cell: (p) => (
                <>
                  {p.title}
                  <span className="govuk-hint govuk-!-margin-bottom-0 app-block">
                    {p.provider}
                    {p.collective ? ` · ${t("schoolStory.collective")}` : ""}
                  </span>
                </>
              ),
            },
            { label: t("schoolStory.placed"), cell: (p) => formatDate(p.placedAt) },
            { label: t("order.status"), cell: (p) => t(`orderStatus.${p.status}`) },
            { label: t("schoolStory.paidBySchool"), numeric: true, cell: (p) => formatPence(p.payablePence) },
            { label: t("schoolStory.paidByPot"), numeric: true, cell: (p) => formatPence(p.potPence) },
          ]}
          items={purchases}
          empty={t("schoolStory.noPurchases", { year: year.label })}
        />
      </section>

      <section aria-labelledby="evaluations-heading">
        <h2 className="govuk-heading-m" id="evaluations-heading">
          {t("schoolStory.evaluations")}
        </h2>
        {evaluations.length === 0 ? (
          <p className="govuk-body">{t("schoolStory.noEvaluations")}</p>
        ) : (
          <>
            <ul className="govuk-list">
              {evaluations.map((e) => (
                <li key={e.id}>
                  <span className="govuk-!-font-weight-bold">{e.title}</span> ({e.providerName}), {formatDate(e.submittedAt)}
                  <span className="govuk-hint govuk-!-margin-bottom-0 app-block">
                    {t("schoolStory.evaluationScores", { quality: e.quality, impact: e.impact, value: e.valueForMoney })} ·{" "}
                    {t(`schoolStory.evaluationStatus.${e.status}`)}
                  </span>
                </li>
              ))}
            </ul>
            {impactRecords > 0 ? <p className="govuk-body">{t("schoolView.impactCount", { count: impactRecords })}</p> : null}
          </>
        )}
      </section>
    </>
  );
}
