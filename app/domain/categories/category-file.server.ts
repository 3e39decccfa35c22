// Reading a categories file: CSV parsing belongs on the server, away from the page's bundle.
import { csvRecords } from "~/csv-records.server";
import { academicYearOf, categoriesOf, normaliseCategory, parseDay, type Nation } from "./rules";
import { t } from "~/i18n";

export type CategoryLine = { line: number; urn: string; category: string; decidedOn: string; academicYear: string };
export type LineError = { line: number; message: string };

/**
 * The rows of a categories file (URN, category, date, read by name in any order), each checked on its
 * own: every bad row is reported by its line number, and nothing is written while any is bad.
 */
export function readCategoryFile(text: string, nation: Nation, today: string): { lines: CategoryLine[]; errors: LineError[] } {
  const records = csvRecords(text);
  if (!records) return { lines: [], errors: [{ line: 1, message: t("refusal.categories.fileNotCsv") }] };
  const rows = records.map((r) => r.record);
  const errors: LineError[] = [];
  if (rows.length === 0) return { lines: [], errors: [{ line: 1, message: t("refusal.categories.fileEmpty") }] };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const urnAt = col("urn");
  const categoryAt = col("category");
  const dateAt = col("date", "decided on", "date decided");
  const missing = [urnAt < 0 ? "URN" : null, categoryAt < 0 ? "category" : null, dateAt < 0 ? "date" : null].filter(Boolean);
  if (missing.length) return { lines: [], errors: [{ line: 1, message: t("refusal.categories.missingColumns", { missing: missing.join(", ") }) }] };
  const lines: CategoryLine[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    // A quoted field may run over several lines: a row starts on the line after the one before it ends.
    const line = records[i].info.lines + 1;
    const urn = (cells[urnAt] ?? "").trim();
    const category = normaliseCategory(nation, cells[categoryAt] ?? "");
    const decidedOn = parseDay(cells[dateAt] ?? "");
    if (!/^\d{5,10}$/.test(urn)) return errors.push({ line, message: `“${urn.slice(0, 20)}” is not a URN` });
    if (!category)
      return errors.push({ line, message: `“${(cells[categoryAt] ?? "").trim().slice(0, 20)}” is not a category (${categoriesOf(nation).join(", ")})` });
    if (!decidedOn) return errors.push({ line, message: `“${(cells[dateAt] ?? "").trim().slice(0, 20)}” is not a date (for example 27/03/2026)` });
    if (decidedOn > today) return errors.push({ line, message: t("refusal.categories.dateInFuture") });
    const year = academicYearOf(decidedOn);
    const earlier = seen.get(`${urn}:${year}`);
    if (earlier) return errors.push({ line, message: t("refusal.categories.duplicateLine", { urn, year, line: earlier }) });
    seen.set(`${urn}:${year}`, line);
    lines.push({ line, urn, category, decidedOn, academicYear: year });
  });
  return { lines, errors };
}
