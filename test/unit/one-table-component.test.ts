// Every table is drawn by the Table component (app/components/table.tsx), so each one has the same
// GOV.UK markup: its caption, column headers with scope, numeric columns aligned, row headers, and
// room to scroll on a phone. No other route or component writes a <table> of its own.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot as root, sourceFiles } from "../setup/source-files";

const THE_TABLE = "app/components/table.tsx";

/** The lines that open a table element by hand (in JSX or in a string of markup). */
export const tablesIn = (source: string) => source.split("\n").flatMap((line, i) => (/<table[\s>/]/.test(line) ? [`${i + 1}: ${line.trim()}`] : []));

describe("tables", () => {
  it("recognises a table written by hand", () => {
    expect(tablesIn('<table className="govuk-table">\n<Table caption="x" />\n<table>')).toEqual(['1: <table className="govuk-table">', "3: <table>"]);
    expect(tablesIn("<Table columns={[]} rows={[]} />\nconst tableOf = 1;")).toEqual([]);
  });

  it("are all drawn by the Table component", () => {
    const files = [...sourceFiles(join(root, "app/routes")), ...sourceFiles(join(root, "app/components"))].filter((file) => relative(root, file) !== THE_TABLE);
    expect(files.length).toBeGreaterThan(50);
    expect(tablesIn(readFileSync(join(root, THE_TABLE), "utf8"))).toHaveLength(1);
    const offenders = files.flatMap((file) => tablesIn(readFileSync(file, "utf8")).map((line) => `${relative(root, file)}:${line}`));
    expect(offenders).toEqual([]);
  });
});
