import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { can } from "~/auth/permissions";
import { schema, type Database, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { holdsRole, loadSchoolRecord, peopleWithRole } from "~/domain/consortia/load.server";
import { t } from "~/i18n";

const { schoolAdvisers, schools, organisations, users } = schema;
const adviser = alias(users, "adviser");

/** An la_admin assigns a school its challenge adviser (replacing the one before, who is kept in the audit log). */
export async function assignAdviser(
  db: Database,
  { actor, authorityId, schoolId, adviserUserId }: { actor: Actor; authorityId: string; schoolId: string; adviserUserId: string },
) {
  if (!can(actor.grants, "assign:adviser", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.advisers.administratorsAssignChallengeAdvisers"));
  const school = await loadSchoolRecord(db, authorityId, schoolId);
  if (!(await holdsRole(db, authorityId, adviserUserId, ["challenge_adviser"])))
    throw new AppError("INVALID_INPUT", t("refusal.advisers.chooseOneChallengeAdvisers"));
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ adviserUserId: schoolAdvisers.adviserUserId })
      .from(schoolAdvisers)
      .where(eq(schoolAdvisers.schoolId, school.id))
      .for("update");
    if (before?.adviserUserId === adviserUserId) return { school, changed: false };
    await tx
      .insert(schoolAdvisers)
      .values({ schoolId: school.id, authorityId, adviserUserId, assignedBy: actor.id })
      .onConflictDoUpdate({ target: schoolAdvisers.schoolId, set: { adviserUserId, assignedBy: actor.id, assignedAt: new Date() } });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "school.adviser_assigned",
      entityType: "school",
      entityId: school.id,
      before: before ?? null,
      after: { adviserUserId },
    });
    return { school, changed: true };
  });
}

/** Every school of the authority with its adviser and category, and the advisers to choose from. */
export async function advisersPage(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  if (!can(actor.grants, "assign:adviser", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.advisers.administratorsAssignChallengeAdvisers"));
  const rows = await db
    .select({
      id: schools.organisationId,
      name: organisations.name,
      urn: schools.urn,
      category: schools.category,
      adviserId: adviser.id,
      adviserName: adviser.name,
    })
    .from(schools)
    .innerJoin(organisations, eq(organisations.id, schools.organisationId))
    .leftJoin(schoolAdvisers, eq(schoolAdvisers.schoolId, schools.organisationId))
    .leftJoin(adviser, eq(adviser.id, schoolAdvisers.adviserUserId))
    .where(eq(schools.authorityId, authorityId))
    .orderBy(asc(organisations.name));
  return { schools: rows, advisers: await peopleWithRole(db, authorityId, ["challenge_adviser"]) };
}
