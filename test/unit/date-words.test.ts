// A date's words are worked out once for each kind, language and instant (app/format.ts); every page that
// writes a date still carries it to the browser, however often it has been written before.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth } from "~/format";
import { currentRequest, runInLocale } from "~/i18n/request-locale.server";

describe("dates in words", () => {
  it("say an instant the same way every time, in words of its language and kind", () => {
    const night = "2026-03-29T00:30:00Z";
    for (let time = 0; time < 2; time++) {
      expect(formatDate(new Date(night), "en")).toBe("29 March 2026");
      expect(formatDate(new Date(night), "cy")).toBe("29 Mawrth 2026");
      expect(formatMonth(new Date(night), "en")).toBe("March 2026");
      expect(formatDateTime(new Date(night), "en")).toBe("29 March 2026 at 12:30am");
      // Half past eleven on a summer's evening in UTC is the next day in London.
      expect(formatDate(new Date("2026-06-30T23:30:00Z"), "en")).toBe("1 July 2026");
      expect(formatDate("2026-06-30", "en")).toBe("30 June 2026");
    }
  });

  it("go with every page that writes them, not only the first", () => {
    for (const render of [1, 2, 3]) {
      const carried = runInLocale("en", () => {
        const store = currentRequest()!;
        store.formatted = new Map();
        formatDate(new Date("2026-01-05T10:00:00Z"));
        formatDateTime(new Date("2026-01-05T14:05:00Z"));
        return [...store.formatted];
      });
      expect(carried, `render ${render}`).toEqual([
        ["date|2026-01-05", "5 January 2026"],
        ["dateTime|2026-01-05T14:05", "5 January 2026 at 2:05pm"],
      ]);
    }
  });

  it("refuse a date that is not one, every time", () => {
    for (let time = 0; time < 2; time++) expect(() => formatDate(new Date("not a date"), "en")).toThrow(RangeError);
  });
});
