import { Form } from "@remix-run/react";
import { t } from "~/i18n";

/** Add an offer to, or take it off, the buyer's shortlist: a plain POST to the page's own action. */
export function ShortlistButton({ offerId, title, shortlisted }: { offerId: string; title: string; shortlisted: boolean }) {
  return (
    <Form method="post" className="app-inline-form">
      <input type="hidden" name="offerId" value={offerId} />
      <button
        type="submit"
        name="intent"
        value={shortlisted ? "shortlist-remove" : "shortlist-add"}
        className="govuk-button govuk-button--secondary app-shortlist-button"
        aria-label={shortlisted ? t("catalogue.shortlist.removeNamed", { title }) : t("catalogue.shortlist.addNamed", { title })}
      >
        {shortlisted ? t("catalogue.shortlist.remove") : t("catalogue.shortlist.add")}
      </button>
    </Form>
  );
}
