import { and, eq, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { fundPot, matchFundPot } from "./allocate-funding.server";
import { workOut } from "./allocation-inputs.server";
import { loadFormula, requireFundingOfficer } from "./load-formula.server";
import { matchHoldings, raiseMatchDocuments } from "./match-documents.server";
import { adjustments, chargedByRecharge, countDocuments, matchDocuments, postingLines, type Allocation, type PostingLine } from "./rules";
import { message } from "~/domain/ledger/described";

const { fundingAllocations, fundingFormulas } = schema;

/** What earlier versions of the year posted, per line. */
export async function postedSoFar(db: Queryable, authorityId: string, year: string): Promise<Map<string, PostingLine>> {
  const rows = await db
    .select({
      key: fundingAllocations.lineKey,
      kind: fundingAllocations.kind,
      consortiumId: fundingAllocations.consortiumId,
      schoolId: fundingAllocations.schoolId,
      amountPence: sql<string>`sum(${fundingAllocations.amountPence})`,
    })
    .from(fundingAllocations)
    .where(and(eq(fundingAllocations.authorityId, authorityId), eq(fundingAllocations.financialYear, year)))
    .groupBy(fundingAllocations.lineKey, fundingAllocations.kind, fundingAllocations.consortiumId, fundingAllocations.schoolId);
  return new Map(rows.map((r) => [r.key, { ...r, amountPence: Number(r.amountPence) }]));
}

/**
 * The allocation of a version as it would be applied now, the lines applying it would post, and
 * the document each school's match line raises (invoice, recharge line or credit note).
 */
export async function planApplication(db: Queryable, authorityId: string, formula: { financialYear: string; parts: unknown }) {
  const allocation: Allocation & { day: string } = await workOut(db, authorityId, formula.financialYear, formula.parts);
  const lines = adjustments(postingLines(allocation), await postedSoFar(db, authorityId, formula.financialYear));
  const holdings = await matchHoldings(
    db,
    authorityId,
    formula.financialYear,
    lines.flatMap((l) => (l.kind === "match" && l.schoolId ? [l.schoolId] : [])),
  );
  return { allocation, lines, holdings, documents: matchDocuments(lines, holdings) };
}

export type ApplyFormulaOptions = { actor: Actor; authorityId: string; formulaId: string; now?: Date };

/**
 * Post a version's allocation, once: one balanced entry per line, from the authority's funding to
 * each pot and from each signed school to its pot. A version after the first posts only the
 * difference from what the year's earlier versions posted. Applying an applied version changes nothing.
 */
export async function applyFormula(db: Queryable, { actor, authorityId, formulaId, now = new Date() }: ApplyFormulaOptions) {
  requireFundingOfficer(actor, authorityId);
  return db.transaction(async (tx) => {
    const formula = await loadFormula(tx, { authorityId, formulaId, lock: true });
    if (formula.appliedAt) return { formulaId: formula.id, replay: true, lines: [] as PostingLine[] };
    if (!formula.latest) throw new AppError("INVALID_STATE", t("funding.error.notLatest"));
    if (formula.parts.length === 0) throw new AppError("INVALID_STATE", t("funding.error.noParts"));
    const { allocation, lines, holdings, documents } = await planApplication(tx, authorityId, formula);
    const documentOf = new Map(documents.map((d) => [d.schoolId, d]));
    const byRecharge = (schoolId: string) => chargedByRecharge(documentOf.get(schoolId)!, holdings.get(schoolId) ?? { byRecharge: false });
    const year = formula.financialYear;
    const names = new Map([
      ...allocation.consortia.map((c) => [c.consortiumId, c.name] as const),
      ...allocation.schools.map((s) => [s.schoolId, s.name] as const),
    ]);
    for (const line of lines) {
      const idempotencyKey = `funding:${formula.id}:${line.key}`;
      const amount = formatPence(line.amountPence);
      const entry =
        line.kind === "authority"
          ? await fundPot(tx, {
              authorityId,
              consortiumId: line.consortiumId,
              amountPence: line.amountPence,
              idempotencyKey,
              actorUserId: actor.id,
              at: now,
              description: message("funding.entry.authority", { year, version: formula.version, amount, consortium: names.get(line.consortiumId) ?? "" }),
            })
          : await matchFundPot(tx, {
              authorityId,
              consortiumId: line.consortiumId,
              schoolId: line.schoolId!,
              byRecharge: byRecharge(line.schoolId!),
              amountPence: line.amountPence,
              idempotencyKey,
              actorUserId: actor.id,
              at: now,
              description: message("funding.entry.match", { year, version: formula.version, amount, school: names.get(line.schoolId!) ?? "" }),
            });
      await tx.insert(fundingAllocations).values({
        authorityId,
        formulaId: formula.id,
        financialYear: year,
        lineKey: line.key,
        kind: line.kind,
        consortiumId: line.consortiumId,
        schoolId: line.schoolId,
        amountPence: line.amountPence,
        entryId: entry.entryId,
      });
    }
    // Each school's match is raised as a document it sees: an invoice, a recharge line or a credit note.
    await raiseMatchDocuments(tx, { authorityId, formula, actorUserId: actor.id, now }, documents);
    await tx
      .update(fundingFormulas)
      .set({ appliedAt: now, appliedBy: actor.id, allocation: allocation as unknown as Record<string, unknown> })
      .where(eq(fundingFormulas.id, formula.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "funding.formula.apply",
      entityType: "funding_formula",
      entityId: formula.id,
      after: {
        financialYear: year,
        version: formula.version,
        lines: lines.length,
        postedPence: lines.reduce((s, l) => s + l.amountPence, 0),
        authorityPence: allocation.authorityPence,
        matchPence: allocation.matchPence,
        documents: countDocuments(documents),
      },
    });
    return { formulaId: formula.id, replay: false, lines };
  });
}
