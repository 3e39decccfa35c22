import type { OfferInLanguage, TextsInLanguage } from "~/domain/catalogue/rules";
import { t, type Locale, type MessageKey } from "~/i18n";

/** The `lang` of a piece of an offer, only where it differs from the page's. */
export const langOf = <F extends string>(words: TextsInLanguage<F>, field: F, page: Locale) => (words.lang[field] === page ? undefined : words.lang[field]);

/** Says, in the reader's language, when an offer (or part of it) is shown in English because the provider gave no Welsh. */
export function OfferLanguageNote({ words }: { words: OfferInLanguage }) {
  if (words.none) return <p className="govuk-inset-text">{t("language.offer.notInWelsh")}</p>;
  if (words.missing > 0) return <p className="govuk-inset-text">{t("language.offer.partlyInWelsh", { count: words.missing })}</p>;
  return null;
}

/**
 * The same for other things people write (a memorandum, a readiness judgement's evidence): `none`
 * when nothing of it is in the reader's language, `partly` when some of it is not.
 */
export function WrittenLanguageNote<F extends string>({
  words,
  none,
  partly,
  className = "govuk-inset-text",
}: {
  words: TextsInLanguage<F>;
  none: MessageKey;
  partly: MessageKey;
  className?: string;
}) {
  if (words.missing === 0) return null;
  return <p className={className}>{t(words.none ? none : partly)}</p>;
}
