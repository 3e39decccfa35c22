import { and, count, desc, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { loadSchoolRecord } from "~/domain/consortia/load.server";
import { evaluationsOfSchool } from "~/domain/delivery/queries.server";
import { AppError } from "~/domain/errors";
import { schoolSignedLatest } from "~/domain/mou/signed-schools.server";
import { schoolInspections } from "~/domain/schools/inspections.server";
import { loadSchoolCategory } from "~/domain/schools/school-category.server";
import { t } from "~/i18n";
import { needsAttention } from "./rules";
import { authorityYear, boughtIn } from "./school-rows.server";
import { maySeeSchools } from "./school-view.server";

const { schools, organisations, consortiumMemberships, orders, offerRevisions } = schema;

/**
 * One school's story on one screen: who it is, the consortia it has been in, its categories,
 * inspections and adviser, and what it bought this financial year. Another authority's school is not found.
 */
export async function schoolStory(
  db: Queryable,
  { actor, authorityId, schoolId, today }: { actor: Actor; authorityId: string; schoolId: string; today: string },
) {
  if (!maySeeSchools(actor, authorityId)) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  const record = await loadSchoolRecord(db, authorityId, schoolId);
  const { nation, year } = await authorityYear(db, authorityId, today);
  const [details] = await db
    .select({
      establishmentType: schools.establishmentType,
      typeName: schools.typeName,
      numberOnRoll: schools.numberOnRoll,
      laMaintained: schools.laMaintained,
      status: schools.status,
      closedOn: schools.closedOn,
      town: schools.town,
      postcode: schools.postcode,
    })
    .from(schools)
    .where(and(eq(schools.organisationId, record.id), eq(schools.authorityId, authorityId)));
  const consortia = await db
    .select({
      id: consortiumMemberships.consortiumId,
      name: organisations.name,
      joinedOn: consortiumMemberships.joinedOn,
      leftOn: consortiumMemberships.leftOn,
    })
    .from(consortiumMemberships)
    .innerJoin(organisations, eq(organisations.id, consortiumMemberships.consortiumId))
    .where(and(eq(consortiumMemberships.schoolId, record.id), eq(consortiumMemberships.authorityId, authorityId)))
    .orderBy(desc(consortiumMemberships.joinedOn));
  const purchases = await db
    .select({
      id: orders.id,
      placedAt: orders.createdAt,
      title: offerRevisions.title,
      provider: organisations.name,
      status: orders.status,
      collective: orders.collectivePurchaseId,
      payablePence: orders.payablePence,
      potPence: orders.potContributionPence,
      grossPence: orders.grossPence,
    })
    .from(orders)
    .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
    .innerJoin(organisations, eq(organisations.id, orders.providerId))
    .where(and(eq(orders.schoolId, record.id), boughtIn(authorityId, year)))
    .orderBy(desc(orders.createdAt));
  const category = await loadSchoolCategory(db, { authorityId, schoolId: record.id });
  const current = consortia.find((c) => c.joinedOn <= today && (c.leftOn === null || c.leftOn > today)) ?? null;
  const evaluated = await evaluationsOfSchool(db, { authorityId, schoolId: record.id });
  const [followUps] = await db
    .select({ n: count() })
    .from(schema.impactFollowUps)
    .where(and(eq(schema.impactFollowUps.authorityId, authorityId), eq(schema.impactFollowUps.schoolId, record.id)));
  const mouSigned = current ? await schoolSignedLatest(db, { authorityId, year: year.label, consortiumId: current.id, schoolId: record.id }) : null;
  return {
    school: { ...record, ...details },
    nation,
    year,
    consortium: current ? { id: current.id, name: current.name } : null,
    consortia,
    category,
    inspections: await schoolInspections(db, { authorityId, schoolId: record.id }),
    purchases,
    evaluations: evaluated.map((e) => ({
      id: e.id,
      orderId: e.orderId,
      title: e.title,
      providerName: e.providerName,
      quality: e.quality,
      impact: e.impact,
      valueForMoney: e.valueForMoney,
      status: e.status,
      submittedAt: e.submittedAt,
    })),
    impactRecords: followUps?.n ?? 0,
    mouSigned,
    totals: { payablePence: purchases.reduce((s, p) => s + p.payablePence, 0), potPence: purchases.reduce((s, p) => s + p.potPence, 0) },
    attention: needsAttention(nation, { category: record.category, ordersThisYear: purchases.length }),
  };
}
