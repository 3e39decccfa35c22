import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { londonIsoDate } from "~/format";

const { consortiumMemberships } = schema;

/** The membership rows that hold on a day (see rules.ts: joined on or before it, not yet left). */
export const memberOnDay = (day: string) =>
  and(lte(consortiumMemberships.joinedOn, day), or(isNull(consortiumMemberships.leftOn), gt(consortiumMemberships.leftOn, day)));

/**
 * The membership rows that hold today in London: a school's consortium "now". A move recorded for a
 * later day has not happened yet, so the school is still in its old consortium until that day.
 */
export const memberToday = (now: Date = new Date()) => memberOnDay(londonIsoDate(now));

/**
 * The schools of a consortium on a day (yyyy-mm-dd). Everything that counts a consortium's schools
 * (its funding by size, who a collective purchase invites, its members page) counts them here.
 */
export const schoolsOfConsortiumOn = (db: Queryable, consortiumId: string, day: string) =>
  db
    .select({ schoolId: consortiumMemberships.schoolId, joinedOn: consortiumMemberships.joinedOn })
    .from(consortiumMemberships)
    .where(and(eq(consortiumMemberships.consortiumId, consortiumId), memberOnDay(day)));
