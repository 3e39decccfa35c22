import { and, asc, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { categoriesOf } from "~/domain/categories/rules";
import { nationOf } from "~/domain/categories/set-category.server";
import { planApplication } from "./apply-formula.server";
import { loadFormula, requireFundingOfficer } from "./load-formula.server";
import type { Allocation } from "./rules";

const { fundingFormulas } = schema;

export type FormulaPageOptions = { actor: Actor; authorityId: string; formulaId: string };

/**
 * A formula version with its preview: each consortium's and school's amount with the working and,
 * before it is applied, the lines applying it would post. An applied version shows what it posted.
 */
export async function formulaPage(db: Queryable, { actor, authorityId, formulaId }: FormulaPageOptions) {
  requireFundingOfficer(actor, authorityId);
  const formula = await loadFormula(db, { authorityId, formulaId });
  const versions = await db
    .select({ id: fundingFormulas.id, version: fundingFormulas.version, appliedAt: fundingFormulas.appliedAt })
    .from(fundingFormulas)
    .where(and(eq(fundingFormulas.authorityId, authorityId), eq(fundingFormulas.financialYear, formula.financialYear)))
    .orderBy(asc(fundingFormulas.version));
  const plan = formula.appliedAt ? null : await planApplication(db, authorityId, formula);
  const allocation = (plan?.allocation ?? formula.allocation) as (Allocation & { day: string }) | null;
  const names = new Map([
    ...(allocation?.consortia ?? []).map((c) => [c.consortiumId, c.name] as const),
    ...(allocation?.schools ?? []).map((s) => [s.schoolId, s.name] as const),
  ]);
  return {
    formula: {
      id: formula.id,
      financialYear: formula.financialYear,
      version: formula.version,
      parts: formula.parts,
      appliedAt: formula.appliedAt,
      latest: formula.latest,
    },
    versions,
    allocation,
    toPost: plan
      ? plan.lines.map((l) => ({ ...l, consortium: names.get(l.consortiumId) ?? "", school: l.schoolId ? (names.get(l.schoolId) ?? "") : null }))
      : null,
    /** What each school's match line raises: an invoice, a recharge line or credit notes, and for how much. */
    toRaise: plan
      ? plan.documents.map((d) => {
          const line = plan.lines.find((l) => l.kind === "match" && l.schoolId === d.schoolId)!;
          return {
            schoolId: d.schoolId,
            school: names.get(d.schoolId) ?? "",
            consortium: names.get(line.consortiumId) ?? "",
            how: d.how,
            amountPence: d.amountPence,
            credits: d.how === "credit_note" ? d.credits.map((c) => c.number) : [],
          };
        })
      : null,
    categories: categoriesOf(await nationOf(db, authorityId)),
  };
}
