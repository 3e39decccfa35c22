import { and, desc, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";
import { readParts } from "./rules";

const { fundingFormulas } = schema;

/** Only the authority's administrators and finance officers work on its funding. */
export function requireFundingOfficer(actor: Actor, authorityId: string) {
  if (!can(actor.grants, "allocate:funding", { authorityId })) throw new AppError("FORBIDDEN", t("funding.error.forbidden"));
}

/**
 * A formula version of this authority (another authority's id finds nothing), with whether it is
 * the year's latest version. `lock` holds it for the transaction (applying, editing).
 */
export async function loadFormula(db: Queryable, { authorityId, formulaId, lock = false }: { authorityId: string; formulaId: string; lock?: boolean }) {
  const query = db
    .select()
    .from(fundingFormulas)
    .where(and(eq(fundingFormulas.id, isUuid(formulaId) ? formulaId : "00000000-0000-0000-0000-000000000000"), eq(fundingFormulas.authorityId, authorityId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("NOT_FOUND", t("funding.error.notFound"));
  const [latest] = await db
    .select({ version: fundingFormulas.version })
    .from(fundingFormulas)
    .where(and(eq(fundingFormulas.authorityId, authorityId), eq(fundingFormulas.financialYear, row.financialYear)))
    .orderBy(desc(fundingFormulas.version))
    .limit(1);
  return { ...row, parts: readParts(row.parts), latest: latest.version === row.version };
}
