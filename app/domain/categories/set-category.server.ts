import { and, desc, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database, type Queryable, type Tx } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { loadSchoolRecord } from "~/domain/consortia/load.server";
import { academicYearOf, normaliseCategory, type Nation } from "./rules";
import { t } from "~/i18n";

const { schoolCategories, schoolAdvisers, schools, authorities } = schema;

export async function nationOf(db: Queryable, authorityId: string): Promise<Nation> {
  const [row] = await db.select({ nation: authorities.nation }).from(authorities).where(eq(authorities.id, authorityId));
  if (!row) throw new AppError("NOT_FOUND", t("refusal.categories.authorityNotFound"));
  return row.nation;
}

/** The school's challenge adviser now, if any. */
export async function adviserOf(db: Queryable, schoolId: string) {
  const [row] = await db.select({ adviserUserId: schoolAdvisers.adviserUserId }).from(schoolAdvisers).where(eq(schoolAdvisers.schoolId, schoolId));
  return row?.adviserUserId ?? null;
}

/** An la_admin may set any school's category; a challenge adviser only the categories of the schools assigned to them. */
export function maySetCategory(actor: Actor, authorityId: string, adviserUserId: string | null) {
  const admin = actor.grants.some((g) => g.authorityId === authorityId && g.role === "la_admin") && can(actor.grants, "set:category", { authorityId });
  const adviser = adviserUserId === actor.id && actor.grants.some((g) => g.authorityId === authorityId && g.role === "challenge_adviser");
  return admin || adviser;
}

/**
 * Add one categorisation to the history inside the caller's transaction, and keep the school's
 * current category (the one the directory and the funding read) at its latest academic year's.
 */
export async function recordCategory(
  tx: Tx,
  {
    actorUserId,
    authorityId,
    schoolId,
    category,
    decidedOn,
  }: { actorUserId: string; authorityId: string; schoolId: string; category: string; decidedOn: string },
) {
  const academicYear = academicYearOf(decidedOn);
  // Lock the school so two categorisations of it are recorded one after the other.
  const [school] = await tx.select({ category: schools.category }).from(schools).where(eq(schools.organisationId, schoolId)).for("update");
  const [latest] = await tx
    .select({ academicYear: schoolCategories.academicYear, category: schoolCategories.category, decidedOn: schoolCategories.decidedOn })
    .from(schoolCategories)
    .where(eq(schoolCategories.schoolId, schoolId))
    .orderBy(desc(schoolCategories.academicYear), desc(schoolCategories.decidedOn), desc(schoolCategories.createdAt))
    .limit(1);
  const [sameYear] = await tx
    .select({ category: schoolCategories.category, decidedOn: schoolCategories.decidedOn })
    .from(schoolCategories)
    .where(and(eq(schoolCategories.schoolId, schoolId), eq(schoolCategories.academicYear, academicYear)))
    .orderBy(desc(schoolCategories.decidedOn), desc(schoolCategories.createdAt))
    .limit(1);
  const [row] = await tx.insert(schoolCategories).values({ authorityId, schoolId, academicYear, category, decidedOn, setBy: actorUserId }).returning();
  const isLatest = !latest || academicYear > latest.academicYear || (academicYear === latest.academicYear && decidedOn >= latest.decidedOn);
  if (isLatest) await tx.update(schools).set({ category }).where(eq(schools.organisationId, schoolId));
  await audit(tx, {
    authorityId,
    actorUserId,
    action: "school.category_set",
    entityType: "school",
    entityId: schoolId,
    before: sameYear
      ? { academicYear, category: sameYear.category, decidedOn: sameYear.decidedOn }
      : { academicYear, category: null, current: school?.category ?? null },
    after: { academicYear, category, decidedOn },
  });
  return row;
}

export type SetCategoryOptions = { actor: Actor; authorityId: string; schoolId: string; category: string; decidedOn: string; today: string };

/** The school's challenge adviser (or an la_admin) records its category for the academic year of the decision. */
export async function setCategory(db: Database, { actor, authorityId, schoolId, category, decidedOn, today }: SetCategoryOptions) {
  const school = await loadSchoolRecord(db, authorityId, schoolId);
  if (!maySetCategory(actor, authorityId, await adviserOf(db, school.id)))
    throw new AppError("FORBIDDEN", t("refusal.categories.schoolChallengeAdviserAdministrators"));
  const nation = await nationOf(db, authorityId);
  const value = normaliseCategory(nation, category);
  if (!value) throw new AppError("INVALID_INPUT", t("refusal.categories.chooseOneCategories"));
  if (decidedOn > today) throw new AppError("INVALID_INPUT", t("refusal.categories.dateWasDecidedCannot"));
  const row = await db.transaction((tx) => recordCategory(tx, { actorUserId: actor.id, authorityId, schoolId: school.id, category: value, decidedOn }));
  return { school, row };
}
