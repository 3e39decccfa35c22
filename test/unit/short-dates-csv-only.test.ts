// Pages write a date the GOV.UK way, "5 January 2026" (formatDate). The short "05/01/2026" form
// (formatShortDate) is for CSV files only, which spreadsheets read as dates: no route or component
// uses it, except the routes that answer a CSV file (`*[.]csv.tsx`) and helpers made for them.
import { readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot as root, sourceFiles } from "../setup/source-files";

/** A route that answers a CSV file, or a helper written for CSV files: the only places a short date belongs. */
export const isCsvFile = (file: string) => /\[\.\]csv\.tsx$/.test(basename(file)) || /csv/i.test(basename(file).replace(/\.(server\.)?tsx?$/, ""));

/** The lines that use the short date form, each with its number. */
export const shortDatesIn = (source: string) => source.split("\n").flatMap((line, i) => (/\bformatShortDate\b/.test(line) ? [`${i + 1}: ${line.trim()}`] : []));

describe("short dates", () => {
  it("recognises a use of the short date form", () => {
    const source = [
      'import { formatDate, formatShortDate } from "~/format";',
      "cells: [formatDate(o.createdAt)],",
      "cells: [formatShortDate(o.createdAt)],",
    ].join("\n");
    expect(shortDatesIn(source)).toEqual(['1: import { formatDate, formatShortDate } from "~/format";', "3: cells: [formatShortDate(o.createdAt)],"]);
    expect(shortDatesIn("const formatShortDates = 1;\nformatDate(day);")).toEqual([]);
  });

  it("knows a CSV route or helper from a page", () => {
    expect(isCsvFile("app/routes/finance.sales[.]csv.tsx")).toBe(true);
    expect(isCsvFile("app/routes/accounts.$accountId_.statement[.]csv.tsx")).toBe(true);
    expect(isCsvFile("app/components/csv-link.tsx")).toBe(true);
    expect(isCsvFile("app/routes/finance.sales.tsx")).toBe(false);
    expect(isCsvFile("app/routes/accounts.$accountId.tsx")).toBe(false);
    expect(isCsvFile("app/components/orders-table.tsx")).toBe(false);
  });

  it("are not used on pages: routes and components show dates with formatDate", () => {
    const files = [...sourceFiles(join(root, "app/routes")), ...sourceFiles(join(root, "app/components"))];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((file) => !isCsvFile(file))
      .flatMap((file) => shortDatesIn(readFileSync(file, "utf8")).map((line) => `${relative(root, file)}:${line}`));
    expect(offenders).toEqual([]);
  });
});
