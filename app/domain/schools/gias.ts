// Reading the establishment file that Get Information about Schools publishes. Pure: bytes in,
// establishments or a reason out. Columns move between years, so they are found by name.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { EstablishmentType, GiasEstablishment } from "~/db.server";

export type GiasProblem =
  | { code: "EMPTY" }
  | { code: "NOT_TEXT" }
  | { code: "NOT_CSV"; line: number }
  | { code: "MISSING_COLUMNS"; columns: string[] }
  | { code: "NO_ROWS" };

export type DecodedFile = { text: string; encoding: "utf-8" | "windows-1252" };

/**
 * The file's text: UTF-8 when the bytes are valid UTF-8 (GIAS files opened and saved again often
 * are), Windows-1252 otherwise (as GIAS publishes them). Binary files and UTF-16 are refused.
 */
export function decodeGiasFile(bytes: Uint8Array): DecodedFile | GiasProblem {
  if (bytes.length === 0) return { code: "EMPTY" };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) return { code: "NOT_TEXT" };
  let decoded: DecodedFile;
  try {
    decoded = { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Node's own TextDecoder reads "windows-1252" as Latin-1 (0x92 becomes a control character, not ’).
    decoded = { text: iconv.decode(Buffer.from(bytes), "win1252"), encoding: "windows-1252" };
  }
  // Control characters (and the five bytes Windows-1252 leaves undefined, decoded as U+FFFD) do not occur in a CSV file.
  // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
  if (/[\x01-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFD]/.test(decoded.text)) return { code: "NOT_TEXT" };
  if (decoded.text.replace(/^\uFEFF/, "").trim() === "") return { code: "EMPTY" };
  return decoded;
}

const COLUMNS = {
  urn: "URN",
  laCode: "LA (code)",
  name: "EstablishmentName",
  typeName: "TypeOfEstablishment (name)",
  typeGroup: "EstablishmentTypeGroup (name)",
  status: "EstablishmentStatus (name)",
  closeDate: "CloseDate",
  phaseName: "PhaseOfEducation (name)",
  pupils: "NumberOfPupils",
  postcode: "Postcode",
  town: "Town",
  ofstedLastInsp: "OfstedLastInsp",
  ofstedRating: "OfstedRating (name)",
} as const;
const REQUIRED: (keyof typeof COLUMNS)[] = ["urn", "laCode", "name"];

/** dd-mm-yyyy (GIAS) to YYYY-MM-DD; null when empty or not a real day. */
export function parseGiasDate(value: string | undefined): string | null {
  const match = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec((value ?? "").trim());
  if (!match) return null;
  const [, dd, mm, yyyy] = match;
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (date.getUTCFullYear() !== Number(yyyy) || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/** The house's phase for GIAS's "PhaseOfEducation (name)", the type deciding where GIAS says "Not applicable". */
export function phaseFromGias(phaseName: string, typeName: string, typeGroup: string): GiasEstablishment["phase"] {
  const phase = phaseName.trim().toLowerCase();
  if (phase === "nursery") return "nursery";
  if (phase === "primary" || phase === "middle deemed primary") return "primary";
  if (phase === "secondary" || phase === "middle deemed secondary") return "secondary";
  if (phase === "all-through" || phase === "all through") return "all_through";
  if (phase === "16 plus") return "post_16";
  const type = `${typeName} ${typeGroup}`.toLowerCase();
  if (/college|universit|16-19|sixth form/.test(type)) return "post_16";
  if (/special|pupil referral|alternative provision/.test(type)) return "special";
  return "all_through";
}

/** The house's establishment type and whether the authority maintains it, from GIAS's type and type group. */
export function typeFromGias(typeName: string, typeGroup: string): { establishmentType: EstablishmentType; laMaintained: boolean } {
  const type = typeName.trim().toLowerCase();
  const group = typeGroup.trim().toLowerCase();
  if (group.startsWith("free school") || type.startsWith("free school")) return { establishmentType: "free", laMaintained: false };
  if (group.startsWith("academ") || type.startsWith("academy")) return { establishmentType: "academy", laMaintained: false };
  if (group.startsWith("independent") || type.includes("independent")) return { establishmentType: "independent", laMaintained: false };
  if (group.startsWith("college") || group.startsWith("universit")) return { establishmentType: "post_16_college", laMaintained: false };
  if (type.includes("non-maintained")) return { establishmentType: "special", laMaintained: false };
  if (type.includes("special") || type.includes("pupil referral"))
    return { establishmentType: "special", laMaintained: /maintained|special schools|welsh/.test(group) };
  if (type.includes("nursery")) return { establishmentType: "nursery", laMaintained: /maintained|welsh/.test(group) };
  if (/la maintained|local authority maintained|welsh schools/.test(group)) return { establishmentType: "la_maintained", laMaintained: true };
  return { establishmentType: "other", laMaintained: false };
}

const clean = (value: string | undefined) => {
  const v = (value ?? "").trim();
  return v === "" || v.toLowerCase() === "not applicable" ? null : v;
};

export type ParsedGias = { totalRows: number; rows: GiasEstablishment[] };

/**
 * Every establishment of the file that `keep` accepts (the authority's, and any it holds by URN),
 * so a national file of 50,000 rows is not kept whole.
 */
export function parseGias(text: string, keep: (row: { urn: string; laCode: string }) => boolean = () => true): ParsedGias | GiasProblem {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { code: "NOT_CSV", line };
  }
  if (records.length === 0) return { code: "EMPTY" };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([key, name]) => [key, header.indexOf(name.toLowerCase())])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  const missing = REQUIRED.filter((key) => index[key] === -1).map((key) => COLUMNS[key]);
  if (missing.length) return { code: "MISSING_COLUMNS", columns: missing };
  if (records.length === 1) return { code: "NO_ROWS" };

  const rows: GiasEstablishment[] = [];
  let totalRows = 0;
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    const get = (key: keyof typeof COLUMNS) => (index[key] === -1 ? undefined : record[index[key]]);
    const urn = (get("urn") ?? "").trim();
    if (!/^\d{1,10}$/.test(urn)) continue;
    totalRows++;
    const laCode = (get("laCode") ?? "").trim();
    if (!keep({ urn, laCode })) continue;
    const typeName = (get("typeName") ?? "").trim();
    const typeGroup = (get("typeGroup") ?? "").trim();
    const phaseName = (get("phaseName") ?? "").trim();
    const pupils = (get("pupils") ?? "").trim();
    rows.push({
      urn,
      laCode,
      name: (get("name") ?? "").trim().replace(/\s+/g, " "),
      phase: phaseFromGias(phaseName, typeName, typeGroup),
      phaseName,
      ...typeFromGias(typeName, typeGroup),
      typeName,
      status: /^closed/i.test((get("status") ?? "").trim()) ? "closed" : "open",
      closedOn: parseGiasDate(get("closeDate")),
      numberOnRoll: /^\d{1,7}$/.test(pupils) ? Number(pupils) : null,
      postcode: clean(get("postcode"))?.toUpperCase() ?? null,
      town: clean(get("town")),
      ofstedLastInspection: parseGiasDate(get("ofstedLastInsp")),
      ofstedRating: clean(get("ofstedRating")),
    });
  }
  if (totalRows === 0) return { code: "NO_ROWS" };
  return { totalRows, rows };
}

export const isGiasProblem = (value: object): value is GiasProblem => "code" in value;
