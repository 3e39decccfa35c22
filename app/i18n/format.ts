import { LANGUAGE_TAGS, type Locale, type Message, type MessageParams } from "./index";

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};
// Made when first asked for, after ./index (which imports this module) has loaded.
const rulesOf = (locale: Locale) => (pluralRules[locale] ??= new Intl.PluralRules(LANGUAGE_TAGS[locale]));

/**
 * A catalogue message with its {name} placeholders filled in; a plural message in the form the
 * language's plural rules give for `count` (its general form without one). A placeholder with no
 * value stays as it is. The browser's formatter: on the server i18next formats the same messages,
 * and test/unit/i18n-browser-format.test.ts holds the two to the same words for every message in both languages.
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
