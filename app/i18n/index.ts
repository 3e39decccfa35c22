// The one message catalogue, in English and Welsh, served by i18next (ADR 0014).
import i18next, { type Resource } from "i18next";
import { auditActions } from "./en/audit-actions";
import { banners } from "./en/banners";
import { catalogue } from "./en/catalogue";
import { common } from "./en/common";
import { consortia } from "./en/consortia";
import { delivery } from "./en/delivery";
import { exports } from "./en/exports";
import { forms } from "./en/forms";
import { funding } from "./en/funding";
import { home } from "./en/home";
import { identity } from "./en/identity";
import { invoice } from "./en/invoice";
import { language } from "./en/language";
import { ledger } from "./en/ledger";
import { money } from "./en/money";
import { progress } from "./en/progress";
import { purchasing } from "./en/purchasing";
import { quality } from "./en/quality";
import { reports } from "./en/reports";
import { reportspeed } from "./en/reportspeed";
import { runtime } from "./en/runtime";
import { schools } from "./en/schools";
import { schoolview } from "./en/schoolview";
import { refusals } from "./en/refusals";
import { refusalsMore } from "./en/refusals-more";
import { security } from "./en/security";
import { stripe } from "./en/stripe";
import { emails } from "./en/emails";
import { welshrest } from "./en/welshrest";
import { matchfunding } from "./en/matchfunding";
import { auditActions as cyAuditActions } from "./cy/audit-actions";
import { banners as cyBanners } from "./cy/banners";
import { refusals as cyRefusals } from "./cy/refusals";
import { refusalsMore as cyRefusalsMore } from "./cy/refusals-more";
import { catalogue as cyCatalogue } from "./cy/catalogue";
import { common as cyCommon } from "./cy/common";
import { consortia as cyConsortia } from "./cy/consortia";
import { delivery as cyDelivery } from "./cy/delivery";
import { exports as cyExports } from "./cy/exports";
import { forms as cyForms } from "./cy/forms";
import { funding as cyFunding } from "./cy/funding";
import { home as cyHome } from "./cy/home";
import { identity as cyIdentity } from "./cy/identity";
import { invoice as cyInvoice } from "./cy/invoice";
import { language as cyLanguage } from "./cy/language";
import { ledger as cyLedger } from "./cy/ledger";
import { money as cyMoney } from "./cy/money";
import { progress as cyProgress } from "./cy/progress";
import { purchasing as cyPurchasing } from "./cy/purchasing";
import { quality as cyQuality } from "./cy/quality";
import { reports as cyReports } from "./cy/reports";
import { reportspeed as cyReportspeed } from "./cy/reportspeed";
import { runtime as cyRuntime } from "./cy/runtime";
import { schools as cySchools } from "./cy/schools";
import { schoolview as cySchoolview } from "./cy/schoolview";
import { security as cySecurity } from "./cy/security";
import { stripe as cyStripe } from "./cy/stripe";
import { emails as cyEmails } from "./cy/emails";
import { welshrest as cyWelshrest } from "./cy/welshrest";
import { matchfunding as cyMatchfunding } from "./cy/matchfunding";

export const en = {
  ...common,
  ...identity,
  ...ledger,
  ...catalogue,
  ...quality,
  ...purchasing,
  ...runtime,
  ...exports,
  ...consortia,
  ...forms,
  ...security,
  ...schools,
  ...money,
  ...home,
  ...invoice,
  ...progress,
  ...banners,
  ...auditActions,
  ...stripe,
  ...funding,
  ...schoolview,
  ...delivery,
  ...reports,
  ...reportspeed,
  ...language,
  ...refusals,
  ...refusalsMore,
  ...emails,
  ...welshrest,
  ...matchfunding,
};

export type MessageKey = keyof typeof en;

/**
 * The Welsh catalogue: one spread per file of app/i18n/cy, named like its English file. A key
 * missing here falls back to English at run time; test/unit/i18n-parity.test.ts names it.
 */
export const cy: Partial<Record<MessageKey, Message>> = {
  ...cyCommon,
  ...cyIdentity,
  ...cyLedger,
  ...cyCatalogue,
  ...cyQuality,
  ...cyPurchasing,
  ...cyRuntime,
  ...cyExports,
  ...cyConsortia,
  ...cyForms,
  ...cySecurity,
  ...cySchools,
  ...cyMoney,
  ...cyHome,
  ...cyInvoice,
  ...cyProgress,
  ...cyBanners,
  ...cyAuditActions,
  ...cyStripe,
  ...cyFunding,
  ...cySchoolview,
  ...cyDelivery,
  ...cyReports,
  ...cyReportspeed,
  ...cyLanguage,
  ...cyRefusals,
  ...cyRefusalsMore,
  ...cyEmails,
  ...cyWelshrest,
  ...cyMatchfunding,
};

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

const resources: Resource = { en: resourceOf(en), cy: resourceOf(cy) };
const i18n = i18next.createInstance();
void i18n.init({
  resources,
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

function translate(key: MessageKey, params: MessageParams | undefined, locale: Locale): string {
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

/** The message in the catalogue of one language, or undefined when it has none (English fills in at run time). */
export const messageIn = (locale: Locale, key: MessageKey): Message | undefined => (locale === "en" ? en[key] : cy[key]);
