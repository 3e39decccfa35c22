import i18next, { type Resource } from "i18next";
import type { Locale, Message, MessageParams } from "./index";

// i18next keeps plural forms as sibling keys ("x_one", "x_other"); the catalogue files keep them together.
function resourceOf(messages: Partial<Record<string, Message>>) {
  const flat: Record<string, string> = {};
  for (const [key, message] of Object.entries(messages)) {
    if (message === undefined) continue;
    if (typeof message === "string") flat[key] = message;
    else {
      for (const [form, text] of Object.entries(message)) if (text !== undefined) flat[`${key}_${form}`] = text;
      // Asked for without a count, a plural message reads in its general form.
      flat[key] = message.other;
    }
  }
  return { translation: flat };
}

/** The server's formatter: i18next over both catalogues (ADR 0014). */
export function i18nextEngine(catalogues: Partial<Record<Locale, Partial<Record<string, Message>>>>) {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: Object.fromEntries(Object.entries(catalogues).map(([locale, messages]) => [locale, resourceOf(messages ?? {})])) satisfies Resource,
    lng: "en",
    fallbackLng: "en",
    supportedLngs: Object.keys(catalogues),
    initAsync: false,
    // Keys are dotted names, not paths; nothing here is nested, namespaced or HTML-escaped (React escapes).
    keySeparator: false,
    nsSeparator: false,
    interpolation: { prefix: "{", suffix: "}", escapeValue: false, skipOnVariables: true },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof i18n.init>[0]);
  return (key: string, params: MessageParams | undefined, locale: Locale): string => {
    const options = { lng: locale, replace: params ?? {}, nest: false, ...(params && "count" in params ? { count: Number(params.count) } : {}) };
    return (i18n.t as (key: string, options: object) => string)(key, options);
  };
}
