import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ensureCan, type Actor } from "~/domain/actor";
import { cancelOrdersMoney } from "./cancel.server";
import { liveOrders } from "./charge.server";
import { tellOutcome } from "./notify.server";
import { cancellationRefusal } from "./rules";
import { loadCollectivePurchase } from "./load.server";
import { t } from "~/i18n";

export type CancelCollectivePurchaseOptions = { actor: Actor; authorityId: string; collectivePurchaseId: string; reason: string; appUrl: string; now?: Date };

/**
 * The lead cancels a whole collective purchase: while open, nobody has been charged; once
 * confirmed, only within the provider's terms for every order, and then every order is cancelled,
 * the pot refunded and the invoices credited.
 */
export async function cancelCollectivePurchase(
  db: Database,
  { actor, authorityId, collectivePurchaseId, reason, appUrl, now = new Date() }: CancelCollectivePurchaseOptions,
) {
  const { collectivePurchases, offerRevisions, offerRevisions: r, pledges, organisations } = schema;
  return db.transaction(async (tx) => {
    const purchase = await loadCollectivePurchase(tx, authorityId, collectivePurchaseId, { lock: true });
    ensureCan(
      actor,
      "open:collective-purchase",
      { organisationId: purchase.consortiumId, authorityId },
      t("refusal.purchasing.consortiumLeadCancelCollective"),
    );
    if (purchase.status === "cancelled") return purchase;
    const orders = await liveOrders(tx, { collectivePurchaseId: purchase.id });
    const [revision] = await tx
      .select({ noticeDays: offerRevisions.cancellationNoticeDays, title: r.title })
      .from(offerRevisions)
      .where(eq(offerRevisions.id, purchase.revisionId));
    for (const order of orders) {
      const refusal = cancellationRefusal({ status: order.status, deliveryStartsOn: order.deliveryStartsOn, noticeDays: revision.noticeDays, now });
      if (refusal) throw new AppError("INVALID_STATE", refusal);
    }
    await cancelOrdersMoney(tx, { authorityId, actorUserId: actor.id, orderIds: orders.map((o) => o.id), collectivePurchaseId: purchase.id, reason, now });
    const [after] = await tx
      .update(collectivePurchases)
      .set({ status: "cancelled", closedAt: purchase.closedAt ?? now, closedBy: purchase.closedBy ?? actor.id, cancelledReason: reason })
      .where(eq(collectivePurchases.id, purchase.id))
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "collective_purchase.cancel",
      entityType: "collective_purchase",
      entityId: purchase.id,
      before: purchase,
      after,
    });

    const joined = await tx
      .select({ schoolId: pledges.schoolId, name: organisations.name })
      .from(pledges)
      .innerJoin(organisations, eq(organisations.id, pledges.schoolId))
      .where(and(eq(pledges.collectivePurchaseId, purchase.id), eq(pledges.status, "joined")));
    const [consortium] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, purchase.consortiumId));
    await tellOutcome(tx, {
      authorityId,
      collectivePurchaseId: purchase.id,
      outcome: "cancelled",
      consortiumName: consortium.name,
      offerTitle: revision.title,
      schools: joined,
      detailFor: () => ({
        cancelled: { reason: "by_lead", joined: joined.length, minSchools: purchase.minSchools, leadReason: reason, refunded: orders.length > 0 },
      }),
      appUrl,
    });
    return after;
  });
}
