import type { Locale, Message, MessageParams } from "./index";

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};
// Welsh and English as written in the UK (LANGUAGE_TAGS in ./index, not imported: that module imports this one).
const rulesOf = (locale: Locale) => (pluralRules[locale] ??= new Intl.PluralRules(locale === "cy" ? "cy-GB" : "en-GB"));

/**
 * A catalogue message with its {name} placeholders filled in; a plural message in the form the
 * language's plural rules give for `count` (its general form without one). A placeholder with no
 * value stays as it is. The browser's formatter: on the server i18next formats the same messages,
 * and test/unit/i18n-format.test.ts holds the two to the same words for every message in both languages.
 */
export function formatMessage(message: Message, params: MessageParams | undefined, locale: Locale): string {
  const count = params && "count" in params ? Number(params.count) : undefined;
  const text = typeof message === "string" ? message : count === undefined ? message.other : (message[rulesOf(locale).select(count)] ?? message.other);
  if (!params) return text;
  return text.replace(/\{(.+?)\}/g, (whole, name: string) => {
    const value = params[name.trim()];
    return value === undefined ? whole : String(value);
  });
}
