import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";

const { consortiumMemberships } = schema;

/** The membership rows that hold on a day (see rules.ts: joined on or before it, not yet left). */
export const memberOnDay = (day: string) =>
  and(lte(consortiumMemberships.joinedOn, day), or(isNull(consortiumMemberships.leftOn), gt(consortiumMemberships.leftOn, day)));

/**
 * The schools of a consortium on a day (yyyy-mm-dd). Everything that counts a consortium's schools
 * (its funding by size, who a collective purchase invites, its members page) counts them here.
 */
export const schoolsOfConsortiumOn = (db: Queryable, consortiumId: string, day: string) =>
  db
    .select({ schoolId: consortiumMemberships.schoolId, joinedOn: consortiumMemberships.joinedOn })
    .from(consortiumMemberships)
    .where(and(eq(consortiumMemberships.consortiumId, consortiumId), memberOnDay(day)));
