import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { StoredSchool } from "./gias-diff";

/** The authority's schools as the GIAS comparison reads them. */
export async function storedSchools(db: Queryable, authorityId: string, urns?: string[]): Promise<StoredSchool[]> {
  return db
    .select({
      id: schema.schools.organisationId,
      urn: schema.schools.urn,
      name: schema.organisations.name,
      phase: schema.schools.phase,
      typeName: schema.schools.typeName,
      establishmentType: schema.schools.establishmentType,
      laMaintained: schema.schools.laMaintained,
      numberOnRoll: schema.schools.numberOnRoll,
      status: schema.schools.status,
      postcode: schema.schools.postcode,
      town: schema.schools.town,
      lastOfstedInspection: sql<
        string | null
      >`(select max(${schema.inspections.inspectedOn})::text from ${schema.inspections} where ${schema.inspections.schoolId} = ${schema.schools.organisationId} and ${schema.inspections.inspectorate} = 'ofsted')`,
    })
    .from(schema.schools)
    .innerJoin(schema.organisations, and(eq(schema.organisations.id, schema.schools.organisationId), eq(schema.organisations.authorityId, authorityId)))
    .where(and(eq(schema.schools.authorityId, authorityId), urns ? inArray(schema.schools.urn, urns) : undefined));
}

/** URNs other authorities of the service hold (a URN is national and unique). */
export async function urnsHeldElsewhere(db: Queryable, authorityId: string, urns?: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ urn: schema.schools.urn })
    .from(schema.schools)
    .where(and(ne(schema.schools.authorityId, authorityId), urns ? inArray(schema.schools.urn, urns) : undefined));
  return new Set(rows.map((r) => r.urn));
}

export async function authorityLaCode(db: Queryable, authorityId: string) {
  const [authority] = await db
    .select({ laCode: schema.authorities.laCode, name: schema.authorities.name })
    .from(schema.authorities)
    .where(eq(schema.authorities.id, authorityId));
  return authority ?? null;
}
