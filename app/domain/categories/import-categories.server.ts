import { and, eq, inArray } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { readCategoryFile, type LineError } from "./category-file.server";
import { nationOf, recordCategory } from "./set-category.server";

const { schools, organisations } = schema;

export type ImportCategoriesOptions = { actor: Actor; authorityId: string; csv: string; apply: boolean; today: string };

/**
 * An la_admin imports categories from a CSV file: first a preview (each row with the school it
 * names and its category now), then, with `apply`, every row in one transaction. Any bad row
 * (unknown URN, another authority's school, a category of the other nation) stops it all.
 */
export async function importCategories(db: Database, { actor, authorityId, csv, apply, today }: ImportCategoriesOptions) {
  if (!can(actor.grants, "set:category", { authorityId }) || !actor.grants.some((g) => g.authorityId === authorityId && g.role === "la_admin"))
    throw new AppError("FORBIDDEN", t("refusal.categories.administratorsImportCategories"));
  const nation = await nationOf(db, authorityId);
  const { lines, errors } = readCategoryFile(csv, nation, today);
  const urns = [...new Set(lines.map((l) => l.urn))];
  const known = urns.length
    ? await db
        .select({ id: schools.organisationId, urn: schools.urn, name: organisations.name, category: schools.category })
        .from(schools)
        .innerJoin(organisations, eq(organisations.id, schools.organisationId))
        .where(and(eq(schools.authorityId, authorityId), inArray(schools.urn, urns)))
    : [];
  const byUrn = new Map(known.map((s) => [s.urn, s]));
  const unknown: LineError[] = lines
    .filter((l) => !byUrn.has(l.urn))
    .map((l) => ({ line: l.line, message: t("categoryImport.error.unknownUrn", { urn: l.urn }) }));
  const allErrors = [...errors, ...unknown].sort((a, b) => a.line - b.line);
  const rows = lines.filter((l) => byUrn.has(l.urn)).map((l) => ({ ...l, school: byUrn.get(l.urn)! }));
  if (!apply || allErrors.length) return { rows, errors: allErrors, applied: 0 };
  await db.transaction(async (tx) => {
    for (const row of rows)
      await recordCategory(tx, { actorUserId: actor.id, authorityId, schoolId: row.school.id, category: row.category, decidedOn: row.decidedOn });
  });
  return { rows, errors: [], applied: rows.length };
}
