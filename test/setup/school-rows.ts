import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { schema } from "~/db.server";

/** The schools, each with its organisation's name, in order of URN: of one authority, or of all. */
export function schoolRows(db: Database, authorityId?: string) {
  return db
    .select({
      urn: schema.schools.urn,
      name: schema.organisations.name,
      phase: schema.schools.phase,
      type: schema.schools.establishmentType,
      roll: schema.schools.numberOnRoll,
      category: schema.schools.category,
      status: schema.schools.status,
      closedOn: schema.schools.closedOn,
      postcode: schema.schools.postcode,
    })
    .from(schema.schools)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.schools.organisationId))
    .where(authorityId ? eq(schema.schools.authorityId, authorityId) : undefined)
    .orderBy(schema.schools.urn);
}
