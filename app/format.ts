// Formatting at the edge only: money is integer pence everywhere else; dates are instants, shown in London time.
import { tz } from "@date-fns/tz";
import { format, type Locale as DateLocale } from "date-fns";
import { cy, enGB } from "date-fns/locale";
import { currentLocale, LANGUAGE_TAGS, type Locale } from "~/i18n";

// In the reader's language (the request's on the server, the page's in the browser) unless given.
const gbp: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(LANGUAGE_TAGS.en, { style: "currency", currency: "GBP" }),
  cy: new Intl.NumberFormat(LANGUAGE_TAGS.cy, { style: "currency", currency: "GBP" }),
};
const numbers: Record<Locale, Intl.NumberFormat> = { en: new Intl.NumberFormat(LANGUAGE_TAGS.en), cy: new Intl.NumberFormat(LANGUAGE_TAGS.cy) };
const DATE_LOCALES: Record<Locale, DateLocale> = { en: enGB, cy };
/** "at" between a date and a time: "5 January 2026 at 2:05pm", "5 Ionawr 2026 am 2:05yh". */
const AT: Record<Locale, string> = { en: "'at'", cy: "'am'" };
export const LONDON = "Europe/London";
const inLondon = { in: tz(LONDON) };
const readable = (locale: Locale) => ({ ...inLondon, locale: DATE_LOCALES[locale] });
const asDate = (d: Date | string) => (typeof d === "string" ? new Date(d.length === 10 ? `${d}T12:00:00Z` : d) : d);

export const formatPence = (pence: number, locale: Locale = currentLocale()) => gbp[locale].format(pence / 100);
/** "1,234": a count, grouped as the reader's language groups it. */
export const formatNumber = (n: number, locale: Locale = currentLocale()) => numbers[locale].format(n);
/** "5 January 2026" ("5 Ionawr 2026"), in London: the one way a date is written in the service's pages and emails. */
export const formatDate = (d: Date | string, locale: Locale = currentLocale()) => format(asDate(d), "d MMMM yyyy", readable(locale));
/** "January 2026" ("Ionawr 2026"). */
export const formatMonth = (d: Date | string, locale: Locale = currentLocale()) => format(asDate(d), "MMMM yyyy", readable(locale));
/** "05/01/2026": for CSV files only, which spreadsheets read as dates. */
export const formatShortDate = (d: Date | string) => format(asDate(d), "dd/MM/yyyy", inLondon);
/** "5 January 2026 at 2:05pm" */
export const formatDateTime = (d: Date | string, locale: Locale = currentLocale()) => format(asDate(d), `d MMMM yyyy ${AT[locale]} h:mmaaa`, readable(locale));
/** The day it is in London, as "2026-01-05". */
export const londonIsoDate = (d: Date) => format(d, "yyyy-MM-dd", inLondon);
/** A date typed into a GOV.UK date input, as its example: "27 3 2026" (day month year). */
export const formatDateInputExample = (d: Date) => format(d, "d M yyyy", inLondon);

/** The first day of the next school year (1 September) after the day `d` is in London. */
export function nextSchoolYearStart(d: Date) {
  const [year, month] = londonIsoDate(d).split("-").map(Number);
  return new Date(Date.UTC(month >= 9 ? year + 1 : year, 8, 1, 12));
}

/** Academic year "2026/27" (September to August). */
export function academicYear(d: Date) {
  const y = d.getUTCMonth() + 1 >= 9 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${y}/${String((y + 1) % 100).padStart(2, "0")}`;
}
