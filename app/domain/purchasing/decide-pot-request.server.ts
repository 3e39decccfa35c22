import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { postEntry, type Posting, debitCredit } from "~/domain/ledger/post-entry.server";
import { ensureCan, type Actor } from "~/domain/actor";
import { lockAccounts, officeAccounts, potAccount } from "./accounts.server";
import { issueInvoices, splitPaidOrders } from "./charge.server";
import { tellPotDecided } from "./notify.server";
import { lockOrder } from "./load.server";
import { t, type MessageKey } from "~/i18n";
import { message } from "~/domain/ledger/described";

export type DecidePotRequestOptions = { actor: Actor; authorityId: string; orderId: string; decision: "approve" | "refuse"; appUrl: string; now?: Date };

/**
 * The consortium lead answers a school's request to pay from the pot. Approved: the pot pays the
 * order (never below zero) and the sale, paid, is split at once. Refused: the order is cancelled,
 * nothing having been charged.
 */
export async function decidePotRequest(db: Database, { actor, authorityId, orderId, decision, appUrl, now = new Date() }: DecidePotRequestOptions) {
  const { orders, providers, offerRevisions } = schema;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, authorityId, orderId);
    if (!order || !order.consortiumId || order.potRequest === null) throw new AppError("NOT_FOUND", t("refusal.purchasing.requestNotFound"));
    ensureCan(actor, "manage:pot", { organisationId: order.consortiumId, authorityId }, t("refusal.purchasing.consortiumLeadDecideHow"));
    // A second click on the same answer lands on the outcome of the first.
    if (order.potRequest === (decision === "approve" ? "approved" : "refused")) return order;
    if (order.potRequest !== "requested" || order.status !== "placed") throw new AppError("INVALID_STATE", t("refusal.purchasing.requestAlreadyBeenAnswered"));

    if (decision === "refuse") {
      const [after] = await tx
        .update(orders)
        .set({ potRequest: "refused", potDecidedBy: actor.id, potDecidedAt: now, status: "cancelled", cancelledAt: now, cancelledBy: actor.id })
        .where(eq(orders.id, order.id))
        .returning();
      await audit(tx, { authorityId, actorUserId: actor.id, action: "order.pot_refused", entityType: "order", entityId: order.id, before: order, after });
      await tellPotDecided(tx, { authorityId, order, decision: "refused", appUrl });
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
    const receivable = order.payablePence > 0 ? await ensureAccount(tx, { authorityId, kind: "school_receivable", ownerId: order.schoolId }) : null;
    await lockAccounts(tx, [...Object.values(accounts), pot, payable.id, ...(receivable ? [receivable.id] : [])]);
    const cause = { type: "order", id: order.id };
    const post = (step: string, text: MessageKey, postings: Posting[]) =>
      postEntry(tx, {
        authorityId,
        idempotencyKey: `order:${order.id}:${step}`,
        description: message(text, { offer: offer.title }),
        cause,
        actorUserId: actor.id,
        postings,
      });
    await post("pot", "ledgerText.potPayment", debitCredit(pot, accounts.salesPending, order.netPence));
    await tx
      .update(orders)
      .set({ potRequest: "approved", potDecidedBy: actor.id, potDecidedAt: now, paymentRoute: order.payablePence > 0 ? "invoice" : order.paymentRoute })
      .where(eq(orders.id, order.id));
    if (receivable) {
      // VAT on the whole supply is the school's: it is invoiced for it, and the sale is split when that is paid.
      await post("charge", "ledgerText.vatCharged", [
        { accountId: receivable.id, amountPence: order.payablePence },
        { accountId: accounts.vatOutput, amountPence: -order.vatPence },
      ]);
      const [charged] = await tx.select().from(orders).where(eq(orders.id, order.id));
      await issueInvoices(tx, { authorityId, now, offer: { title: offer.title } }, [charged], new Map());
      const [after] = await tx.select().from(orders).where(eq(orders.id, order.id));
      await audit(tx, { authorityId, actorUserId: actor.id, action: "order.pot_approved", entityType: "order", entityId: order.id, before: order, after });
      await tellPotDecided(tx, { authorityId, order, decision: "approved", appUrl });
      return after;
    }
    await splitPaidOrders(
      tx,
      {
        authorityId,
        actorUserId: actor.id,
        now,
        providerId: order.providerId,
        providerKind: offer.kind,
        key: `order:${order.id}:split`,
        cause,
        describe: offer.title,
        accounts,
      },
      [order],
    );
    const [after] = await tx.select().from(orders).where(eq(orders.id, order.id));
    await audit(tx, { authorityId, actorUserId: actor.id, action: "order.pot_approved", entityType: "order", entityId: order.id, before: order, after });
    await tellPotDecided(tx, { authorityId, order, decision: "approved", appUrl });
    return after;
  });
}
