import { asc, desc, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { requireFundingOfficer } from "./load-formula.server";
import { financialYearOf, nextFinancialYear } from "./rules";

const { fundingFormulas } = schema;

/** The authority's formulas, newest year first, and the years a new one can be made for (this one and the next). */
export async function listFormulas(db: Queryable, { actor, authorityId, today }: { actor: Actor; authorityId: string; today: string }) {
  requireFundingOfficer(actor, authorityId);
  const rows = await db
    .select({
      id: fundingFormulas.id,
      financialYear: fundingFormulas.financialYear,
      version: fundingFormulas.version,
      appliedAt: fundingFormulas.appliedAt,
      createdAt: fundingFormulas.createdAt,
    })
    .from(fundingFormulas)
    .where(eq(fundingFormulas.authorityId, authorityId))
    .orderBy(desc(fundingFormulas.financialYear), asc(fundingFormulas.version));
  const current = financialYearOf(today);
  const taken = new Set(rows.map((r) => r.financialYear));
  return { formulas: rows, years: [current, nextFinancialYear(current)].filter((y) => !taken.has(y)) };
}
