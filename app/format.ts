// Formatting at the edge only: money is integer pence everywhere else; dates are instants, shown in London time.
import type { DateKind, dateFormats } from "~/date-format";
import { currentLocale, formattedInRender, formattedOnPage, LANGUAGE_TAGS, type Locale } from "~/i18n";
import { serverDates } from "~/server-dates";
import { remember } from "~/remember";

// In the reader's language (the request's on the server, the page's in the browser) unless given.
const gbp: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(LANGUAGE_TAGS.en, { style: "currency", currency: "GBP" }),
  cy: new Intl.NumberFormat(LANGUAGE_TAGS.cy, { style: "currency", currency: "GBP" }),
};
const numbers: Record<Locale, Intl.NumberFormat> = { en: new Intl.NumberFormat(LANGUAGE_TAGS.en), cy: new Intl.NumberFormat(LANGUAGE_TAGS.cy) };
export const LONDON = "Europe/London";
const asDate = (d: Date | string) => (typeof d === "string" ? new Date(d.length === 10 ? `${d}T12:00:00Z` : d) : d);

/** date-fns's formats: on the server from the start; in the browser once loaded (`loadDateFormats`). */
let dates: typeof dateFormats | null = serverDates;
let loadingDates: Promise<void> | undefined;
/** In the browser: date-fns and the formats, as their own script, for dates the page was not rendered with. */
export const loadDateFormats = (): Promise<void> =>
  dates
    ? Promise.resolve()
    : (loadingDates ??= import("~/date-format").then((module) => {
        dates = module.dateFormats;
      }));

const londonDays = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, year: "numeric", month: "2-digit", day: "2-digit" });
/** The day in London as [year, month, day] ("2026", "01", "05"): exact from Intl, in the browser as on the server. */
function londonDay(d: Date): [string, string, string] {
  const parts = Object.fromEntries(londonDays.formatToParts(d).map((p) => [p.type, p.value]));
  return [parts.year, parts.month, parts.day];
}

/** What a date's words depend on: its day in London, or for a time its minute. */
const formattedKey = (kind: DateKind, d: Date) => `${kind}|${kind === "dateTime" ? d.toISOString().slice(0, 16) : londonDay(d).join("-")}`;

/**
 * Dates written with date-fns, by kind, language and instant, each with its key for the page once a page
 * needed it: a page writes the same few dates many times over (every result's), and working out London's
 * offset costs more than the words. Bounded: emptied when full.
 */
const written = new Map<string, { text: string; key?: string }>();
const MAX_WRITTEN = 10_000;

/**
 * A date in words. The server formats it with date-fns and, while a page renders, remembers it for the
 * page (app/i18n/page-messages.server.ts); the browser says what the page said, or, for a date the page
 * did not show, formats it with date-fns once loaded, and until then as Intl writes it.
 */
function formatted(kind: DateKind, value: Date | string, locale: Locale): string {
  const d = asDate(value);
  if (dates) {
    const id = `${kind}|${locale}|${d.getTime()}`;
    const entry = written.get(id) ?? remember(written, MAX_WRITTEN, id, { text: dates[kind](d, locale) });
    // Keyed only while a page renders: a CSV's or an email's dates are not the browser's business.
    formattedInRender()?.set((entry.key ??= formattedKey(kind, d)), entry.text);
    return entry.text;
  }
  const known = formattedOnPage(formattedKey(kind, d), locale);
  if (known !== undefined) return known;
  void loadDateFormats();
  const time = kind === "dateTime" ? { hour: "numeric", minute: "2-digit" } : {};
  const day = kind === "month" ? {} : { day: "numeric" };
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], {
    timeZone: LONDON,
    ...day,
    month: "long",
    year: "numeric",
    ...time,
  } as Intl.DateTimeFormatOptions).format(d);
}

export const formatPence = (pence: number, locale: Locale = currentLocale()) => gbp[locale].format(pence / 100);
/** "1,234": a count, grouped as the reader's language groups it. */
export const formatNumber = (n: number, locale: Locale = currentLocale()) => numbers[locale].format(n);
/** "5 January 2026" ("5 Ionawr 2026"), in London: the one way a date is written in the service's pages and emails. */
export const formatDate = (d: Date | string, locale: Locale = currentLocale()) => formatted("date", d, locale);
/** "January 2026" ("Ionawr 2026"). */
export const formatMonth = (d: Date | string, locale: Locale = currentLocale()) => formatted("month", d, locale);
/** "05/01/2026": for CSV files only, which spreadsheets read as dates. */
export const formatShortDate = (d: Date | string) => {
  if (dates) return dates.shortDate(asDate(d));
  const [year, month, day] = londonDay(asDate(d));
  return `${day}/${month}/${year}`;
};
/** "5 January 2026 at 2:05pm" */
export const formatDateTime = (d: Date | string, locale: Locale = currentLocale()) => formatted("dateTime", d, locale);
/** The day it is in London, as "2026-01-05". */
export const londonIsoDate = (d: Date) => (dates ? dates.isoDate(d) : londonDay(d).join("-"));
/** A date typed into a GOV.UK date input, as its example: "27 3 2026" (day month year). */
export const formatDateInputExample = (d: Date) => {
  if (dates) return dates.inputExample(d);
  const [year, month, day] = londonDay(d);
  return `${Number(day)} ${Number(month)} ${year}`;
};

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
