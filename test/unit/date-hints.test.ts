import { describe, expect, it } from "vitest";
import { formatDateInputExample, nextSchoolYearStart } from "~/format";

describe("the example a date input gives for a school's move", () => {
  it("is the next 1 September, never a day gone, by the day it is in London", () => {
    const example = (iso: string) => formatDateInputExample(nextSchoolYearStart(new Date(iso)));
    expect(example("2026-03-27T10:00:00Z")).toBe("1 9 2026");
    // 23:30 on 31 August in London: the move can still be tomorrow...
    expect(example("2026-08-31T22:30:00Z")).toBe("1 9 2026");
    // ...while at 00:30 on 1 September the example is a year on.
    expect(example("2026-08-31T23:30:00Z")).toBe("1 9 2027");
    expect(example("2026-08-31T10:00:00Z")).toBe("1 9 2026");
    expect(example("2026-12-03T10:00:00Z")).toBe("1 9 2027");
    for (let day = 0; day < 800; day += 7) {
      const now = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
      expect(nextSchoolYearStart(now).getTime()).toBeGreaterThan(now.getTime());
    }
  });
});
