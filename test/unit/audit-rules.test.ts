import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { organisationOf } from "~/domain/audit.server";
import { auditActionLabel, auditChanges, displayValue, fieldWords, formatCursor, parseCursor } from "~/domain/audit-log/rules";

describe("reading an audit entry's before and after", () => {
  it("lists only the fields that changed, as text", () => {
    expect(auditChanges({ category: "3A", year: "2025/26", by: "x" }, { category: "2B", year: "2025/26", by: "y" })).toEqual([
      { field: "category", before: "3A", after: "2B" },
      { field: "by", before: "x", after: "y" },
    ]);
  });

  it("shows a created record's fields against nothing, and lists as comma-separated text", () => {
    expect(auditChanges(null, { subjects: ["literacy", "numeracy"], count: 3, ok: true })).toEqual([
      { field: "subjects", before: null, after: "literacy, numeracy" },
      { field: "count", before: null, after: "3" },
      { field: "ok", before: null, after: "true" },
    ]);
  });

  it("reads nested records and lists of records as words, never as JSON, and handles plain values", () => {
    expect(displayValue({ amountPence: 1200, accountId: "a1" })).toBe("amount pence: 1200, account id: a1");
    expect(
      displayValue([
        { accountId: "a1", amountPence: -5 },
        { accountId: "a2", amountPence: 5 },
      ]),
    ).toBe("account id: a1, amount pence: -5; account id: a2, amount pence: 5");
    expect(displayValue({ nested: { deep: null } })).toBe("nested: deep: –");
    expect(auditChanges(null, { postings: [{ accountId: "a" }] })).toEqual([{ field: "postings", before: null, after: "account id: a" }]);
    expect(auditChanges("draft", "submitted")).toEqual([{ field: "", before: "draft", after: "submitted" }]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it("never reports a field as changed to its own value", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (record) => {
        expect(auditChanges(record, { ...record })).toEqual([]);
      }),
    );
  });
});

describe("the words of an audit entry", () => {
  it("names each kind of entry in words, and a kind without words by its code", () => {
    expect(auditActionLabel("school.category_set")).toBe("School category set");
    expect(auditActionLabel("ledger.entry.post")).toBe("Ledger entry posted");
    expect(auditActionLabel("something.new")).toBe("something.new");
  });

  it("reads field names as lower-case words", () => {
    expect(fieldWords("amountPence")).toBe("amount pence");
    expect(fieldWords("leaders_named")).toBe("leaders named");
    expect(fieldWords("URN")).toBe("urn");
  });

  it("never shows a JSON brace for any record", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ maxLength: 5 }).filter((k) => !/[{}"]/.test(k)),
          fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.constantFrom("a", "b"), fc.integer())),
        ),
        (record) => {
          expect(displayValue(record) ?? "").not.toMatch(/[{}]/);
        },
      ),
    );
  });
});

describe("the log's page cursor", () => {
  it("round-trips a row's time to the microsecond and its id", () => {
    const cursor = { at: "2026-03-27T10:15:30.123456Z", id: 987654321 };
    expect(parseCursor(formatCursor(cursor))).toEqual(cursor);
  });

  it("refuses anything we did not write", () => {
    for (const bad of [
      "",
      "x",
      "2026-03-27~1",
      "2026-13-45T99:99:99Z~1",
      "2026-03-27T10:15:30Z~-1",
      "2026-03-27T10:15:30Z~1;drop table",
      "2026-03-27T10:15:30Z~99999999999999999999",
    ]) {
      expect(parseCursor(bad)).toBeNull();
    }
    expect(parseCursor(null)).toBeNull();
  });
});

describe("the organisation an audit entry concerns", () => {
  const school = "0b1f7e56-34b6-4a43-9a52-7f0f3a8c1d11";
  it("is the entity itself for an organisation, else the organisation named in after or before", () => {
    expect(organisationOf({ entityType: "school", entityId: school })).toBe(school);
    expect(organisationOf({ entityType: "order", entityId: "o", after: { schoolId: school } })).toBe(school);
    expect(organisationOf({ entityType: "order", entityId: "o", before: { consortiumId: school } })).toBe(school);
    expect(organisationOf({ entityType: "user", entityId: "u", after: { email: "a@b" } })).toBeNull();
  });
});

describe("every kind of audit entry the service writes", () => {
  it("has words for the person reading the log, in English and Welsh", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { en } = await import("~/i18n/messages-en");
    const { cy } = await import("~/i18n/messages-cy");
    const files = ["app", "db"].flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: "utf8" })
        .filter((f) => /\.tsx?$/.test(f) && !f.includes("i18n"))
        .map((f) => join(root, f)),
    );
    const written = new Set<string>();
    for (const file of files)
      for (const line of readFileSync(file, "utf8").split("\n"))
        if (/\baction(:| =) /.test(line)) for (const [, code] of line.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) written.add(code);
    expect(written.size).toBeGreaterThan(60);
    expect([...written].filter((code) => !(`auditAction.${code}` in en))).toEqual([]);
    expect([...written].filter((code) => !(`auditAction.${code}` in cy))).toEqual([]);
  });
});
