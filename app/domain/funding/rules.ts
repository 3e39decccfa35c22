// Funding formulas and memoranda of understanding (no I/O here).
// The parts come from the source papers: Warwickshire devolved a fixed amount by consortium size
// (chair £6,000 under 15 schools, £12,000 at 15 or more; consortium £24,200 / £28,200) and
// differentiated funding per pupil for schools in categories 3A to 4; Walsall's council put in
// £500,000 split per pupil across primary and secondary, match funded by the schools that sign
// the year's memorandum of understanding.
import { z } from "zod";
import { PHASES } from "#db/schema/tenancy-vocabulary";
import { allocateLargestRemainder } from "~/domain/ledger/allocate";

// Devolved consortium funding by size, as Warwickshire set it in December 2013.
export const CONSORTIUM_FUNDING = { smallPence: 2_420_000, largePence: 2_820_000, largeFromSchools: 15 } as const;

export const consortiumFundingPence = (schools: number) =>
  schools >= CONSORTIUM_FUNDING.largeFromSchools ? CONSORTIUM_FUNDING.largePence : CONSORTIUM_FUNDING.smallPence;

/* Financial years: April to March, named "2026-27". */

const YEAR = /^(\d{4})-(\d{2})$/;

/** "2026-27" when it names a real financial year (the second half follows the first). */
export function isFinancialYear(value: string): boolean {
  const m = YEAR.exec(value);
  return !!m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100 && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** The financial year a day (yyyy-mm-dd) falls in: 31 March 2027 is in "2026-27", 1 April 2027 in "2027-28". */
export function financialYearOf(day: string): string {
  const [y, m] = day.split("-").map(Number);
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The first and last days of a financial year. */
export function financialYearDays(year: string): { start: string; end: string } {
  const start = Number(year.slice(0, 4));
  return { start: `${start}-04-01`, end: `${start + 1}-03-31` };
}

/** The financial year after this one. */
export const nextFinancialYear = (year: string) => financialYearOf(`${Number(year.slice(0, 4)) + 1}-04-01`);

/* The parts an officer combines. */

export { PHASES };

export const PART_KINDS = ["size_band", "per_pupil", "category", "match"] as const;
export type PartKind = (typeof PART_KINDS)[number];
export const PER_PUPIL_BASES = ["total", "rate"] as const;

const pence = z.number().int().min(0).max(1_000_000_000);
export const FormulaPartSchema = z.discriminatedUnion("kind", [
  /** A fixed amount to each consortium: `belowPence` under `fromSchools` schools, `fromPence` at that size or more. */
  z.object({ kind: z.literal("size_band"), label: z.string().max(100), fromSchools: z.number().int().min(1).max(1000), belowPence: pence, fromPence: pence }),
  /** Per pupil, for the schools of one phase or all: a total shared by pupils, or a rate for each pupil. */
  z.object({ kind: z.literal("per_pupil"), label: z.string().max(100), phase: z.enum(["all", ...PHASES]), basis: z.enum(PER_PUPIL_BASES), amountPence: pence }),
  /** Per pupil for each school in a category that triggers differentiated funding. */
  z.object({ kind: z.literal("category"), label: z.string().max(100), category: z.string().max(10), ratePence: pence }),
  /** Per pupil from each school whose head has signed the year's memorandum, into its consortium's pot. */
  z.object({ kind: z.literal("match"), label: z.string().max(100), ratePence: pence }),
]);
export type FormulaPart = z.infer<typeof FormulaPartSchema>;

/** Stored parts, read back; anything that does not parse is left out rather than trusted. */
export const readParts = (value: unknown): FormulaPart[] => {
  const parsed = z.array(FormulaPartSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
};

/** A maintained school with a cost centre has its match recharged to its budget share, unless the authority invoices it; any other school is invoiced. */
export const paysMatchByRecharge = (school: { laMaintained: boolean; costCentre: string | null; byInvoice: boolean }) =>
  school.laMaintained && !!school.costCentre && !school.byInvoice;

export type SchoolInput = {
  id: string;
  name: string;
  consortiumId: string;
  pupils: number;
  phase: string;
  category: string | null;
  signedMou: boolean;
  /** A maintained school with a cost centre pays its match by internal recharge, any other by invoice. */
  byRecharge: boolean;
};
export type ConsortiumInput = { id: string; name: string };

/** How one part reached one amount, for the preview and the CSV. */
export type Working =
  | { kind: "size_band"; schools: number; fromSchools: number; amountPence: number; large: boolean }
  | { kind: "per_pupil_total"; pupils: number; eligiblePupils: number; totalPence: number; amountPence: number }
  | { kind: "per_pupil_rate"; pupils: number; ratePence: number; amountPence: number }
  | { kind: "category"; category: string; pupils: number; ratePence: number; amountPence: number }
  | { kind: "match"; pupils: number; ratePence: number; amountPence: number };

export type PartAmount = { part: number; amountPence: number; working: Working };

/** A school as it came in (its id named schoolId), with what it brings to its consortium's pot. */
export type SchoolAllocation = Omit<SchoolInput, "id"> & {
  schoolId: string;
  /** The authority's money this school brings to its consortium's pot, by part. */
  parts: PartAmount[];
  authorityPence: number;
  /** What the school puts into the pot itself. */
  match: PartAmount[];
  matchPence: number;
};

export type ConsortiumAllocation = {
  consortiumId: string;
  name: string;
  schools: number;
  /** Parts paid to the consortium as a whole (by size). */
  parts: PartAmount[];
  /** Everything the authority pays into this pot: its own parts and its schools'. */
  authorityPence: number;
  matchPence: number;
  totalPence: number;
};

export type Allocation = { consortia: ConsortiumAllocation[]; schools: SchoolAllocation[]; authorityPence: number; matchPence: number; totalPence: number };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const perPupil = (pupils: number, ratePence: number) => pupils * ratePence;

/** A consortium's fixed amount from a size band: 14 schools are under a band from 15. */
export const sizeBandPence = (schools: number, part: { fromSchools: number; belowPence: number; fromPence: number }) =>
  schools >= part.fromSchools ? part.fromPence : part.belowPence;

/**
 * Every consortium's and school's amount under the parts. Consortia without schools get nothing
 * by size (there is nobody to spend it); a per-pupil total is shared among the schools of its phase
 * by largest remainder, so it is allocated to the penny.
 */
export function allocate(parts: readonly FormulaPart[], consortia: readonly ConsortiumInput[], schools: readonly SchoolInput[]): Allocation {
  const known = new Set(consortia.map((c) => c.id));
  const members = schools.filter((s) => known.has(s.consortiumId));
  const schoolParts = new Map<string, PartAmount[]>(members.map((s) => [s.id, []]));
  const matchParts = new Map<string, PartAmount[]>(members.map((s) => [s.id, []]));
  const consortiumParts = new Map<string, PartAmount[]>(consortia.map((c) => [c.id, []]));
  const count = new Map<string, number>();
  for (const s of members) count.set(s.consortiumId, (count.get(s.consortiumId) ?? 0) + 1);

  parts.forEach((part, index) => {
    switch (part.kind) {
      case "size_band":
        for (const c of consortia) {
          const n = count.get(c.id) ?? 0;
          if (n === 0) continue;
          const amountPence = sizeBandPence(n, part);
          consortiumParts.get(c.id)!.push({
            part: index,
            amountPence,
            working: { kind: "size_band", schools: n, fromSchools: part.fromSchools, amountPence, large: n >= part.fromSchools },
          });
        }
        break;
      case "per_pupil": {
        const eligible = members.filter((s) => part.phase === "all" || s.phase === part.phase);
        if (part.basis === "rate") {
          for (const s of eligible) {
            const amountPence = perPupil(s.pupils, part.amountPence);
            schoolParts
              .get(s.id)!
              .push({ part: index, amountPence, working: { kind: "per_pupil_rate", pupils: s.pupils, ratePence: part.amountPence, amountPence } });
          }
          break;
        }
        const eligiblePupils = sum(eligible.map((s) => s.pupils));
        if (eligiblePupils === 0) break;
        const shares = allocateLargestRemainder(
          part.amountPence,
          eligible.map((s) => s.pupils),
        );
        eligible.forEach((s, i) =>
          schoolParts.get(s.id)!.push({
            part: index,
            amountPence: shares[i],
            working: { kind: "per_pupil_total", pupils: s.pupils, eligiblePupils, totalPence: part.amountPence, amountPence: shares[i] },
          }),
        );
        break;
      }
      case "category":
        for (const s of members.filter((m) => m.category === part.category)) {
          const amountPence = perPupil(s.pupils, part.ratePence);
          schoolParts.get(s.id)!.push({
            part: index,
            amountPence,
            working: { kind: "category", category: part.category, pupils: s.pupils, ratePence: part.ratePence, amountPence },
          });
        }
        break;
      case "match":
        for (const s of members.filter((m) => m.signedMou)) {
          const amountPence = perPupil(s.pupils, part.ratePence);
          matchParts.get(s.id)!.push({ part: index, amountPence, working: { kind: "match", pupils: s.pupils, ratePence: part.ratePence, amountPence } });
        }
        break;
    }
  });

  const schoolRows: SchoolAllocation[] = members.map((s) => {
    const own = schoolParts.get(s.id)!;
    const match = matchParts.get(s.id)!;
    return {
      schoolId: s.id,
      name: s.name,
      consortiumId: s.consortiumId,
      pupils: s.pupils,
      phase: s.phase,
      category: s.category,
      signedMou: s.signedMou,
      byRecharge: s.byRecharge,
      parts: own,
      authorityPence: sum(own.map((p) => p.amountPence)),
      match,
      matchPence: sum(match.map((p) => p.amountPence)),
    };
  });
  const consortiumRows: ConsortiumAllocation[] = consortia.map((c) => {
    const own = consortiumParts.get(c.id)!;
    const theirs = schoolRows.filter((s) => s.consortiumId === c.id);
    const authorityPence = sum(own.map((p) => p.amountPence)) + sum(theirs.map((s) => s.authorityPence));
    const matchPence = sum(theirs.map((s) => s.matchPence));
    return { consortiumId: c.id, name: c.name, schools: theirs.length, parts: own, authorityPence, matchPence, totalPence: authorityPence + matchPence };
  });
  const authorityPence = sum(consortiumRows.map((c) => c.authorityPence));
  const matchPence = sum(consortiumRows.map((c) => c.matchPence));
  return { consortia: consortiumRows, schools: schoolRows, authorityPence, matchPence, totalPence: authorityPence + matchPence };
}

/* What applying posts: one line per pot (the authority's money) and one per school (its match). */

export type PostingLine = { key: string; kind: "authority" | "match"; consortiumId: string; schoolId: string | null; amountPence: number };

export function postingLines(allocation: Allocation): PostingLine[] {
  return [
    ...allocation.consortia
      .filter((c) => c.authorityPence !== 0)
      .map((c) => ({
        key: `consortium:${c.consortiumId}`,
        kind: "authority" as const,
        consortiumId: c.consortiumId,
        schoolId: null,
        amountPence: c.authorityPence,
      })),
    ...allocation.schools
      .filter((s) => s.matchPence !== 0)
      .map((s) => ({ key: `match:${s.schoolId}`, kind: "match" as const, consortiumId: s.consortiumId, schoolId: s.schoolId, amountPence: s.matchPence })),
  ];
}

/**
 * What a version must post, given what earlier versions of the year posted per line: the
 * difference, as adjusting lines (negative takes money back). Lines already right post nothing.
 */
export function adjustments(target: readonly PostingLine[], posted: ReadonlyMap<string, PostingLine>): PostingLine[] {
  const byKey = new Map(target.map((l) => [l.key, l]));
  const keys = [...new Set([...byKey.keys(), ...posted.keys()])].sort();
  const out: PostingLine[] = [];
  for (const key of keys) {
    const want = byKey.get(key);
    const had = posted.get(key);
    const delta = (want?.amountPence ?? 0) - (had?.amountPence ?? 0);
    if (delta !== 0) out.push({ ...(want ?? had)!, amountPence: delta });
  }
  return out;
}

/* What applying raises for each school's match: a document the school sees, not only a ledger line. */

/** A match-funding invoice of the year a school still holds, with what a credit note may yet take off it. */
export type HeldInvoice = { invoiceId: string; number: string; creditablePence: number };

/** What the year's earlier versions raised for a school, and how it pays now. */
export type MatchHolding = {
  /** A maintained school with a cost centre, not on invoice for its match: recharged. */
  byRecharge: boolean;
  /** Its match-funding invoices of the year, newest first. */
  invoices: HeldInvoice[];
  /** Whether any earlier version recharged it. */
  recharged: boolean;
};

export type MatchCredit = { invoiceId: string; number: string; amountPence: number };

/**
 * How one school's match line is raised: an invoice, a recharge line (negative when a revision
 * lowers a recharged school's match), credit notes against its invoices of the year, or, when a
 * lower amount finds nothing raised before to credit, the ledger only.
 */
export type MatchDocument =
  | { schoolId: string; how: "invoice"; amountPence: number }
  | { schoolId: string; how: "recharge"; amountPence: number }
  | { schoolId: string; how: "credit_note"; amountPence: number; credits: MatchCredit[] }
  | { schoolId: string; how: "ledger_only"; amountPence: number };

export type MatchHow = MatchDocument["how"];

/** The school's account the ledger charges for a document: the recharge clearing account or its receivable. */
export const chargedByRecharge = (doc: MatchDocument, holding: Pick<MatchHolding, "byRecharge">) =>
  doc.how === "recharge" || (doc.how === "ledger_only" && holding.byRecharge);

/** How many of each document a version raises: invoices, recharge lines, credit notes and lines in the ledger only. */
export function countDocuments(documents: readonly { how: MatchHow; credits?: readonly unknown[] }[]): Record<MatchHow, number> {
  const counts: Record<MatchHow, number> = { invoice: 0, recharge: 0, credit_note: 0, ledger_only: 0 };
  for (const d of documents) counts[d.how] += d.how === "credit_note" ? (d.credits?.length ?? 0) : 1;
  return counts;
}

/**
 * The documents a version's match lines raise. More than before is raised the way the school pays
 * now (an invoice, or a recharge line). Less is given back the way it was raised: credit notes on
 * the school's invoices of the year, newest first, each up to what is left on it (what remains
 * falls on the newest, which then owes the school money back); else a negative recharge line.
 */
export function matchDocuments(lines: readonly PostingLine[], holdings: ReadonlyMap<string, MatchHolding>): MatchDocument[] {
  return lines
    .filter((l) => l.kind === "match" && l.schoolId && l.amountPence !== 0)
    .map((line): MatchDocument => {
      const schoolId = line.schoolId!;
      const holding = holdings.get(schoolId) ?? { byRecharge: false, invoices: [], recharged: false };
      const amountPence = line.amountPence;
      if (amountPence > 0) return { schoolId, how: holding.byRecharge ? "recharge" : "invoice", amountPence };
      if (holding.invoices.length > 0) {
        let left = -amountPence;
        const credits: MatchCredit[] = [];
        for (const invoice of holding.invoices) {
          const take = Math.min(left, Math.max(invoice.creditablePence, 0));
          if (take > 0) credits.push({ invoiceId: invoice.invoiceId, number: invoice.number, amountPence: take });
          left -= take;
        }
        if (left > 0) {
          const newest = holding.invoices[0];
          const onNewest = credits.find((c) => c.invoiceId === newest.invoiceId);
          if (onNewest) onNewest.amountPence += left;
          else credits.unshift({ invoiceId: newest.invoiceId, number: newest.number, amountPence: left });
        }
        return { schoolId, how: "credit_note", amountPence, credits };
      }
      if (holding.recharged || holding.byRecharge) return { schoolId, how: "recharge", amountPence };
      return { schoolId, how: "ledger_only", amountPence };
    });
}

/* The memorandum of understanding. */

/** A school counts as signed when its head signed the latest version published for the year. */
export const hasSignedLatest = (latestVersion: number | null, signedVersions: readonly number[]) =>
  latestVersion !== null && signedVersions.includes(latestVersion);

export type ReminderKind = "month_before" | "year_start";

/**
 * Which reminder a day calls for, for the memorandum of a year: in March before the year starts
 * (a month before), and in April when it has started (the start of the year); none otherwise.
 */
export function reminderDue(day: string, year: string): ReminderKind | null {
  const { start } = financialYearDays(year);
  const startYear = Number(start.slice(0, 4));
  if (day >= `${startYear}-03-01` && day < start) return "month_before";
  if (day >= start && day <= `${startYear}-04-30`) return "year_start";
  return null;
}
