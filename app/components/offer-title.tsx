import { langOf } from "~/components/offer-language";
import { textsInLanguage } from "~/domain/catalogue/rules";
import { currentLocale } from "~/i18n";

/**
 * An offer's title in the reader's language: its Welsh title for a Welsh reader where the provider
 * gave one, else the English title, marked English on a Welsh page.
 */
export function OfferTitle({ title, titleCy }: { title: string; titleCy?: string | null }) {
  const words = offerTitleIn(title, titleCy);
  return words.lang ? <span lang={words.lang}>{words.title}</span> : <>{words.title}</>;
}

/** An offer's title in the page's language where it has one, with its `lang` where it is not the page's. */
export function offerTitleIn(title: string, titleCy?: string | null) {
  const page = currentLocale();
  const words = textsInLanguage({ title, titleCy: titleCy ?? "" }, ["title"], page);
  return { title: words.title, lang: langOf(words, "title", page) };
}
