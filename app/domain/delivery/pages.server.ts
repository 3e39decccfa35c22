// The list pages of delivery and evaluation, each checking who may read it.
import { and, desc, eq, isNull } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { loadConsortium } from "~/domain/consortia/load.server";
import { AppError } from "~/domain/errors";
import { deliveryDisputes, evaluationsForAdviser, evaluationsOfSchool, impactOfAuthority, impactOfConsortium } from "./queries.server";
import { t } from "~/i18n";

const { orders, evaluations, offerRevisions, organisations, deliveryConfirmations } = schema;

/** The evaluations page: a school's to do and done (acting for the school), and an adviser's schools' evaluations. */
export async function evaluationsPage(
  db: Queryable,
  { actor, authorityId, actingOrganisationId }: { actor: Actor; authorityId: string; actingOrganisationId: string | null },
) {
  const school =
    actingOrganisationId &&
    actor.grants.some((g) => g.organisationId === actingOrganisationId && (g.role === "headteacher" || g.role === "school_business_manager"))
      ? actingOrganisationId
      : null;
  const adviser = can(actor.grants, "sign-off:evaluation", { authorityId });
  if (!school && !adviser) throw new AppError("FORBIDDEN", t("refusal.delivery.schoolsAdvisersSeeEvaluations"));
  const toEvaluate = school
    ? await db
        .select({ orderId: orders.id, title: offerRevisions.title, providerName: organisations.name, deliveredAt: orders.deliveredAt })
        .from(orders)
        .innerJoin(offerRevisions, eq(offerRevisions.id, orders.revisionId))
        .innerJoin(organisations, eq(organisations.id, orders.providerId))
        .leftJoin(evaluations, eq(evaluations.orderId, orders.id))
        .leftJoin(deliveryConfirmations, eq(deliveryConfirmations.orderId, orders.id))
        .where(and(eq(orders.authorityId, authorityId), eq(orders.schoolId, school), eq(orders.status, "delivered"), isNull(evaluations.id)))
        .orderBy(desc(orders.deliveredAt))
    : [];
  return {
    school: school !== null,
    toEvaluate,
    mine: school ? await evaluationsOfSchool(db, { authorityId, schoolId: school }) : [],
    advised: adviser ? await evaluationsForAdviser(db, { authorityId, adviserUserId: actor.id }) : [],
  };
}

export async function disputesPage(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  if (!can(actor.grants, "view:disputes", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.delivery.financeCommissionersSeeDisputes"));
  return { disputes: await deliveryDisputes(db, { authorityId }) };
}

export async function authorityImpactPage(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  if (!can(actor.grants, "view:impact", { authorityId })) throw new AppError("FORBIDDEN", t("refusal.delivery.cannotSeeAuthorityImpact"));
  return { impact: await impactOfAuthority(db, { authorityId }) };
}

/** A consortium's members' follow-ups: for its own people and the authority's officers. */
export async function consortiumImpactPage(db: Queryable, { actor, authorityId, consortiumId }: { actor: Actor; authorityId: string; consortiumId: string }) {
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  if (!can(actor.grants, "view:impact", { authorityId }) && !can(actor.grants, "view:organisation", { organisationId: consortium.id, authorityId }))
    throw new AppError("FORBIDDEN", t("refusal.delivery.cannotSeeConsortiumImpact"));
  return { consortium, impact: await impactOfConsortium(db, { authorityId, consortiumId: consortium.id }) };
}
