import type { Movement, ReadinessRating } from "~/domain/readiness/rules";
import { t } from "~/i18n";

const TAG: Record<ReadinessRating, string> = {
  green: "govuk-tag--green",
  amber_green: "govuk-tag--yellow",
  amber_red: "govuk-tag--orange",
  red: "govuk-tag--red",
};
const ARROW: Record<Movement, string> = { up: "▲", down: "▼", same: "=", new: "" };

/** A rating as a coloured tag that says its rating in words, so nothing is told by colour alone. */
export function RatingTag({ rating }: { rating: ReadinessRating }) {
  return <strong className={`govuk-tag ${TAG[rating]}`}>{t(`readiness.rating.${rating}`)}</strong>;
}

/** How a judgement moved since the snapshot before: a short word on screen, the whole sentence for screen readers. */
export function MovementText({ movement, previousOn }: { movement: Movement | undefined; previousOn: string | null }) {
  if (!movement) return null;
  return (
    <span className="govuk-body-s govuk-!-margin-bottom-0 app-block">
      {ARROW[movement] ? <span aria-hidden="true">{ARROW[movement]} </span> : null}
      {t(`readiness.move.${movement}`)}
      {previousOn && movement !== "new" ? <span className="govuk-visually-hidden"> {t("readiness.moveSince", { date: previousOn })}</span> : null}
    </span>
  );
}
