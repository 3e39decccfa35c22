import { ItemTable } from "~/components/table";
import { formatDate } from "~/format";
import { t } from "~/i18n";

type Rating = {
  evaluations: number;
  label: string | null;
  distribution: { point: number; count: number }[];
  recommend: number;
  reReviewRequestedAt: string | Date | null;
};

/** Schools' ratings of an offer: the average and count, how many landed on each point, and a re-review it triggered. */
export function OfferRating({ rating }: { rating: Rating | null }) {
  if (!rating || rating.evaluations === 0) return <p className="govuk-body">{t("rating.none")}</p>;
  return (
    <>
      <p className="govuk-body-l">
        <strong>{t("rating.average", { average: rating.label ?? "" })}</strong> {t("rating.count", { count: rating.evaluations })}
      </p>
      <p className="govuk-body">{t("rating.recommend", { recommend: rating.recommend, count: rating.evaluations })}</p>
      <ItemTable
        caption={t("rating.distribution")}
        columns={[
          { label: t("rating.distribution"), cell: (d) => t("rating.point", { point: d.point }) },
          { label: t("evaluations.title"), numeric: true, cell: (d) => d.count },
        ]}
        items={rating.distribution}
        rowKey={(d) => d.point}
      />
      {rating.reReviewRequestedAt ? <p className="govuk-inset-text">{t("rating.reReview", { date: formatDate(rating.reReviewRequestedAt) })}</p> : null}
    </>
  );
}
