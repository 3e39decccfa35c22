import type { InspectionView } from "~/domain/schools/inspections.server";
import { Details } from "~/components/details";
import { formatDate } from "~/format";
import { currentLocale, isMessageKey, t, type MessageKey } from "~/i18n";

const frameworkLabel = (i: InspectionView) => (i.known ? t(`inspection.framework.${i.framework}` as MessageKey) : i.framework);
const areaLabel = (area: string) => {
  const key = `inspection.area.${area}` as MessageKey;
  const label = t(key);
  return label === key ? area.replace(/_/g, " ") : label;
};

/** An inspectorate's grade in the reader's language; a grade the catalogue does not know stays as given, marked English. */
export function Grade({ grade }: { grade: string }) {
  const key = `inspection.grade.${grade.toLowerCase().replace(/[^a-z]+/g, "_")}`;
  if (isMessageKey(key)) return <>{t(key)}</>;
  return currentLocale() === "en" ? <>{grade}</> : <span lang="en">{grade}</span>;
}

function Judgements({ inspection }: { inspection: InspectionView }) {
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-0">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{t("inspection.framework")}</dt>
        <dd className="govuk-summary-list__value">{frameworkLabel(inspection)}</dd>
      </div>
      {inspection.judgements.length === 0 ? (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("inspection.judgements")}</dt>
          <dd className="govuk-summary-list__value">{t("inspection.noJudgements")}</dd>
        </div>
      ) : (
        inspection.judgements.map(([area, grade]) => (
          <div className="govuk-summary-list__row" key={area}>
            <dt className="govuk-summary-list__key">{areaLabel(area)}</dt>
            <dd className="govuk-summary-list__value">
              <Grade grade={grade} />
            </dd>
          </div>
        ))
      )}
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{t("inspection.goodOrBetter")}</dt>
        <dd className="govuk-summary-list__value">
          {inspection.goodOrBetter === null
            ? t("inspection.goodOrBetter.notGiven")
            : t(inspection.goodOrBetter ? "inspection.goodOrBetter.yes" : "inspection.goodOrBetter.no")}
        </dd>
      </div>
    </dl>
  );
}

/** A school's latest inspection in full, then the earlier ones, each in its own framework's terms. */
export function InspectionHistory({ inspections }: { inspections: InspectionView[] }) {
  const [latest, ...earlier] = inspections;
  return (
    <section aria-labelledby="inspections-heading">
      <h2 className="govuk-heading-m" id="inspections-heading">
        {t("inspection.heading")}
      </h2>
      {!latest ? (
        <p className="govuk-body">{t("inspection.none")}</p>
      ) : (
        <>
          <h3 className="govuk-heading-s">
            {t("inspection.latest")}: {t(`inspection.inspectorate.${latest.inspectorate}`)}, {formatDate(latest.inspectedOn)}
          </h3>
          <Judgements inspection={latest} />
          {earlier.length > 0 ? (
            <>
              <h3 className="govuk-heading-s govuk-!-margin-top-6">{t("inspection.history")}</h3>
              {earlier.map((i) => (
                <Details
                  key={i.id}
                  summary={
                    <>
                      {t(`inspection.inspectorate.${i.inspectorate}`)}, {formatDate(i.inspectedOn)}: {frameworkLabel(i)}
                    </>
                  }
                >
                  <Judgements inspection={i} />
                </Details>
              ))}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
