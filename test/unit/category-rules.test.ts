import { describe, expect, it } from "vitest";
import { readCategoryFile } from "~/domain/categories/category-file.server";
import { academicYearOf, categoriesOf, entitlementKey, normaliseCategory, parseDay, triggersDifferentiatedFunding } from "~/domain/categories/rules";
import { t } from "~/i18n";

describe("the categories of each nation", () => {
  it("are Warwickshire's eight in England and the four colours in Wales", () => {
    expect(categoriesOf("england")).toEqual(["1", "2A", "2B", "3A", "3B", "3C", "3D", "4"]);
    expect(categoriesOf("wales")).toEqual(["green", "yellow", "amber", "red"]);
    expect(normaliseCategory("england", " 2a ")).toBe("2A");
    expect(normaliseCategory("wales", "Amber")).toBe("amber");
    expect(normaliseCategory("england", "amber")).toBeNull();
    expect(normaliseCategory("wales", "3A")).toBeNull();
    expect(normaliseCategory("england", "5")).toBeNull();
  });

  it("trigger differentiated funding from 3A to 4 (amber and red in Wales)", () => {
    expect(categoriesOf("england").filter((c) => triggersDifferentiatedFunding("england", c))).toEqual(["3A", "3B", "3C", "3D", "4"]);
    expect(categoriesOf("wales").filter((c) => triggersDifferentiatedFunding("wales", c))).toEqual(["amber", "red"]);
  });

  it("each name the support it is entitled to, as the Warwickshire paper lists it", () => {
    for (const nation of ["england", "wales"] as const) for (const c of categoriesOf(nation)) expect(t(entitlementKey(c))).not.toBe(entitlementKey(c));
    expect(t(entitlementKey("1"))).toMatch(/^Peer support/);
    expect(t(entitlementKey("2A"))).toMatch(/^School-to-school support/);
    expect(t(entitlementKey("3A"))).toMatch(/differentiated funding/);
    expect(t(entitlementKey("4"))).toMatch(/DfE and HMI/);
  });
});

describe("dates and years", () => {
  it("reads the dates people type and refuses impossible ones", () => {
    expect(parseDay("27/03/2026")).toBe("2026-03-27");
    expect(parseDay("7-3-2026")).toBe("2026-03-07");
    expect(parseDay("2026-03-27")).toBe("2026-03-27");
    for (const bad of ["31/02/2026", "2026-13-01", "yesterday", "", "27/03/26", "01/01/1066"]) expect(parseDay(bad)).toBeNull();
  });

  it("puts a day in its academic year, September to August", () => {
    expect(academicYearOf("2025-09-01")).toBe("2025/26");
    expect(academicYearOf("2026-08-31")).toBe("2025/26");
    expect(academicYearOf("2099-12-01")).toBe("2099/00");
  });
});

describe("a categories file", () => {
  it("reads quoted fields with commas, quotes and line breaks, numbering rows by the line they start on", () => {
    const file = 'URN,Category,"Date, decided",Note\r\n"123456",3A,27/03/2026,"a ""quoted""\nnote"\r\n123457,2B,28/03/2026,\n';
    const { lines, errors } = readCategoryFile(file.replace('"Date, decided"', "Date"), "england", "2026-06-01");
    expect(errors).toEqual([]);
    expect(lines.map((l) => [l.line, l.urn, l.category])).toEqual([
      [2, "123456", "3A"],
      [4, "123457", "2B"],
    ]);
  });

  it("refuses a file whose quotation marks do not close, writing nothing", () => {
    const { lines, errors } = readCategoryFile('URN,Category,Date\n"123456,3A,27/03/2026\n', "england", "2026-06-01");
    expect(lines).toEqual([]);
    expect(errors[0].message).toContain("quotation marks");
  });

  it("reads columns by name in any order and reports every bad row by its line", () => {
    const file =
      "\uFEFFDate,Category,URN\n27/03/2026,3a,123456\n01/04/2026,9,123457\n,2A,123458\n27/03/2026,2B,abc\n28/03/2026,2B,123456\n01/01/2027,1,123459\n";
    const { lines, errors } = readCategoryFile(file, "england", "2026-06-01");
    expect(lines).toEqual([{ line: 2, urn: "123456", category: "3A", decidedOn: "2026-03-27", academicYear: "2025/26" }]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(errors[0].message).toContain("not a category");
    expect(errors[3].message).toContain("line 2");
    expect(errors[4].message).toContain("future");
  });

  it("says which columns are missing", () => {
    expect(readCategoryFile("URN,grade\n1,2\n", "wales", "2026-01-01").errors).toEqual([
      { line: 1, message: "The first row must name the columns: missing category, date" },
    ]);
    expect(readCategoryFile("", "wales", "2026-01-01").errors[0].message).toBe("The file is empty");
  });
});
