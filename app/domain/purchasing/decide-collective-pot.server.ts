import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ensureCan, type Actor } from "~/domain/actor";
import { loadCollectivePurchase } from "./load.server";
import { t } from "~/i18n";

export type DecideCollectivePotOptions = { actor: Actor; authorityId: string; collectivePurchaseId: string; decision: "approve" | "refuse"; now?: Date };

/**
 * The consortium's lead answers a pot contribution that someone else (a commissioner) set on a
 * collective purchase. Approved: the pot pays by the rule at the close. Refused: the purchase goes
 * on and the schools share the whole price.
 */
export async function decideCollectivePot(db: Database, { actor, authorityId, collectivePurchaseId, decision, now = new Date() }: DecideCollectivePotOptions) {
  const { collectivePurchases } = schema;
  return db.transaction(async (tx) => {
    const purchase = await loadCollectivePurchase(tx, authorityId, collectivePurchaseId, { lock: true });
    ensureCan(actor, "manage:pot", { organisationId: purchase.consortiumId, authorityId }, t("refusal.purchasing.consortiumLeadDecideHow"));
    if (purchase.potApproval !== "requested" || purchase.status !== "open") {
      // A second click on the same answer lands on the outcome of the first.
      if (purchase.potApproval === (decision === "approve" ? "approved" : "refused")) return { purchase, changed: false };
      throw new AppError("INVALID_STATE", t("refusal.purchasing.potContributionPurchaseAlready"));
    }
    const [after] = await tx
      .update(collectivePurchases)
      .set({ potApproval: decision === "approve" ? "approved" : "refused", potDecidedBy: actor.id, potDecidedAt: now })
      .where(eq(collectivePurchases.id, purchase.id))
      .returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: `collective_purchase.pot_${decision === "approve" ? "approved" : "refused"}`,
      entityType: "collective_purchase",
      entityId: purchase.id,
      before: purchase,
      after,
    });
    return { purchase: after, changed: true };
  });
}
