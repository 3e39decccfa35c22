import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { loadFormula, requireFundingOfficer } from "./load-formula.server";

const { fundingFormulas } = schema;

export type ReviseFormulaOptions = { actor: Actor; authorityId: string; formulaId: string };

/** A new version of the year's latest, applied formula, with its parts to edit: applying it posts only the difference. */
export async function reviseFormula(db: Queryable, { actor, authorityId, formulaId }: ReviseFormulaOptions) {
  requireFundingOfficer(actor, authorityId);
  return db.transaction(async (tx) => {
    const formula = await loadFormula(tx, { authorityId, formulaId, lock: true });
    if (!formula.latest) throw new AppError("INVALID_STATE", t("funding.error.notLatest"));
    if (!formula.appliedAt) throw new AppError("INVALID_STATE", t("funding.error.notApplied"));
    const version = formula.version + 1;
    const [row] = await tx
      .insert(fundingFormulas)
      .values({ authorityId, financialYear: formula.financialYear, version, parts: formula.parts, createdBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: fundingFormulas.id });
    if (!row) throw new AppError("CONFLICT", t("funding.error.notLatest"));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "funding.formula.revise",
      entityType: "funding_formula",
      entityId: row.id,
      before: { formulaId, version: formula.version },
      after: { version },
    });
    return row;
  });
}
