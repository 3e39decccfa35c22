import { and, asc, count, desc, eq, gte, lt, ne, sql, sum } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { memberOnDay } from "~/domain/consortia/schools-of-consortium-on.server";
import { latestMous } from "~/domain/mou/latest-mous.server";
import { signedSchools } from "~/domain/mou/signed-schools.server";
import { londonMidnight } from "~/domain/ledger/statement-period";
import { FRAMEWORKS, goodOrBetter, isFrameworkKey } from "~/domain/schools/inspection-frameworks";
import { dayAfter, financialYearOf, type SchoolViewRow } from "./rules";

const { schools, organisations, consortiumMemberships, schoolAdvisers, users, inspections, orders, authorities, evaluations, impactFollowUps } = schema;

/** The authority's nation and the financial year that holds the day. */
export async function authorityYear(db: Queryable, authorityId: string, today: string) {
  const [authority] = await db
    .select({ nation: authorities.nation, startMonth: authorities.financialYearStartMonth })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  if (!authority) throw new Error("authority not found");
  return { nation: authority.nation, year: financialYearOf(today, authority.startMonth) };
}

/** The headline grade of an inspection: the overall effectiveness where the framework gives one, Estyn's follow-up since 2022. */
function headlineGrade(framework: string, judgements: Record<string, string>): string | null {
  if (!isFrameworkKey(framework)) return null;
  const overall = FRAMEWORKS[framework].overall;
  return (overall ? judgements[overall] : judgements.follow_up) ?? null;
}

/** A school's evaluations: how many, and their average score (each is quality, impact and value, 1 to 4) in hundredths. */
export function evaluationFigures(row: { evaluations: number; scores: string | number | null } | undefined) {
  const n = row?.evaluations ?? 0;
  return { evaluations: n, averageScoreHundredths: n ? Math.round((Number(row!.scores) * 100) / (3 * n)) : null };
}

/** The orders a school placed in the year and did not cancel: what it bought. */
export const boughtIn = (authorityId: string, year: { from: string; to: string }) =>
  and(
    eq(orders.authorityId, authorityId),
    ne(orders.status, "cancelled"),
    gte(orders.createdAt, londonMidnight(year.from)),
    lt(orders.createdAt, londonMidnight(dayAfter(year.to))),
  );

/**
 * Every school of the authority with what the school-by-school view shows of it: its consortium and
 * adviser now, its latest inspection, and what it bought and spent in the financial year.
 */
export async function schoolViewRows(
  db: Queryable,
  { authorityId, today, year }: { authorityId: string; today: string; year: { label: string; from: string; to: string } },
): Promise<SchoolViewRow[]> {
  const base = await db
    .select({
      id: schools.organisationId,
      name: organisations.name,
      urn: schools.urn,
      phase: schools.phase,
      establishmentType: schools.establishmentType,
      status: schools.status,
      numberOnRoll: schools.numberOnRoll,
      category: schools.category,
    })
    .from(schools)
    .innerJoin(organisations, eq(organisations.id, schools.organisationId))
    .where(eq(schools.authorityId, authorityId))
    .orderBy(asc(organisations.name));
  const consortia = await db
    .select({ schoolId: consortiumMemberships.schoolId, id: consortiumMemberships.consortiumId, name: organisations.name })
    .from(consortiumMemberships)
    .innerJoin(organisations, eq(organisations.id, consortiumMemberships.consortiumId))
    .where(and(eq(consortiumMemberships.authorityId, authorityId), memberOnDay(today)));
  const advisers = await db
    .select({ schoolId: schoolAdvisers.schoolId, id: users.id, name: users.name })
    .from(schoolAdvisers)
    .innerJoin(users, eq(users.id, schoolAdvisers.adviserUserId))
    .where(eq(schoolAdvisers.authorityId, authorityId));
  const latest = await db
    .selectDistinctOn([inspections.schoolId], {
      schoolId: inspections.schoolId,
      inspectorate: inspections.inspectorate,
      framework: inspections.framework,
      judgements: inspections.judgements,
      inspectedOn: inspections.inspectedOn,
    })
    .from(inspections)
    .innerJoin(schools, and(eq(schools.organisationId, inspections.schoolId), eq(schools.authorityId, authorityId)))
    .orderBy(inspections.schoolId, desc(inspections.inspectedOn));
  const bought = await db
    .select({ schoolId: orders.schoolId, orders: count(), payable: sum(orders.payablePence), pot: sum(orders.potContributionPence) })
    .from(orders)
    .where(boughtIn(authorityId, year))
    .groupBy(orders.schoolId);
  const evaluated = await db
    .select({
      schoolId: evaluations.schoolId,
      evaluations: count(),
      scores: sum(sql`${evaluations.quality} + ${evaluations.impact} + ${evaluations.valueForMoney}`),
    })
    .from(evaluations)
    .where(eq(evaluations.authorityId, authorityId))
    .groupBy(evaluations.schoolId);
  const followedUp = await db
    .select({ schoolId: impactFollowUps.schoolId, records: count() })
    .from(impactFollowUps)
    .where(eq(impactFollowUps.authorityId, authorityId))
    .groupBy(impactFollowUps.schoolId);
  const withMou = new Set((await latestMous(db, { year: year.label, authorityId })).map((m) => m.consortiumId));
  const signed = await signedSchools(db, authorityId, year.label);
  const evaluatedBy = new Map(evaluated.map((e) => [e.schoolId, e]));
  const followUpsOf = new Map(followedUp.map((f) => [f.schoolId, f.records]));
  const consortiumOf = new Map(consortia.map((c) => [c.schoolId, { id: c.id, name: c.name }]));
  const adviserOf = new Map(advisers.map((a) => [a.schoolId, { id: a.id, name: a.name }]));
  const inspectionOf = new Map(latest.map((i) => [i.schoolId, i]));
  const boughtBy = new Map(bought.map((b) => [b.schoolId, b]));
  return base.map((s) => {
    const inspection = inspectionOf.get(s.id);
    const good = inspection ? goodOrBetter(inspection) : null;
    const spend = boughtBy.get(s.id);
    const consortium = consortiumOf.get(s.id) ?? null;
    return {
      ...s,
      consortium,
      adviser: adviserOf.get(s.id) ?? null,
      inspection: inspection
        ? {
            inspectorate: inspection.inspectorate,
            inspectedOn: inspection.inspectedOn,
            outcome: good === null ? "not_given" : good ? "good" : "not_good",
            grade: headlineGrade(inspection.framework, inspection.judgements),
          }
        : null,
      ordersThisYear: spend?.orders ?? 0,
      spentThisYearPence: Number(spend?.payable ?? 0),
      potThisYearPence: Number(spend?.pot ?? 0),
      ...evaluationFigures(evaluatedBy.get(s.id)),
      impactRecords: followUpsOf.get(s.id) ?? 0,
      mouSigned: consortium && withMou.has(consortium.id) ? signed.has(`${consortium.id}:${s.id}`) : null,
    };
  });
}
