import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { memberToday } from "~/domain/consortia/schools-of-consortium-on.server";
import { AppError, notFound } from "~/domain/errors";
import { listMembers } from "~/domain/identity/list-members.server";
import { ROLES_BY_KIND } from "~/domain/identity/rules";
import { isUuid } from "~/domain/ids";
import { schoolInspections } from "~/domain/schools/inspections.server";
import { loadSchoolCategory } from "~/domain/schools/school-category.server";
import { t } from "~/i18n";

/** One organisation of the authority for its directory page, with what the viewer may do there (a school with its consortium today). */
export async function loadDirectoryOrganisation(
  db: Queryable,
  { actor, authorityId, organisationId, now = new Date() }: { actor: Actor; authorityId: string; organisationId: string; now?: Date },
) {
  if (!can(actor.grants, "view:directory", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  if (!isUuid(organisationId)) throw notFound(t("refusal.directory.organisationNotFound"));
  const [organisation] = await db
    .select({ id: schema.organisations.id, name: schema.organisations.name, kind: schema.organisations.kind, authorityId: schema.organisations.authorityId })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.id, organisationId), eq(schema.organisations.authorityId, authorityId)));
  if (!organisation) throw notFound(t("refusal.directory.organisationNotFound"));

  const members = await listMembers(db, { organisationId, authorityId });
  let school = null;
  if (organisation.kind === "school") {
    const [row] = await db
      .select({
        urn: schema.schools.urn,
        phase: schema.schools.phase,
        establishmentType: schema.schools.establishmentType,
        typeName: schema.schools.typeName,
        laMaintained: schema.schools.laMaintained,
        numberOnRoll: schema.schools.numberOnRoll,
        status: schema.schools.status,
        closedOn: schema.schools.closedOn,
        postcode: schema.schools.postcode,
        town: schema.schools.town,
      })
      .from(schema.schools)
      .where(and(eq(schema.schools.organisationId, organisationId), eq(schema.schools.authorityId, authorityId)));
    const [consortium] = await db
      .select({ id: schema.organisations.id, name: schema.organisations.name, joinedOn: schema.consortiumMemberships.joinedOn })
      .from(schema.consortiumMemberships)
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.consortiumMemberships.consortiumId))
      .where(and(eq(schema.consortiumMemberships.schoolId, organisationId), eq(schema.consortiumMemberships.authorityId, authorityId), memberToday(now)));
    if (row) {
      school = {
        ...row,
        consortium: consortium ?? null,
        inspections: await schoolInspections(db, { authorityId, schoolId: organisationId }),
        category: await loadSchoolCategory(db, { authorityId, schoolId: organisationId }),
      };
    }
  }
  const canManage = can(actor.grants, "manage:members", { authorityId });
  return {
    organisation,
    school,
    members: members.map((m) => ({ ...m, canManage: canManage && m.userId !== actor.id })),
    roles: ROLES_BY_KIND[organisation.kind],
  };
}
