import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  date,
  withDateInputs,
  MAX_MONEY_PENCE,
  money,
  optionalDecimal,
  optionalMoney,
  optionalText,
  optionalWhole,
  parsePounds,
  text,
  whole,
} from "~/forms/fields";

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0].message);

describe("free text", () => {
  const title = text({ label: "The title", max: 10, required: "Enter a title" });
  const body = text({ label: "The description", max: 100, multiline: true });

  it("refuses a NUL byte and other control characters with a message naming the field", () => {
    for (const bad of ["a\u0000b", "\u0000", "x\u0007", "x\u001b[31m", "x\u007f", "x\u0085"]) {
      expect(messageOf(title.safeParse(bad)), JSON.stringify(bad)).toBe(
        "The title must not contain hidden control characters. Type it again or paste it as plain text",
      );
    }
    expect(messageOf(body.safeParse("line\u0000"))).toMatch(/^The description must not contain hidden control characters/);
  });

  it("keeps line breaks and tabs in a textarea, not in a one-line field", () => {
    expect(body.parse("one\r\ntwo\tthree")).toBe("one\r\ntwo\tthree");
    expect(messageOf(title.safeParse("one\ntwo"))).toMatch(/control characters/);
    expect(title.parse(" a\tb ")).toBe("a\tb");
  });

  it("trims, requires and limits", () => {
    expect(messageOf(title.safeParse("   "))).toBe("Enter a title");
    expect(messageOf(title.safeParse(undefined))).toBe("Enter a title");
    expect(messageOf(title.safeParse("x".repeat(11)))).toBe("The title must be 10 characters or fewer");
    expect(title.parse("  Reading  ")).toBe("Reading");
    expect(body.parse(undefined)).toBe("");
    expect(optionalText({ label: "The note", max: 5 }).parse("  ")).toBeUndefined();
    expect(messageOf(optionalText({ label: "The note", max: 5 }).safeParse("\u0000"))).toMatch(/^The note must not contain/);
  });

  it("takes Welsh, accents and emoji as they are", () => {
    expect(body.parse("Ysgol Gymraeg – ŵ ŷ é 🏫")).toBe("Ysgol Gymraeg – ŵ ŷ é 🏫");
  });

  it("holds text to a pattern when given one, with its own message, control characters included", () => {
    const name = text({
      label: "Name",
      max: 20,
      required: "Enter their name",
      tooLong: "Name must be 20 characters or fewer",
      pattern: { regex: /^[\p{L}]+(?: [\p{L}]+)*$/u, message: "Name must only include letters and spaces" },
    });
    expect(name.parse("  Siân Ellis ")).toBe("Siân Ellis");
    expect(messageOf(name.safeParse("  "))).toBe("Enter their name");
    expect(name.safeParse("  ").error?.issues).toHaveLength(1);
    for (const bad of ["www.evil.example", "<b>Sam</b>", "Sam\u0000Patel", "Sam\nPatel"]) {
      const result = name.safeParse(bad);
      expect(
        result.error?.issues.map((i) => i.message),
        JSON.stringify(bad),
      ).toEqual(["Name must only include letters and spaces"]);
    }
    expect(name.safeParse("a".repeat(21)).error?.issues.map((i) => i.message)).toEqual(["Name must be 20 characters or fewer"]);
  });
});

describe("money", () => {
  const budget = optionalMoney({ label: "The budget", invalid: "Enter the budget in pounds" });
  const amount = money({ label: "The amount", invalid: "Enter the amount in pounds" });

  it("turns pounds into integer pence", () => {
    expect(amount.parse("£1,234.56")).toBe(123_456);
    expect(amount.parse("1234.5")).toBe(123_450);
    expect(amount.parse(" 20000 ")).toBe(2_000_000);
    expect(amount.parse("0.01")).toBe(1);
    expect(budget.parse("")).toBeNull();
    expect(budget.parse(undefined)).toBeNull();
  });

  it("refuses what is not pounds in base 10 with at most two decimals", () => {
    for (const bad of ["0x1F", "1e3", "1e308", "12.345", "1,2,3", "-5", "NaN", "Infinity", "١٢٣", "1 000", "£", "12.", ".5", "1_000"]) {
      expect(messageOf(amount.safeParse(bad)), bad).toBe("Enter the amount in pounds");
    }
  });

  it("refuses amounts over £10,000,000, however long, and nothing at all", () => {
    expect(amount.parse("10,000,000.00")).toBe(MAX_MONEY_PENCE);
    expect(messageOf(amount.safeParse("10000000.01"))).toBe("The amount must be £10,000,000 or less");
    expect(messageOf(budget.safeParse("21474836.48"))).toBe("The budget must be £10,000,000 or less");
    expect(messageOf(budget.safeParse(String(2n ** 63n)))).toBe("The budget must be £10,000,000 or less");
    expect(messageOf(budget.safeParse("9".repeat(400)))).toBe("Enter the budget in pounds");
    expect(messageOf(amount.safeParse("0"))).toBe("The amount must be more than £0");
    expect(messageOf(amount.safeParse(""))).toBe("Enter the amount in pounds");
  });

  it("reads back every amount it could have shown, to the penny", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_MONEY_PENCE }), (pence) => {
        const shown = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2 }).format(pence / 100);
        expect(parsePounds(`£${shown}`)).toBe(pence);
        expect(amount.parse((pence / 100).toFixed(2))).toBe(pence);
      }),
    );
  });
});

describe("whole numbers", () => {
  const delegates = whole({ label: "The number of delegates", invalid: "Enter a whole number", min: 1, max: 500 });

  it("takes base-10 digits only", () => {
    expect(delegates.parse("12")).toBe(12);
    expect(delegates.parse(" 007 ")).toBe(7);
    for (const bad of ["0x1F", "1e2", "1.5", "1_0", "١٢", "+", "", "12abc", "Infinity"])
      expect(messageOf(delegates.safeParse(bad)), bad).toBe("Enter a whole number");
  });

  it("says which bound was passed, however far", () => {
    expect(messageOf(delegates.safeParse("0"))).toBe("The number of delegates must be 1 or more");
    expect(messageOf(delegates.safeParse("-3"))).toBe("The number of delegates must be 1 or more");
    expect(messageOf(delegates.safeParse("501"))).toBe("The number of delegates must be 500 or fewer");
    expect(messageOf(delegates.safeParse("9".repeat(30)))).toBe("The number of delegates must be 500 or fewer");
    expect(optionalWhole({ label: "x", invalid: "bad", min: 1, max: 5 }).parse("")).toBeUndefined();
  });

  it("takes decimals with a bounded number of places", () => {
    const percent = optionalDecimal({ label: "The percentage", invalid: "Enter a percentage", min: 0, max: 100, places: 2 });
    expect(percent.parse("12.5")).toBe(12.5);
    expect(percent.parse("")).toBeUndefined();
    for (const bad of ["0x1F", "1e2", "12.345", "-1"]) expect(messageOf(percent.safeParse(bad)), bad).toBe("Enter a percentage");
    expect(messageOf(percent.safeParse("100.01"))).toBe("The percentage must be 100 or fewer");
  });
});

describe("dates from GOV.UK's date input", () => {
  const closing = withDateInputs(["closesOn"], z.object({ closesOn: date({ label: "The closing date", required: "Enter the closing date" }) }));
  const read = (day: string, month: string, year: string) => closing.safeParse({ closesOnDay: day, closesOnMonth: month, closesOnYear: year });

  it("reads day, month and year as a calendar date", () => {
    expect(read("5", "1", "2026")).toMatchObject({ success: true, data: { closesOn: "2026-01-05" } });
    expect(read(" 29 ", "02", "2028")).toMatchObject({ success: true, data: { closesOn: "2028-02-29" } });
    expect(closing.parse({ closesOn: "2026-03-27" })).toEqual({ closesOn: "2026-03-27" });
  });

  it("says what is missing or wrong", () => {
    const message = (r: ReturnType<typeof read>) => (r.success ? null : r.error.issues[0].message);
    expect(message(read("", "", ""))).toBe("Enter the closing date");
    expect(message(read("5", "", "2026"))).toBe("The closing date must include a month");
    expect(message(read("30", "2", "2026"))).toBe("The closing date must be a real date");
    for (const [d, m, y] of [
      ["0x1", "1", "2026"],
      ["5", "1", "26"],
      ["5", "13", "2026"],
      ["1e1", "1", "2026"],
      ["5", "1", "99999"],
      ["\u0000", "1", "2026"],
    ]) {
      expect(message(read(d, m, y)), `${d} ${m} ${y}`).toBe("The closing date must be a real date");
    }
  });
});
