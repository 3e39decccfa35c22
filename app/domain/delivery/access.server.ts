// Who may do what with an order's delivery, and the order as the delivery use cases read it.
import { and, eq, inArray } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { actsForSchool } from "~/domain/purchasing/access";
import { t } from "~/i18n";

const { orders, offerRevisions, organisations, schoolAdvisers } = schema;

/** The order with its title, school and provider names; NOT_FOUND for another authority's or a malformed id. Locks the order when asked. */
export async function loadOrderForDelivery(db: Queryable, { authorityId, orderId, lock = false }: { authorityId: string; orderId: string; lock?: boolean }) {
  if (!isUuid(orderId)) throw new AppError("NOT_FOUND", t("refusal.delivery.orderNotFound"));
  const query = db
    .select({ order: orders })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.authorityId, authorityId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("NOT_FOUND", t("refusal.delivery.orderNotFound"));
  const [names] = await db
    .select({
      title: offerRevisions.title,
      outcomes: offerRevisions.outcomes,
      deliveryFormat: offerRevisions.deliveryFormat,
      subjectAreas: offerRevisions.subjectAreas,
    })
    .from(offerRevisions)
    .where(eq(offerRevisions.id, row.order.revisionId));
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.authorityId, authorityId), inArray(organisations.id, [row.order.schoolId, row.order.providerId])));
  const nameOf = (id: string) => orgs.find((o) => o.id === id)?.name ?? "";
  const [adviser] = await db.select({ userId: schoolAdvisers.adviserUserId }).from(schoolAdvisers).where(eq(schoolAdvisers.schoolId, row.order.schoolId));
  return {
    ...row.order,
    ...names,
    schoolName: nameOf(row.order.schoolId),
    providerName: nameOf(row.order.providerId),
    adviserUserId: (adviser ? adviser.userId : null) as string | null,
  };
}

export type DeliveryOrder = Awaited<ReturnType<typeof loadOrderForDelivery>>;

/** What this person may do with this order's delivery. */
export function deliveryPowers(actor: Actor, authorityId: string, order: Pick<DeliveryOrder, "schoolId" | "providerId" | "adviserUserId">) {
  const school = { organisationId: order.schoolId, authorityId };
  const provider = can(actor.grants, "deliver:order", { organisationId: order.providerId, authorityId });
  const buyer = actsForSchool(actor.grants, authorityId, order.schoolId);
  const evaluator = can(actor.grants, "evaluate:delivery", school) && actor.grants.some((g) => g.organisationId === order.schoolId);
  const adviser = order.adviserUserId === actor.id && can(actor.grants, "sign-off:evaluation", { authorityId });
  const oversight = can(actor.grants, "view:sales", { authorityId }) || can(actor.grants, "publish:need", { authorityId });
  return { provider, buyer, evaluator, adviser, oversight, view: provider || buyer || evaluator || adviser || oversight };
}

export type DeliveryPowers = ReturnType<typeof deliveryPowers>;

export function ensurePower(powers: DeliveryPowers, power: keyof DeliveryPowers, message: string) {
  if (!powers[power]) throw new AppError("FORBIDDEN", message);
}
