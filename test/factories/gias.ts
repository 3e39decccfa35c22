// Hand-made GIAS establishment files: every field quoted, as GIAS does, and encoded in Windows-1252.

export type GiasRow = Record<string, string>;

/** The columns a GIAS file of 2024 starts with, plus some it carries further on (read by name, so order is free). */
export const GIAS_COLUMNS = [
  "URN",
  "LA (code)",
  "LA (name)",
  "EstablishmentNumber",
  "EstablishmentName",
  "TypeOfEstablishment (name)",
  "EstablishmentTypeGroup (name)",
  "EstablishmentStatus (name)",
  "CloseDate",
  "PhaseOfEducation (name)",
  "NumberOfPupils",
  "PercentageFSM",
  "OfstedLastInsp",
  "Street",
  "Town",
  "Postcode",
  "OfstedRating (name)",
];

const WINDOWS_1252_EXTRA: Record<string, number> = { "€": 0x80, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97 };

/** Text as Windows-1252 bytes (Latin-1 below 256, the typographic quotes and dashes above 0x80). */
export function windows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    const byte = WINDOWS_1252_EXTRA[ch] ?? (code < 256 ? code : undefined);
    if (byte === undefined) throw new Error(`Not in Windows-1252: ${ch}`);
    bytes[i] = byte;
  }
  return bytes;
}

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** A GIAS CSV text with these columns (in this order) and rows; a missing field is empty. */
export function giasCsv(rows: GiasRow[], columns: string[] = GIAS_COLUMNS): string {
  return [columns.map(quote).join(","), ...rows.map((row) => columns.map((c) => quote(row[c] ?? "")).join(","))].join("\r\n") + "\r\n";
}

/** An open LA-maintained primary school row. */
export function giasSchool(overrides: GiasRow): GiasRow {
  return {
    "LA (name)": "Arden",
    EstablishmentNumber: "2001",
    "TypeOfEstablishment (name)": "Community school",
    "EstablishmentTypeGroup (name)": "Local authority maintained schools",
    "EstablishmentStatus (name)": "Open",
    "PhaseOfEducation (name)": "Primary",
    NumberOfPupils: "210",
    PercentageFSM: "12.5",
    Street: "Church Lane",
    Town: "Alcester",
    Postcode: "B49 5AA",
    ...overrides,
  };
}
