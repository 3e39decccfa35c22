import { eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { nationOf } from "~/domain/categories/set-category.server";
import { normaliseCategory } from "~/domain/categories/rules";
import { loadFormula, requireFundingOfficer } from "./load-formula.server";
import type { FormulaPart } from "./rules";

const { fundingFormulas } = schema;

/** At most this many parts: more than any authority's paper needs, few enough to read. */
export const MAX_PARTS = 20;

export type ChangeFormulaPartsOptions = { actor: Actor; authorityId: string; formulaId: string; change: { add: FormulaPart } | { remove: number } };

/** Add a part to, or remove one from, a version that has not been applied. */
export async function changeFormulaParts(db: Queryable, { actor, authorityId, formulaId, change }: ChangeFormulaPartsOptions) {
  requireFundingOfficer(actor, authorityId);
  let added: FormulaPart | null = null;
  if ("add" in change) {
    added = change.add;
    if (added.kind === "category") {
      const category = normaliseCategory(await nationOf(db, authorityId), added.category);
      if (!category) throw new AppError("INVALID_INPUT", t("funding.error.category"));
      added = { ...added, category };
    }
  }
  return db.transaction(async (tx) => {
    const formula = await loadFormula(tx, { authorityId, formulaId, lock: true });
    if (formula.appliedAt) throw new AppError("INVALID_STATE", t("funding.error.applied"));
    const before = formula.parts;
    let after: FormulaPart[];
    if (added) {
      if (before.length >= MAX_PARTS) throw new AppError("INVALID_INPUT", t("funding.error.tooManyParts", { max: MAX_PARTS }));
      after = [...before, added];
    } else {
      const index = (change as { remove: number }).remove;
      if (!Number.isInteger(index) || index < 0 || index >= before.length) throw new AppError("NOT_FOUND", t("funding.error.partNotFound"));
      after = before.filter((_, i) => i !== index);
    }
    await tx.update(fundingFormulas).set({ parts: after }).where(eq(fundingFormulas.id, formula.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "funding.formula.parts",
      entityType: "funding_formula",
      entityId: formula.id,
      before: { parts: before },
      after: { parts: after },
    });
    return { id: formula.id };
  });
}
