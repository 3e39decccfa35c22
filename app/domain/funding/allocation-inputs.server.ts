import { and, asc, eq, inArray } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { memberOnDay } from "~/domain/consortia/schools-of-consortium-on.server";
import { signedSchools } from "~/domain/mou/signed-schools.server";
import { allocate, financialYearDays, paysMatchByRecharge, readParts, type Allocation, type FormulaPart } from "./rules";

const { consortia, consortiumMemberships, organisations, schools } = schema;

/**
 * What a formula is worked out on: the authority's consortia and the schools in each on the first
 * day of the financial year (schoolsOfConsortiumOn's rule), with pupils and category from the
 * school records and whether the head signed the year's memorandum.
 */
export async function allocationInputs(db: Queryable, authorityId: string, year: string) {
  const day = financialYearDays(year).start;
  const consortiumRows = await db
    .select({ id: consortia.organisationId, name: organisations.name })
    .from(consortia)
    .innerJoin(organisations, eq(organisations.id, consortia.organisationId))
    .where(eq(consortia.authorityId, authorityId))
    .orderBy(asc(organisations.name), asc(consortia.organisationId));
  const ids = consortiumRows.map((c) => c.id);
  const schoolRows = ids.length
    ? await db
        .select({
          id: schools.organisationId,
          name: organisations.name,
          consortiumId: consortiumMemberships.consortiumId,
          pupils: schools.numberOnRoll,
          phase: schools.phase,
          category: schools.category,
          laMaintained: schools.laMaintained,
          costCentre: schools.costCentre,
          byInvoice: schools.matchFundingByInvoice,
        })
        .from(consortiumMemberships)
        .innerJoin(schools, eq(schools.organisationId, consortiumMemberships.schoolId))
        .innerJoin(organisations, eq(organisations.id, schools.organisationId))
        .where(and(eq(consortiumMemberships.authorityId, authorityId), inArray(consortiumMemberships.consortiumId, ids), memberOnDay(day)))
        .orderBy(asc(organisations.name), asc(schools.organisationId))
    : [];
  const signed = await signedSchools(db, authorityId, year);
  return {
    day,
    consortia: consortiumRows,
    schools: schoolRows.map(({ laMaintained, costCentre, byInvoice, ...s }) => ({
      ...s,
      signedMou: signed.has(`${s.consortiumId}:${s.id}`),
      byRecharge: paysMatchByRecharge({ laMaintained, costCentre, byInvoice }),
    })),
  };
}

/** The allocation the parts give for the year, as it stands today. */
export async function workOut(
  db: Queryable,
  authorityId: string,
  year: string,
  parts: readonly FormulaPart[] | unknown,
): Promise<Allocation & { day: string }> {
  const inputs = await allocationInputs(db, authorityId, year);
  return { day: inputs.day, ...allocate(Array.isArray(parts) ? readParts(parts) : [], inputs.consortia, inputs.schools) };
}
