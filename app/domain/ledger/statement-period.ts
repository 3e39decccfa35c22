// Statement periods are chosen in whole days, as people in England and Wales count them.
const london = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Is "2026-04-01" a real calendar date? */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 9999 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The instant a day starts in Europe/London (the clocks change at 01:00 or 02:00, never at midnight). */
export function londonMidnight(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  const utc = Date.UTC(y, m - 1, d);
  const parts = Object.fromEntries(london.formatToParts(new Date(utc)).map((p) => [p.type, p.value]));
  const asLocal = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(utc - (asLocal - utc));
}

/** A period of whole days, from the start of `from` to the end of `to`, as the instants accountStatement takes. */
export function periodBounds({ from, to }: { from?: string; to?: string }): { from?: Date; to?: Date } {
  let end: Date | undefined;
  if (to) {
    const [y, m, d] = to.split("-").map(Number);
    end = londonMidnight(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10));
  }
  return { from: from ? londonMidnight(from) : undefined, to: end };
}
