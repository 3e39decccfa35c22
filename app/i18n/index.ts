// The one message catalogue, in English and Welsh: formatted by i18next on the server, and in the browser by
// app/i18n/format.ts from the messages the page was rendered with (ADR 0014).
import { formatMessage } from "./format";
import type { en } from "./messages-en";
import { serverCatalogues, serverFormat } from "./server-catalogues";
import { remember } from "~/remember";

export type MessageKey = keyof typeof en;

export const LOCALES = ["en", "cy"] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);
/** BCP 47 tags for Intl and date-fns: British English and Welsh as written in the UK. */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: "en-GB", cy: "cy-GB" };

/** A message whose words change with a number: one form per CLDR plural category of the language, `other` always. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

type Catalogue = Partial<Record<string, Message>>;

/** The id of the script element that carries a page's messages to the browser (app/i18n/page-messages.server.ts). */
export const PAGE_MESSAGES_ID = "page-messages";
/** A page's messages, and the dates it wrote (by what their words depend on: app/format.ts). */
export type PageMessages = { locale: Locale; messages: Catalogue; formatted?: Record<string, string> };

/** In the browser: the catalogues loaded whole (`loadMessages`), and the messages the page was rendered with. */
const loadedCatalogues: Partial<Record<Locale, Catalogue>> = {};
let pageMessages: PageMessages | null | undefined;

const pageStillLoading = () => typeof document !== "undefined" && document.readyState === "loading";

/** In the browser: what the page carries, if it is in that language. */
function pageMessagesIn(locale: Locale): PageMessages | undefined {
  if (pageMessages === undefined) {
    const text = typeof document === "undefined" ? null : document.getElementById(PAGE_MESSAGES_ID)?.textContent;
    // The script ends the page: while the page is still arriving it may not be here yet.
    if (text) pageMessages = JSON.parse(text) as PageMessages;
    else if (!pageStillLoading()) pageMessages = null;
  }
  return pageMessages?.locale === locale ? pageMessages : undefined;
}

/** A message as the catalogue has it: in the language asked for, else in English (as i18next falls back). */
export function messageOf(key: string, locale: Locale): Message | undefined {
  if (serverFormat) return serverCatalogues[locale]?.[key as MessageKey] ?? serverCatalogues.en?.[key as MessageKey];
  return loadedCatalogues[locale]?.[key] ?? pageMessagesIn(locale)?.messages[key] ?? loadedCatalogues.en?.[key];
}

/**
 * In the browser: the whole catalogue of a language, fetched once, as its own script. A page comes to
 * life with the messages it was rendered with; the whole catalogue is wanted only for what the page did
 * not show (another page reached without a reload, a form checked in the browser, another language).
 */
export function loadMessages(locale: Locale): Promise<void> {
  if (serverFormat || loadedCatalogues[locale]) return Promise.resolve();
  return (loading[locale] ??= (locale === "cy" ? import("./browser/cy") : import("./browser/en")).then(({ messages }) => {
    loadedCatalogues[locale] = messages as Catalogue;
  }));
}
const loading: Partial<Record<Locale, Promise<void>>> = {};

/** Whether a key names a message (of any language that is here): for keys made from outside input. */
export const isMessageKey = (key: string): key is MessageKey => LOCALES.some((locale) => messageOf(key, locale) !== undefined);

/**
 * Where the current request's language lives on the server: an AsyncLocalStorage that
 * app/i18n/request-locale.server.ts puts on globalThis (so the HTTP server's bundle and Remix's
 * share one, and this module needs no Node import for the browser).
 */
export const REQUEST_LOCALE = Symbol.for("school-improvement-marketplace.request-locale");
/**
 * A request's language, and, while its page renders, the keys of the messages the page says and the
 * dates it writes (sent with it to the browser, which says them again without the whole catalogue).
 */
export type RequestStore = { locale: Locale; rendered?: Set<string>; formatted?: Map<string, string> };
const requestStore = () => (globalThis as { [REQUEST_LOCALE]?: { getStore(): RequestStore | undefined } })[REQUEST_LOCALE]?.getStore();

/** On the server, while a page renders: where the dates it writes are kept, for the browser to write the same. */
export const formattedInRender = (): Map<string, string> | undefined => requestStore()?.formatted;

/** In the browser: a date as the page wrote it, if it did. */
export const formattedOnPage = (key: string, locale: Locale): string | undefined => pageMessagesIn(locale)?.formatted?.[key];

/** The reader's language: the request's on the server, the page's (`<html lang>`) in the browser. */
export function currentLocale(): Locale {
  const store = requestStore();
  if (store) return store.locale;
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
 * Messages as i18next gave them, by language, key and placeholder values: a page says the same labels many
 * times (every result's "Provider", every filter's options) and the same counts and names on every
 * request, and asking i18next each time costs more than the page's markup. The catalogue does not change
 * while the server runs, so the same key and values always give the same words. The values may come from
 * outside input (an offer's title in a button's label, a search's words), so the map is emptied when
 * full and keeps no message whose values are long: a few megabytes at most, whatever is asked.
 */
const formattedMessages: Record<Locale, Map<string, string>> = { en: new Map(), cy: new Map() };
const MAX_FORMATTED_MESSAGES = 10_000;
/** Longer than an offer's longest title (150 characters) with the message's key and the values' names. */
const MAX_MEMO_KEY_LENGTH = 300;

function translate(key: MessageKey, params: MessageParams | undefined, locale: Locale, store: RequestStore | undefined): string {
  if (!serverFormat) {
    const message = messageOf(key, locale);
    if (message !== undefined) return formatMessage(message, params, locale);
    // A message the page was not rendered with: the whole catalogue comes, for the next render
    // (not for a module read before the page has arrived: app/entry.client.tsx hydrates after it).
    if (!pageStillLoading()) void loadMessages(locale);
    return key;
  }
  store?.rendered?.add(key);
  const formatted = formattedMessages[locale];
  // JSON escapes every control character in the values, so no two sets of values share a key.
  const memoKey = params === undefined ? key : `${key}\u0000${JSON.stringify(params)}`;
  const known = formatted.get(memoKey);
  if (known !== undefined) return known;
  const text = serverFormat(key, params, locale);
  if (memoKey.length <= MAX_MEMO_KEY_LENGTH) remember(formatted, MAX_FORMATTED_MESSAGES, memoKey, text);
  return text;
}

/**
 * A message by key, with {name} placeholders filled in. A plural message ({ one, other }) picks its form
 * by `count` under the language's plural rules: "1 school", "2 schools"; Welsh has six forms.
 * The language is the reader's unless given (emails give the recipient's).
 */
export function t(key: MessageKey, params?: MessageParams, locale?: Locale): string {
  const store = requestStore();
  const text = translate(key, params, locale ?? store?.locale ?? currentLocale(), store);
  if (
    locale === undefined &&
    store === undefined &&
    typeof document === "undefined" &&
    !madeOutsideRequests.has(text) &&
    madeOutsideRequests.size < MAX_REMEMBERED
  ) {
    madeOutsideRequests.set(text, { key, params });
  }
  return text;
}

/** A text made by `t` when no request was under way, said again in the reader's language; any other text as it is. */
export function localized(text: string, locale: Locale = currentLocale()): string {
  const made = madeOutsideRequests.get(text);
  // Said again even in English, so that a page rendering it carries its message to the browser.
  if (!made) return text;
  const params =
    made.params && Object.fromEntries(Object.entries(made.params).map(([name, value]) => [name, typeof value === "string" ? localized(value, locale) : value]));
  return translate(made.key, params, locale, requestStore());
}
