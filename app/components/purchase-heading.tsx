import { Link } from "~/components/link";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { OfferTitle } from "~/components/offer-title";
import { t } from "~/i18n";

/** The top of a page that buys an offer: back to the offer, the errors, the offer as caption, the title. */
export function PurchaseHeading({
  offer,
  title,
  errors,
}: {
  offer: { id: string; title: string; titleCy?: string | null };
  title: string;
  errors?: FieldErrors | null;
}) {
  return (
    <>
      <Link to={`/catalogue/${offer.id}`} className="govuk-back-link">
        {t("purchase.backToOffer")}
      </Link>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">
        <OfferTitle title={offer.title} titleCy={offer.titleCy} />
      </span>
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );
}
