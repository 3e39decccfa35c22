// Formatting at the edge only: money is integer pence everywhere else.
const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/London" });

export const formatPence = (pence: number) => gbp.format(pence / 100);
/** "5 January 2026" */
export const formatDate = (d: Date | string) => longDate.format(typeof d === "string" ? new Date(d) : d);
/** "05/01/2026", for tables */
export const formatShortDate = (d: Date | string) => shortDate.format(typeof d === "string" ? new Date(d) : d);

/** Financial year "2026-27" for a date (years start on 1 April). */
export function financialYear(d: Date, startMonth = 4) {
  const y = d.getUTCMonth() + 1 >= startMonth ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
}

/** Academic year "2026/27" (September to August). */
export function academicYear(d: Date) {
  const y = d.getUTCMonth() + 1 >= 9 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${y}/${String((y + 1) % 100).padStart(2, "0")}`;
}

/** Parse "£1,234.56" or "1234.5" into pence; null when it is not an amount. */
export function parsePounds(input: string): number | null {
  const cleaned = input.trim().replace(/^£/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds, fraction = ""] = cleaned.split(".");
  return Number(pounds) * 100 + Number(fraction.padEnd(2, "0"));
}
