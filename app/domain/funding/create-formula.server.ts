import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { requireFundingOfficer } from "./load-formula.server";
import { isFinancialYear, type FormulaPart } from "./rules";

const { fundingFormulas } = schema;

export type CreateFormulaOptions = { actor: Actor; authorityId: string; financialYear: string; parts?: FormulaPart[] };

/** The first version of a year's formula, empty (or with the given parts); a year that has one already is refused. */
export async function createFormula(db: Queryable, { actor, authorityId, financialYear, parts = [] }: CreateFormulaOptions) {
  requireFundingOfficer(actor, authorityId);
  if (!isFinancialYear(financialYear)) throw new AppError("INVALID_INPUT", t("funding.error.year"));
  return db.transaction(async (tx) => {
    // The unique version key settles two officers creating the same year at once.
    const [row] = await tx
      .insert(fundingFormulas)
      .values({ authorityId, financialYear, version: 1, parts, createdBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: fundingFormulas.id });
    if (!row) throw new AppError("CONFLICT", t("funding.error.yearExists", { year: financialYear }));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "funding.formula.create",
      entityType: "funding_formula",
      entityId: row.id,
      after: { financialYear, version: 1, parts },
    });
    return row;
  });
}
