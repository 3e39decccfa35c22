// The one message catalogue, in English and Welsh, served by i18next (ADR 0014).
import i18next, { type Resource } from "i18next";
import type { en } from "./messages-en";
import { serverCatalogues } from "./server-catalogues";

export type MessageKey = keyof typeof en;

export const LOCALES = ["en", "cy"] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);
/** BCP 47 tags for Intl and date-fns: British English and Welsh as written in the UK. */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: "en-GB", cy: "cy-GB" };

/** A message whose words change with a number: one form per CLDR plural category of the language, `other` always. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

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

const i18n = i18next.createInstance();
void i18n.init({
  // The server's catalogues; in the browser none until `loadMessages`.
  resources: Object.fromEntries(
    Object.entries(serverCatalogues).flatMap(([locale, messages]) => (messages ? [[locale, resourceOf(messages)]] : [])),
  ) satisfies Resource,
  lng: "en",
  fallbackLng: "en",
  supportedLngs: [...LOCALES],
  initAsync: false,
  // Keys are dotted names, not paths; nothing here is nested, namespaced or HTML-escaped (React escapes).
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: "{", suffix: "}", escapeValue: false, skipOnVariables: true },
  returnNull: false,
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

/** Whether the catalogue of a language is here (on the server always; in the browser once loaded). */
const hasMessages = (locale: Locale) => i18n.hasResourceBundle(locale, "translation");

/** In the browser: the catalogue of the reader's language, fetched once, as its own script. */
export async function loadMessages(locale: Locale) {
  if (hasMessages(locale)) return;
  const { messages }: { messages: Partial<Record<string, Message>> } = locale === "cy" ? await import("./browser/cy") : await import("./browser/en");
  i18n.addResourceBundle(locale, "translation", resourceOf(messages).translation);
  for (const cached of Object.values(plainMessages)) cached.clear();
}

/** Whether a key names a message (of any language that is here): for keys made from outside input. */
export const isMessageKey = (key: string): key is MessageKey => LOCALES.some((locale) => i18n.getResource(locale, "translation", key) !== undefined);

/**
 * Where the current request's language lives on the server: an AsyncLocalStorage that
 * app/i18n/request-locale.server.ts puts on globalThis (so the HTTP server's bundle and Remix's
 * share one, and this module needs no Node import for the browser).
 */
export const REQUEST_LOCALE = Symbol.for("school-improvement-marketplace.request-locale");
type LocaleStore = { getStore(): Locale | undefined };

/** The reader's language: the request's on the server, the page's (`<html lang>`) in the browser. */
export function currentLocale(): Locale {
  const store = (globalThis as { [REQUEST_LOCALE]?: LocaleStore })[REQUEST_LOCALE]?.getStore();
  if (store) return store;
  if (typeof document !== "undefined" && isLocale(document.documentElement.lang)) return document.documentElement.lang;
  return "en";
}

export type MessageParams = Record<string, string | number>;

/**
 * Messages made outside any request (zod schemas and labels built when a module loads) are made in
 * English; this remembers which key and params made each, so `localized()` can say it again in
 * the reader's language when it is shown. Bounded: only module-level texts are expected here.
 */
const madeOutsideRequests = new Map<string, { key: MessageKey; params?: MessageParams }>();
const MAX_REMEMBERED = 20_000;

/**
 * Messages without placeholders, by language, as i18next gave them: a page says the same labels
 * many times (every result's "Provider", every filter's options), and asking i18next each time costs more than the page's markup.
 */
const plainMessages: Record<Locale, Map<string, string>> = { en: new Map(), cy: new Map() };
const MAX_PLAIN_MESSAGES = 10_000;

function translate(key: MessageKey, params: MessageParams | undefined, locale: Locale): string {
  if (params === undefined) {
    const known = plainMessages[locale].get(key);
    if (known !== undefined) return known;
    const text = (i18n.t as (key: string, options: object) => string)(key, { lng: locale, replace: {}, nest: false });
    // Only once the language's catalogue is here (in the browser it comes later), so a fallback is never kept.
    // Bounded by the catalogue's size, should a key ever be made from outside input.
    if (hasMessages(locale) && plainMessages[locale].size < MAX_PLAIN_MESSAGES) plainMessages[locale].set(key, text);
    return text;
  }
  const options = { lng: locale, replace: params ?? {}, nest: false, ...(params && "count" in params ? { count: Number(params.count) } : {}) };
  return (i18n.t as (key: string, options: object) => string)(key, options);
}

/**
 * A message by key, with {name} placeholders filled in. A plural message ({ one, other }) picks its form
 * by `count` under the language's plural rules: "1 school", "2 schools"; Welsh has six forms.
 * The language is the reader's unless given (emails give the recipient's).
 */
export function t(key: MessageKey, params?: MessageParams, locale?: Locale): string {
  const inRequest = locale !== undefined || (globalThis as { [REQUEST_LOCALE]?: LocaleStore })[REQUEST_LOCALE]?.getStore() !== undefined;
  const text = translate(key, params, locale ?? currentLocale());
  if (!inRequest && typeof document === "undefined" && !madeOutsideRequests.has(text) && madeOutsideRequests.size < MAX_REMEMBERED) {
    madeOutsideRequests.set(text, { key, params });
  }
  return text;
}

/** A text made by `t` when no request was under way, said again in the reader's language; any other text as it is. */
export function localized(text: string, locale: Locale = currentLocale()): string {
  const made = madeOutsideRequests.get(text);
  if (!made || locale === "en") return text;
  const params =
    made.params && Object.fromEntries(Object.entries(made.params).map(([name, value]) => [name, typeof value === "string" ? localized(value, locale) : value]));
  return translate(made.key, params, locale);
}
