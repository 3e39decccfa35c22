import { and, asc, count, desc, eq, gte, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { loadConsortium, loadVisibleSchoolRecord, peopleWithRole } from "./load.server";
import { memberOn } from "./rules";
import { memberOnDay } from "./schools-of-consortium-on.server";
import { t } from "~/i18n";
import { potAvailable } from "~/domain/ledger/accounts.server";
import { canViewStatement } from "~/domain/ledger/statement-access";
import { mouPage } from "~/domain/mou/mou-page.server";
import { collectivePurchasesOf, potRequestsOf } from "~/domain/purchasing/queries.server";
import { idsOf } from "~/domain/ids";

const { consortia, organisations, consortiumMemberships, schools, users, memberships, pledges, collectivePurchases } = schema;
const lead = alias(users, "lead");
const chair = alias(users, "chair");

/** The first day of the academic year (1 September) that holds this day. */
export const academicYearStart = (day: string) => {
  const [y, m] = day.split("-").map(Number);
  return `${m >= 9 ? y : y - 1}-09-01`;
};

/** The authority's consortia with their schools on the day, lead and chair: for the la_admin. */
export async function consortiaList(db: Queryable, { actor, authorityId, day }: { actor: Actor; authorityId: string; day: string }) {
  if (!can(actor.grants, "manage:consortia", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.consortia.administratorsManageConsortia"));
  const rows = await db
    .select({ id: consortia.organisationId, name: organisations.name, phase: consortia.phase, leadName: lead.name, chairName: chair.name })
    .from(consortia)
    .innerJoin(organisations, eq(organisations.id, consortia.organisationId))
    .leftJoin(lead, eq(lead.id, consortia.leadUserId))
    .leftJoin(chair, eq(chair.id, consortia.chairUserId))
    .where(eq(consortia.authorityId, authorityId))
    .orderBy(asc(organisations.name));
  const counts = await db
    .select({ consortiumId: consortiumMemberships.consortiumId, schools: count() })
    .from(consortiumMemberships)
    .where(and(eq(consortiumMemberships.authorityId, authorityId), memberOnDay(day)))
    .groupBy(consortiumMemberships.consortiumId);
  const byId = new Map(counts.map((c) => [c.consortiumId, c.schools]));
  return { consortia: rows.map((r) => ({ ...r, schools: byId.get(r.id) ?? 0 })), canCreate: true };
}

/** What the new-consortium form offers: the authority's heads, who can lead and chair. */
export async function newConsortiumForm(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  if (!can(actor.grants, "manage:consortia", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.consortia.administratorsCreateConsortia"));
  return { heads: await peopleWithRole(db, authorityId, ["headteacher", "consortium_lead"]) };
}

/**
 * A consortium's schools on a day and before it, with who takes part: how many of the consortium's
 * collective purchases each school joined this academic year.
 */
export async function consortiumSchoolsPage(
  db: Queryable,
  { actor, authorityId, consortiumId, day }: { actor: Actor; authorityId: string; consortiumId: string; day: string },
) {
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  if (!can(actor.grants, "view:organisation", { organisationId: consortium.id, authorityId }))
    throw new AppError("FORBIDDEN", t("refusal.consortia.cannotSeeConsortiumSchools"));
  const rows = await db
    .select({
      schoolId: schools.organisationId,
      name: organisations.name,
      urn: schools.urn,
      phase: schools.phase,
      numberOnRoll: schools.numberOnRoll,
      category: schools.category,
      joinedOn: consortiumMemberships.joinedOn,
      leftOn: consortiumMemberships.leftOn,
    })
    .from(consortiumMemberships)
    .innerJoin(schools, eq(schools.organisationId, consortiumMemberships.schoolId))
    .innerJoin(organisations, eq(organisations.id, schools.organisationId))
    .where(eq(consortiumMemberships.consortiumId, consortium.id))
    .orderBy(asc(organisations.name), desc(consortiumMemberships.joinedOn));
  const current = rows.filter((r) => memberOn(r, day));
  const past = rows.filter((r) => r.leftOn !== null && r.leftOn <= day);
  const joining = rows.filter((r) => r.joinedOn > day);
  const since = new Date(`${academicYearStart(day)}T00:00:00Z`);
  const joined = current.length
    ? await db
        .select({ schoolId: pledges.schoolId, purchases: count() })
        .from(pledges)
        .innerJoin(collectivePurchases, eq(collectivePurchases.id, pledges.collectivePurchaseId))
        .where(
          and(
            eq(collectivePurchases.consortiumId, consortium.id),
            eq(pledges.status, "joined"),
            gte(collectivePurchases.createdAt, since),
            inArray(
              pledges.schoolId,
              current.map((c) => c.schoolId),
            ),
          ),
        )
        .groupBy(pledges.schoolId)
    : [];
  const joinedBy = new Map(joined.map((j) => [j.schoolId, j.purchases]));
  const [leaders] = await db
    .select({ leadName: lead.name, chairName: chair.name })
    .from(consortia)
    .leftJoin(lead, eq(lead.id, consortia.leadUserId))
    .leftJoin(chair, eq(chair.id, consortia.chairUserId))
    .where(eq(consortia.organisationId, consortium.id));
  return {
    consortium: { ...consortium, ...leaders },
    day,
    academicYearFrom: academicYearStart(day),
    current: current.map((c) => ({
      ...c,
      purchasesJoined: joinedBy.get(c.schoolId) ?? 0,
      // The school's record (its category) is for those who may see the school, not everyone who sees the consortium.
      recordOpen: can(actor.grants, "view:organisation", { organisationId: c.schoolId, authorityId }),
    })),
    taking: current.filter((c) => (joinedBy.get(c.schoolId) ?? 0) > 0).length,
    past,
    joining,
    canMove: can(actor.grants, "manage:consortia", { authorityId }),
    canOpenDashboard: mayOpenDashboard(actor, { organisationId: consortium.id, authorityId }),
    heads: can(actor.grants, "manage:consortia", { authorityId }) ? await peopleWithRole(db, authorityId, ["headteacher", "consortium_lead"]) : [],
  };
}

/** A school's consortium history and, for the la_admin, the consortia it could move to. */
export async function schoolConsortiumPage(db: Queryable, { actor, authorityId, schoolId }: { actor: Actor; authorityId: string; schoolId: string }) {
  const school = await loadVisibleSchoolRecord(db, actor, authorityId, schoolId);
  const history = await db
    .select({
      consortiumId: consortiumMemberships.consortiumId,
      name: organisations.name,
      joinedOn: consortiumMemberships.joinedOn,
      leftOn: consortiumMemberships.leftOn,
    })
    .from(consortiumMemberships)
    .innerJoin(organisations, eq(organisations.id, consortiumMemberships.consortiumId))
    .where(eq(consortiumMemberships.schoolId, school.id))
    .orderBy(desc(consortiumMemberships.joinedOn));
  const canMove = can(actor.grants, "manage:consortia", { authorityId });
  const options = canMove
    ? await db
        .select({ id: consortia.organisationId, name: organisations.name })
        .from(consortia)
        .innerJoin(organisations, eq(organisations.id, consortia.organisationId))
        .where(and(eq(consortia.authorityId, authorityId), isNotNull(consortia.organisationId)))
        .orderBy(asc(organisations.name))
    : [];
  const current = history.find((h) => h.leftOn === null) ?? null;
  return { school, history, current, canMove, consortia: options.filter((o) => o.id !== current?.consortiumId) };
}

/** What the viewer may do on a consortium's dashboard; any of them opens it. */
function dashboardPowers(actor: Actor, consortium: { organisationId: string; authorityId: string }) {
  return {
    managePot: can(actor.grants, "manage:pot", consortium),
    openCollectivePurchase: can(actor.grants, "open:collective-purchase", consortium),
    viewStatement: can(actor.grants, "view:statement", consortium),
  };
}

const mayOpenDashboard = (actor: Actor, consortium: { organisationId: string; authorityId: string }) =>
  Object.values(dashboardPowers(actor, consortium)).some(Boolean);

/**
 * A consortium's dashboard: its schools today with their heads, its pot, its collective purchases,
 * the schools' requests to spend from the pot, this year's memorandum, and what the viewer may do.
 */
export async function consortiumPage(
  db: Queryable,
  {
    actor,
    authorityId,
    consortiumId,
    actingOrganisationId,
    today,
  }: { actor: Actor; authorityId: string; consortiumId: string; actingOrganisationId: string | null; today: string },
) {
  const { id, name, phase } = await loadConsortium(db, authorityId, consortiumId);
  const powers = dashboardPowers(actor, { organisationId: id, authorityId });
  if (!Object.values(powers).some(Boolean)) throw new AppError("FORBIDDEN", t("consortium.error"));
  const may = { ...powers, viewPotStatement: canViewStatement(actor.grants, { authorityId, kind: "consortium_pot", ownerId: id }) };
  const members = await db
    .select({
      id: schools.organisationId,
      name: organisations.name,
      urn: schools.urn,
      pupils: schools.numberOnRoll,
      establishmentType: schools.establishmentType,
    })
    .from(consortiumMemberships)
    .innerJoin(schools, eq(schools.organisationId, consortiumMemberships.schoolId))
    .innerJoin(organisations, eq(organisations.id, schools.organisationId))
    .where(and(eq(consortiumMemberships.consortiumId, id), memberOnDay(today)))
    .orderBy(asc(organisations.name));
  const heads = members.length
    ? await db
        .select({ schoolId: memberships.organisationId, email: users.email, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(inArray(memberships.organisationId, idsOf(members)), eq(memberships.role, "headteacher")))
        .orderBy(asc(users.email))
    : [];
  const mou = await mouPage(db, { actor, authorityId, consortiumId: id, actingOrganisationId, today });
  return {
    consortium: { id, name, phase },
    members: members.map((m) => ({ ...m, heads: heads.filter((h) => h.schoolId === m.id) })),
    pot: await potAvailable(db, authorityId, id),
    purchases: await collectivePurchasesOf(db, authorityId, [id]),
    requests: may.managePot ? await potRequestsOf(db, authorityId, id) : [],
    mou: {
      financialYear: mou.financialYear,
      published: mou.latest !== null,
      signed: mou.signedCount,
      count: mou.memberCount,
      schools: mou.schools.map((s) => ({ id: s.id, name: s.name, signed: s.signed })),
    },
    can: may,
  };
}
