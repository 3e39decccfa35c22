import { and, eq } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { loadOrderForDelivery } from "./access.server";
import { tellPleaseEvaluate } from "./notify.server";
import { t } from "~/i18n";

/** The head names someone of the school (a deputy, a subject lead) to evaluate in their place. */
export async function nameEvaluator(
  db: Database,
  { actor, authorityId, orderId, userId, appUrl }: { actor: Actor; authorityId: string; orderId: string; userId: string; appUrl: string },
) {
  return db.transaction(async (tx) => {
    const order = await loadOrderForDelivery(tx, { authorityId, orderId, lock: true });
    if (
      !can(actor.grants, "evaluate:delivery", { organisationId: order.schoolId, authorityId }) ||
      !actor.grants.some((g) => g.organisationId === order.schoolId)
    )
      throw new AppError("FORBIDDEN", t("refusal.delivery.headteacherNamesEvaluator"));
    const [member] = isUuid(userId)
      ? await tx
          .select({ userId: schema.memberships.userId })
          .from(schema.memberships)
          .where(and(eq(schema.memberships.userId, userId), eq(schema.memberships.organisationId, order.schoolId)))
      : [];
    if (!member) throw new AppError("INVALID_INPUT", t("refusal.delivery.chooseSomeoneOfSchool"));
    const [before] = await tx.select().from(schema.evaluationRequests).where(eq(schema.evaluationRequests.orderId, order.id));
    await tx
      .insert(schema.evaluationRequests)
      .values({ orderId: order.id, authorityId, evaluatorUserId: userId, namedBy: actor.id })
      .onConflictDoUpdate({ target: schema.evaluationRequests.orderId, set: { evaluatorUserId: userId, namedBy: actor.id } });
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "evaluation.evaluator_named",
      entityType: "order",
      entityId: order.id,
      organisationId: order.schoolId,
      before: { evaluatorUserId: before?.evaluatorUserId ?? null },
      after: { evaluatorUserId: userId },
    });
    if (order.status === "delivered") await tellPleaseEvaluate(tx, { authorityId, order, reminder: false, appUrl, evaluatorUserId: userId, headsToo: false });
  });
}
