import { Form } from "@remix-run/react";
import { t } from "~/i18n";

const SHORTLIST_FORM = "shortlist";

/**
 * The one form a page's shortlist buttons submit: a plain POST to the page's own action. Render it once,
 * anywhere on the page; each button names its offer, and whether to add or remove it, by its own name and value.
 */
export function ShortlistForm() {
  return <Form method="post" id={SHORTLIST_FORM} />;
}

/** Add an offer to, or take it off, the buyer's shortlist, through the page's `ShortlistForm`. */
export function ShortlistButton({
  offerId,
  title,
  titleLang,
  shortlisted,
}: {
  offerId: string;
  title: string;
  /** The title's language, where it is not the page's. */
  titleLang?: string;
  shortlisted: boolean;
}) {
  return (
    <button
      type="submit"
      form={SHORTLIST_FORM}
      name={shortlisted ? "shortlist-remove" : "shortlist-add"}
      value={offerId}
      className="govuk-button govuk-button--secondary"
    >
      {shortlisted ? t("catalogue.shortlist.remove") : t("catalogue.shortlist.add")}
      {/* The offer's name follows the visible words, so the button's name starts with what it shows (WCAG 2.5.3). */}
      <span className="govuk-visually-hidden" lang={titleLang}>{` ${t("catalogue.shortlist.which", { title })}`}</span>
    </button>
  );
}
