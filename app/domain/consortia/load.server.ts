import { and, asc, eq, inArray } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { findOrNotFound } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { t } from "~/i18n";

const { consortia, organisations, schools, memberships, users } = schema;

/** A consortium of this authority, or NOT_FOUND (another authority's id finds nothing). */
export async function loadConsortium(db: Queryable, authorityId: string, consortiumId: string) {
  return findOrNotFound(consortiumId, t("refusal.consortia.consortiumNotFound"), () =>
    db
      .select({
        id: consortia.organisationId,
        name: organisations.name,
        phase: consortia.phase,
        leadUserId: consortia.leadUserId,
        chairUserId: consortia.chairUserId,
      })
      .from(consortia)
      .innerJoin(organisations, eq(organisations.id, consortia.organisationId))
      .where(and(eq(consortia.organisationId, consortiumId), eq(consortia.authorityId, authorityId))),
  );
}

/** A school of this authority, or NOT_FOUND. */
export async function loadSchoolRecord(db: Queryable, authorityId: string, schoolId: string) {
  return findOrNotFound(schoolId, t("refusal.consortia.schoolNotFound"), () =>
    db
      .select({ id: schools.organisationId, name: organisations.name, urn: schools.urn, phase: schools.phase, category: schools.category })
      .from(schools)
      .innerJoin(organisations, eq(organisations.id, schools.organisationId))
      .where(and(eq(schools.organisationId, schoolId), eq(schools.authorityId, authorityId))),
  );
}

/** A school of this authority whose record the actor may see: NOT_FOUND, or FORBIDDEN when they may not. */
export async function loadVisibleSchoolRecord(db: Queryable, actor: Actor, authorityId: string, schoolId: string) {
  const school = await loadSchoolRecord(db, authorityId, schoolId);
  ensureCan(actor, "view:organisation", { organisationId: school.id, authorityId }, t("refusal.categories.cannotSeeSchoolRecord"));
  return school;
}

/** People of the authority who hold one of these roles, for the pickers (a lead, a chair, an adviser). */
export async function peopleWithRole(db: Queryable, authorityId: string, roles: (typeof schema.memberships.$inferSelect)["role"][]) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.authorityId, authorityId), inArray(memberships.role, roles)))
    .orderBy(asc(users.name), asc(users.email), asc(users.id));
}

/** Is this person one of the authority's people in one of these roles? */
export async function holdsRole(db: Queryable, authorityId: string, userId: string, roles: (typeof schema.memberships.$inferSelect)["role"][]) {
  if (!isUuid(userId)) return false;
  const [m] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.authorityId, authorityId), inArray(memberships.role, roles)))
    .limit(1);
  return Boolean(m);
}

/** Every consortium of the authority, by name. */
export async function consortiaOfAuthority(db: Queryable, authorityId: string) {
  return db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.consortia)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.consortia.organisationId))
    .where(eq(schema.consortia.authorityId, authorityId))
    .orderBy(asc(schema.organisations.name));
}
