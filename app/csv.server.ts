import { stringify } from "csv-stringify/sync";
import { t, type MessageKey } from "~/i18n";

/** An amount of money in a CSV cell: written as pounds, never defused (a negative amount is not a formula). */
export type CsvMoney = { pence: number };
export type CsvCell = string | number | CsvMoney | null;
export type CsvRow = CsvCell[];

/** Pounds with two decimals and no symbol or separators, as spreadsheets read numbers: -123456 -> "-1234.56". */
export function poundsForCsv(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Text that a spreadsheet would run as a formula is defused with a leading apostrophe
 * (OWASP's advice on CSV injection). Names, descriptions and references come from users.
 */
export const defuseFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** A CSV file's heading row, in the reader's language. */
export const csvHeadings = (keys: readonly MessageKey[]): string[] => keys.map((key) => t(key));

/** RFC 4180 text: CRLF between records, fields with a comma, quote or line break quoted. */
export function toCsv(rows: CsvRow[]): string {
  return stringify(rows, {
    record_delimiter: "windows",
    // csv-stringify quotes only on its own record delimiter; a bare LF inside a cell must be quoted too.
    quoted_match: /[\r\n]/,
    cast: {
      string: defuseFormula,
      object: (value) => poundsForCsv((value as CsvMoney).pence),
    },
  });
}

/**
 * The one way the app answers with a CSV file: a download, never cached (it holds people's and
 * schools' money), whichever browser or proxy sits between.
 */
export function csvResponse(filename: string, rows: CsvRow[]): Response {
  const safeName = filename.replace(/[^A-Za-z0-9._-]+/g, "-");
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
