// The building blocks of every form's zod schema, shared by the page and its action:
// free text, money, whole numbers and decimals, each with a GOV.UK message naming the field.
// Everything a user types reaches the database through one of these, so what PostgreSQL would
// refuse (a NUL byte, a number beyond its column) is refused here first, with a message by the field.
import { z } from "zod";
import { t } from "~/i18n";

/** C0 and C1 control characters and DEL. A NUL is refused by PostgreSQL text; the others are never typed. */
// eslint-disable-next-line no-control-regex -- control characters are what these patterns find
const CONTROL_IN_LINE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;
/** In a textarea, line breaks are what the user typed: keep tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- control characters are what these patterns find
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const hasControlCharacters = (value: string, multiline = false) => (multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(value);

/** £10,000,000: more than any one purchase, budget or payment in this marketplace, and far inside a bigint. */
export const MAX_MONEY_PENCE = 1_000_000_000;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const pounds = (pence: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 0 }).format(pence / 100);

export type TextOptions = {
  /** The field's name as the start of a sentence: "Title", "The reason". */
  label: string;
  max: number;
  /** The message when it is left empty; without it the field may be empty. */
  required?: string;
  /** A textarea: line breaks allowed. */
  multiline?: boolean;
  tooLong?: string;
  /**
   * Only text of this shape, such as a person's name: anything else, control characters included, is
   * refused with its message, which says what the field may hold. An empty field is left to `required`.
   */
  pattern?: { regex: RegExp; message: string };
};

const textChecks = (o: TextOptions) => {
  const trimmed = z.string({ message: o.required ?? t("field.text.tooLong", { label: o.label, max: o.max }) }).trim();
  const { pattern } = o;
  const clean = pattern
    ? trimmed.refine((v) => v === "" || (!hasControlCharacters(v, o.multiline) && pattern.regex.test(v)), pattern.message)
    : trimmed.refine((v) => !hasControlCharacters(v, o.multiline), t("field.text.controlCharacters", { label: o.label }));
  return clean.refine((v) => v.length <= o.max, o.tooLong ?? t("field.text.tooLong", { label: o.label, max: o.max }));
};

/** Free text, trimmed; "" when left empty unless `required` says what to enter. */
export const text = (o: TextOptions) => {
  const checked = textChecks(o);
  return z.preprocess((v) => (v === undefined || v === null ? "" : v), o.required ? checked.refine((v) => v.length > 0, o.required) : checked);
};

/** Free text that is absent (undefined) when left empty. */
export const optionalText = (o: Omit<TextOptions, "required">) => z.preprocess((v) => (blank(v) ? undefined : v), textChecks(o).optional());

/**
 * "£1,234.56", "1234.5" or "1234" as integer pence; null when it is not an amount of pounds written in base 10
 * with at most two decimals (commas only between thousands).
 */
export function parsePounds(input: string): number | null {
  const cleaned = input.trim().replace(/^£/, "");
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1].replace(/,/g, "").replace(/^0+(?=\d)/, "");
  // Beyond 15 digits a double loses pence; any such amount is far over every bound, so say so exactly.
  if (whole.length > 15) return Number.POSITIVE_INFINITY;
  return Number(whole) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** What every number field says when its text is not a number, and when it is left empty (`invalid` unless said). */
type NumberMessages = { invalid: string; required?: string };

/** A number field that must be filled in, read from its text by `read`; text of more than 40 characters is not a number. */
const requiredNumber = <T>(o: NumberMessages, read: (v: string, ctx: z.RefinementCtx) => T) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string({ message: o.invalid })
      .max(40, o.invalid)
      .refine((v) => v.trim() !== "", o.required ?? o.invalid)
      .transform(read),
  );

/** A number field read from its text by `read`, or undefined when left empty. */
const optionalNumber = <T>(o: NumberMessages, read: (v: string, ctx: z.RefinementCtx) => T) =>
  z.preprocess((v) => (blank(v) ? undefined : v), z.string({ message: o.invalid }).max(40, o.invalid).transform(read).optional());

export type MoneyOptions = {
  /** The field's name as the start of a sentence: "The budget". */
  label: string;
  /** When it is not an amount of pounds: "Enter the budget in pounds, like 20000 or 20,000.00". */
  invalid: string;
  /** Smallest allowed, in pence: 1 (more than £0) unless said. */
  minPence?: number;
  /** Largest allowed, in pence: £10,000,000 unless said. */
  maxPence?: number;
  /** The message when it is left empty: an empty field is otherwise the `invalid` message. */
  required?: string;
};

const moneyFrom = (o: MoneyOptions) => (v: string, ctx: z.RefinementCtx) => {
  const pence = parsePounds(v);
  const min = o.minPence ?? 1;
  const max = o.maxPence ?? MAX_MONEY_PENCE;
  if (pence === null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: o.invalid });
  else if (pence > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("field.money.tooLarge", { label: o.label, max: pounds(max) }) });
  else if (pence < min)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: min === 1 ? t("field.money.tooSmall", { label: o.label }) : t("field.whole.tooSmall", { label: o.label, min: pounds(min) }),
    });
  else return pence;
  return z.NEVER;
};

/** An amount of pounds, as integer pence. */
export const money = (o: MoneyOptions) => requiredNumber(o, moneyFrom(o));

/** An amount of pounds as integer pence, or null when left empty. */
export const optionalMoney = (o: MoneyOptions) => optionalNumber(o, moneyFrom(o)).transform((v) => v ?? null);

export type WholeOptions = {
  /** The field's name as the start of a sentence: "The number of delegates". */
  label: string;
  /** When it is not a whole number: "Enter the number of delegates as a whole number". */
  invalid: string;
  min: number;
  max: number;
  /** Messages for out of range; by default "{label} must be {min} or more" and "... {max} or fewer". */
  tooSmall?: string;
  tooLarge?: string;
  /** The message when it is left empty: an empty field is otherwise the `invalid` message. */
  required?: string;
};

const wholeFrom = (o: WholeOptions) => (v: string, ctx: z.RefinementCtx) => {
  const s = v.trim();
  // Digits 0-9 only: no "0x1F", "1e3", "1_000", "١٢٣" or " 12 3".
  if (!/^-?\d+$/.test(s)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: o.invalid });
  else {
    const negative = s.startsWith("-");
    const digits = s.replace(/^-/, "").replace(/^0+(?=\d)/, "");
    // Past 12 digits it is out of every bound; Infinity keeps the comparison exact.
    const n = digits.length > 12 ? (negative ? -Infinity : Infinity) : Number(s);
    if (n < o.min) ctx.addIssue({ code: z.ZodIssueCode.custom, message: o.tooSmall ?? t("field.whole.tooSmall", { label: o.label, min: o.min }) });
    else if (n > o.max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: o.tooLarge ?? t("field.whole.tooLarge", { label: o.label, max: o.max }) });
    else return n === 0 ? 0 : n; // never -0
  }
  return z.NEVER;
};

/** A whole number written in base 10, within bounds. */
export const whole = (o: WholeOptions) => requiredNumber(o, wholeFrom(o));

/** A whole number, or undefined when left empty. */
export const optionalWhole = (o: WholeOptions) => optionalNumber(o, wholeFrom(o));

/** The same rule for values that are not a zod field (rows of a table): the number, or the message. */
export function parseWhole(value: string, o: WholeOptions): { ok: true; value: number } | { ok: false; message: string } {
  const result = whole(o).safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0].message };
}

/** A decimal number such as a percentage, base 10, at most `places` decimals, within bounds. */
export const optionalDecimal = (o: WholeOptions & { places: number }) =>
  optionalNumber(o, (v, ctx) => {
    const s = v.trim();
    if (!new RegExp(`^\\d{1,12}(\\.\\d{1,${o.places}})?$`).test(s)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: o.invalid });
    else {
      const n = Number(s);
      if (n < o.min) ctx.addIssue({ code: z.ZodIssueCode.custom, message: o.tooSmall ?? t("field.whole.tooSmall", { label: o.label, min: o.min }) });
      else if (n > o.max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: o.tooLarge ?? t("field.whole.tooLarge", { label: o.label, max: o.max }) });
      else return n;
    }
    return z.NEVER;
  });

const DATE_PARTS = ["Day", "Month", "Year"] as const;

/**
 * Puts each GOV.UK date input's three fields (closesOnDay, closesOnMonth, closesOnYear) together as one
 * value (closesOn, "day/month/year") for `date()` to read. A value already given whole (an ISO date) is kept.
 */
export const withDateInputs = <S extends z.ZodTypeAny>(names: readonly string[], schema: S) =>
  z.preprocess((v) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return v;
    const out = { ...(v as Record<string, unknown>) };
    for (const name of names) {
      const parts = DATE_PARTS.map((p) => out[`${name}${p}`]);
      if (parts.every((p) => p === undefined)) continue;
      out[name] = parts.map((p) => (typeof p === "string" ? p.trim() : "")).join("/");
    }
    return out;
  }, schema);

/**
 * The same for a GET form (a filter): fromDay, fromMonth and fromYear in the address become one
 * `from` ("2026-04-01" when the parts are digits; otherwise "day/month/year", which the filter's date
 * check refuses with its message). A whole `from` already in the address (a link, a CSV) is kept.
 */
export function withDateParams(params: URLSearchParams, names: readonly string[]): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const name of names) {
    const parts = DATE_PARTS.map((p) => (out.get(`${name}${p}`) ?? "").trim().slice(0, 10));
    for (const p of DATE_PARTS) out.delete(`${name}${p}`);
    if (parts.every((p) => p === "")) continue;
    const [day, month, year] = parts;
    out.set(
      name,
      /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) ? `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` : parts.join("/"),
    );
  }
  return out;
}

/**
 * A calendar date from a GOV.UK date input (or "2026-01-05"), as "2026-01-05". Digits only, a four-digit
 * year, a day that exists in its month; each message names what is missing or wrong.
 */
export const date = (o: { label: string; required: string }) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string({ message: t("field.date.invalid", { label: o.label }) })
      .max(40, t("field.date.invalid", { label: o.label }))
      .transform((v, ctx) => {
        const fail = (message: string) => {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message });
          return z.NEVER;
        };
        const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
        const parts = iso ? [iso[3], iso[2], iso[1]] : v.split("/");
        if (parts.length !== 3 || parts.every((p) => p === "")) return fail(o.required);
        const missing = parts.findIndex((p) => p === "");
        if (missing >= 0) return fail(t("field.date.missing", { label: o.label, part: t(`field.date.part${DATE_PARTS[missing]}`) }));
        if (!parts.every((p) => /^\d+$/.test(p)) || parts[0].length > 2 || parts[1].length > 2 || parts[2].length !== 4)
          return fail(t("field.date.invalid", { label: o.label }));
        const [day, month, year] = parts.map(Number);
        const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const check = new Date(`${value}T00:00:00Z`);
        if (year < 1900 || Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== value)
          return fail(t("field.date.invalid", { label: o.label }));
        return value;
      }),
  );

/** A field that may arrive once (a string) or many times (an array): always an array. */
export const manyOf = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
