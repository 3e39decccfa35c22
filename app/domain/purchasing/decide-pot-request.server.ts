import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { isUuid } from "~/domain/ids";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { postEntry } from "~/domain/ledger/post-entry.server";
import { ensureCan, type Actor } from "./actor";
import { lockAccounts, officeAccounts, potAccount } from "./accounts.server";
import { splitPaidOrders } from "./charge.server";

export type DecidePotRequestOptions = { actor: Actor; authorityId: string; orderId: string; decision: "approve" | "refuse"; now?: Date };

/**
 * The consortium lead answers a school's request to pay from the pot. Approved: the pot pays the
 * order (never below zero) and the sale, paid, is split at once. Refused: the order is cancelled,
 * nothing having been charged.
 */
export async function decidePotRequest(db: Database, { actor, authorityId, orderId, decision, now = new Date() }: DecidePotRequestOptions) {
  const { orders, providers, offerRevisions } = schema;
  return db.transaction(async (tx) => {
    const [order] = isUuid(orderId) ? await tx.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.authorityId, authorityId))).for("update") : [];
    if (!order || !order.consortiumId || order.potRequest === null) throw new AppError("NOT_FOUND", "Request not found");
    ensureCan(actor, "manage:pot", { organisationId: order.consortiumId, authorityId }, "Only the consortium's lead can decide how its pot is spent");
    if (order.potRequest !== "requested" || order.status !== "placed") throw new AppError("INVALID_STATE", "This request has already been answered");

    if (decision === "refuse") {
      const [after] = await tx
        .update(orders)
        .set({ potRequest: "refused", potDecidedBy: actor.id, potDecidedAt: now, status: "cancelled", cancelledAt: now, cancelledBy: actor.id })
        .where(eq(orders.id, order.id))
        .returning();
      await audit(tx, { authorityId, actorUserId: actor.id, action: "order.pot_refused", entityType: "order", entityId: order.id, before: order, after });
      return after;
    }

    const [offer] = await tx
      .select({ kind: providers.providerKind, title: offerRevisions.title })
      .from(providers)
      .innerJoin(offerRevisions, eq(offerRevisions.id, order.revisionId))
      .where(eq(providers.organisationId, order.providerId));
    const accounts = await officeAccounts(tx, authorityId);
    const pot = await potAccount(tx, authorityId, order.consortiumId);
    const payable = await ensureAccount(tx, { authorityId, kind: "provider_payable", ownerId: order.providerId });
    await lockAccounts(tx, [...Object.values(accounts), pot, payable.id]);
    const cause = { type: "order", id: order.id };
    await postEntry(tx, {
      authorityId,
      idempotencyKey: `order:${order.id}:pot`,
      description: `Consortium pot payment: ${offer.title}`,
      cause,
      actorUserId: actor.id,
      postings: [
        { accountId: pot, amountPence: order.netPence },
        { accountId: accounts.salesPending, amountPence: -order.netPence },
      ],
    });
    await tx.update(orders).set({ potRequest: "approved", potDecidedBy: actor.id, potDecidedAt: now }).where(eq(orders.id, order.id));
    await splitPaidOrders(tx, { authorityId, actorUserId: actor.id, now, providerId: order.providerId, providerKind: offer.kind, key: `order:${order.id}:split`, cause, describe: offer.title, accounts }, [order]);
    const [after] = await tx.select().from(orders).where(eq(orders.id, order.id));
    await audit(tx, { authorityId, actorUserId: actor.id, action: "order.pot_approved", entityType: "order", entityId: order.id, before: order, after });
    return after;
  });
}
