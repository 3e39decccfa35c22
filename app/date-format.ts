// Dates as the service writes them, by date-fns in London time. The server formats with these; the
// browser has the ones its page was rendered with (app/format.ts) and loads this module only when it
// needs more.
import { tz } from "@date-fns/tz";
import { format, type Locale as DateLocale } from "date-fns";
import { cy, enGB } from "date-fns/locale";
import type { Locale } from "~/i18n";

const DATE_LOCALES: Record<Locale, DateLocale> = { en: enGB, cy };
/** "at" between a date and a time: "5 January 2026 at 2:05pm", "5 Ionawr 2026 am 2:05yh". */
const AT: Record<Locale, string> = { en: "'at'", cy: "'am'" };
const inLondon = { in: tz("Europe/London") };
const readable = (locale: Locale) => ({ ...inLondon, locale: DATE_LOCALES[locale] });

export const dateFormats = {
  /** "5 January 2026" ("5 Ionawr 2026"). */
  date: (d: Date, locale: Locale) => format(d, "d MMMM yyyy", readable(locale)),
  /** "January 2026" ("Ionawr 2026"). */
  month: (d: Date, locale: Locale) => format(d, "MMMM yyyy", readable(locale)),
  /** "5 January 2026 at 2:05pm". */
  dateTime: (d: Date, locale: Locale) => format(d, `d MMMM yyyy ${AT[locale]} h:mmaaa`, readable(locale)),
  /** "05/01/2026": for CSV files only, which spreadsheets read as dates. */
  shortDate: (d: Date) => format(d, "dd/MM/yyyy", inLondon),
  /** "2026-01-05". */
  isoDate: (d: Date) => format(d, "yyyy-MM-dd", inLondon),
  /** "27 3 2026" (day month year). */
  inputExample: (d: Date) => format(d, "d M yyyy", inLondon),
};
export type DateKind = keyof typeof dateFormats;
