import type { OfferInLanguage, TextsInLanguage } from "~/domain/catalogue/rules";
import { t, type Locale } from "~/i18n";

/** The `lang` of a piece of an offer, only where it differs from the page's. */
export const langOf = <F extends string>(words: TextsInLanguage<F>, field: F, page: Locale) => (words.lang[field] === page ? undefined : words.lang[field]);

/** Says, in the reader's language, when an offer (or part of it) is shown in English because the provider gave no Welsh. */
export function OfferLanguageNote({ words }: { words: OfferInLanguage }) {
  if (words.none) return <p className="govuk-inset-text">{t("language.offer.notInWelsh")}</p>;
  if (words.missing > 0) return <p className="govuk-inset-text">{t("language.offer.partlyInWelsh", { count: words.missing })}</p>;
  return null;
}
