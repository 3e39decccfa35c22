import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeGiasFile, parseGias, parseGiasDate, phaseFromGias, typeFromGias } from "~/domain/schools/gias";
import { diffGias, type StoredSchool } from "~/domain/schools/gias-diff";
import { giasCsv, giasSchool, windows1252 } from "../factories/gias";

const text = (bytes: Uint8Array) => {
  const decoded = decodeGiasFile(bytes);
  if ("code" in decoded) throw new Error(decoded.code);
  return decoded;
};

describe("reading a GIAS file", () => {
  it("decodes Windows-1252 (£, the curly apostrophe, é) and UTF-8 alike", () => {
    expect(text(windows1252("St Mary’s £5 Café"))).toEqual({ text: "St Mary’s £5 Café", encoding: "windows-1252" });
    expect(text(new TextEncoder().encode("St Mary’s £5 Café"))).toEqual({ text: "St Mary’s £5 Café", encoding: "utf-8" });
  });

  it("refuses empty and binary files", () => {
    expect(decodeGiasFile(new Uint8Array())).toEqual({ code: "EMPTY" });
    expect(decodeGiasFile(new TextEncoder().encode("\uFEFF  \r\n"))).toEqual({ code: "EMPTY" });
    expect(decodeGiasFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ code: "NOT_TEXT" });
    expect(decodeGiasFile(Uint8Array.from([0x41, 0x81, 0x42]))).toEqual({ code: "NOT_TEXT" });
  });

  it("reads dd-mm-yyyy dates, and nothing that is not a real day", () => {
    expect(parseGiasDate("05-11-2014")).toBe("2014-11-05");
    expect(parseGiasDate("29-02-2024")).toBe("2024-02-29");
    expect(parseGiasDate("29-02-2023")).toBeNull();
    expect(parseGiasDate("2014-11-05")).toBeNull();
    expect(parseGiasDate("")).toBeNull();
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-");
        expect(parseGiasDate(`${day}-${m}-${y}`)).toBe(iso);
      }),
    );
  });

  it("finds columns by name in any order, keeps leading zeros and codes as text", () => {
    const csv = giasCsv(
      [giasSchool({ URN: "100492", "LA (code)": "020", EstablishmentName: "St Thomas' CofE Primary School", NumberOfPupils: "" })],
      ["NumberOfPupils", "EstablishmentName", "LA (code)", "URN", "Postcode"],
    );
    const parsed = parseGias(csv);
    expect(parsed).toMatchObject({
      totalRows: 1,
      rows: [{ urn: "100492", laCode: "020", name: "St Thomas' CofE Primary School", numberOnRoll: null, status: "open" }],
    });
    expect(parseGias(giasCsv([{ x: "1" }], ["x", "LA (code)"]))).toEqual({ code: "MISSING_COLUMNS", columns: ["URN", "EstablishmentName"] });
  });

  it("maps GIAS phases and types to the service's, maintained or not", () => {
    expect(phaseFromGias("Middle deemed secondary", "", "")).toBe("secondary");
    expect(phaseFromGias("16 plus", "", "")).toBe("post_16");
    expect(phaseFromGias("Not applicable", "Pupil referral unit", "Local authority maintained schools")).toBe("special");
    expect(typeFromGias("Voluntary aided school", "Local authority maintained schools")).toEqual({ establishmentType: "la_maintained", laMaintained: true });
    expect(typeFromGias("Academy converter", "Academies")).toEqual({ establishmentType: "academy", laMaintained: false });
    expect(typeFromGias("Free schools", "Free Schools")).toEqual({ establishmentType: "free", laMaintained: false });
    expect(typeFromGias("Community special school", "Special schools")).toEqual({ establishmentType: "special", laMaintained: true });
    expect(typeFromGias("Non-maintained special school", "Special schools")).toEqual({ establishmentType: "special", laMaintained: false });
    expect(typeFromGias("Other independent school", "Independent schools")).toEqual({ establishmentType: "independent", laMaintained: false });
  });
});

describe("comparing a file with the schools held", () => {
  const stored = (over: Partial<StoredSchool>): StoredSchool => ({
    id: "s1",
    urn: "100001",
    name: "Alcester Primary",
    phase: "primary",
    typeName: "Community school",
    establishmentType: "la_maintained",
    laMaintained: true,
    numberOnRoll: 200,
    status: "open",
    postcode: "B49 5AA",
    town: "Alcester",
    lastOfstedInspection: null,
    ...over,
  });
  const row = (over: Record<string, string>) => {
    const parsed = parseGias(
      giasCsv([giasSchool({ URN: "100001", "LA (code)": "938", EstablishmentName: "Alcester Primary", NumberOfPupils: "200", ...over })]),
    );
    if ("code" in parsed) throw new Error(parsed.code);
    return parsed.rows[0];
  };

  it("is idempotent: a school matching its row is unchanged", () => {
    const d = diffGias({ laCode: "938", ours: [stored({})], heldElsewhere: new Set(), rows: [row({})] });
    expect(d).toMatchObject({ added: [], changed: [], closed: [], unchanged: 1 });
  });

  it("lists each changed field, closes closed schools and schools moved to another LA", () => {
    const changed = diffGias({ laCode: "938", ours: [stored({})], heldElsewhere: new Set(), rows: [row({ Postcode: "B49 6ZZ", NumberOfPupils: "" })] });
    expect(changed.changed[0].fields).toEqual([{ field: "postcode", before: "B49 5AA", after: "B49 6ZZ" }]);
    const closed = diffGias({ laCode: "938", ours: [stored({})], heldElsewhere: new Set(), rows: [row({ "EstablishmentStatus (name)": "Closed" })] });
    expect(closed.closed[0].fields).toEqual([{ field: "status", before: "open", after: "closed" }]);
    const moved = diffGias({ laCode: "938", ours: [stored({})], heldElsewhere: new Set(), rows: [row({ "LA (code)": "937" })] });
    expect(moved.closed[0]).toMatchObject({ movedToLaCode: "937" });
  });

  it("adds an open school, never a closed one nor one another authority holds", () => {
    const d = diffGias({
      laCode: "938",
      ours: [],
      heldElsewhere: new Set(["100003"]),
      rows: [
        row({ URN: "100002" }),
        row({ URN: "100004", "EstablishmentStatus (name)": "Closed" }),
        row({ URN: "100003" }),
        row({ URN: "100005", "LA (code)": "201" }),
      ],
    });
    expect(d.added.map((r) => r.urn)).toEqual(["100002"]);
    expect(d).toMatchObject({ closedNotHeld: 1, heldElsewhere: ["100003"] });
  });

  it("adds a newer Ofsted inspection date as a change, never an older one", () => {
    const newer = diffGias({
      laCode: "938",
      ours: [stored({ lastOfstedInspection: "2019-01-01" })],
      heldElsewhere: new Set(),
      rows: [row({ OfstedLastInsp: "05-11-2024" })],
    });
    expect(newer.changed[0].fields).toEqual([{ field: "lastOfstedInspection", before: "2019-01-01", after: "2024-11-05" }]);
    const older = diffGias({
      laCode: "938",
      ours: [stored({ lastOfstedInspection: "2019-01-01" })],
      heldElsewhere: new Set(),
      rows: [row({ OfstedLastInsp: "05-11-2014" })],
    });
    expect(older.unchanged).toBe(1);
  });
});
