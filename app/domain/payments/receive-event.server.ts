// Stripe's webhook events, after the route has checked their signature: each event id is stored
// and processed once, and each event is only a hint: the object it names is read back from Stripe.
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { schema, type Database, type Queryable } from "~/db.server";
import type { StripeClient } from "~/integrations/stripe.server";
import { applyAccount } from "./connect.server";
import { applyTransfer } from "./pay-provider.server";
import { applyCharge, applyDispute, retrieveCharge } from "./refund.server";
import { isHandledEvent, type HandledEvent } from "./rules";
import { applyPayout } from "./stripe-ledger.server";
import { applySession, retrieveSession } from "./sync-checkout.server";

const { stripeEvents, stripeCheckouts } = schema;

type Apply = (tx: Queryable) => Promise<string>;

/** Read the event's object back from Stripe and say how to apply it. */
async function readBack(db: Database, stripe: StripeClient, type: HandledEvent, objectId: string, appUrl: string): Promise<Apply> {
  switch (type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const session = await retrieveSession(stripe, objectId);
      return (tx) => applySession(tx, { session, appUrl });
    }
    case "payment_intent.payment_failed": {
      // The session tells the whole story; find it by the intent's own checkout id.
      const intent = await stripe.paymentIntents.retrieve(objectId);
      const [checkout] = await db.select({ sessionId: stripeCheckouts.sessionId }).from(stripeCheckouts).where(eq(stripeCheckouts.paymentIntentId, intent.id));
      const sessionId = checkout?.sessionId ?? (await stripe.checkout.sessions.list({ payment_intent: intent.id, limit: 1 })).data[0]?.id;
      if (!sessionId) return async () => "ignored: no session";
      const session = await retrieveSession(stripe, sessionId);
      return (tx) => applySession(tx, { session, appUrl });
    }
    case "charge.refunded": {
      const charge = await retrieveCharge(stripe, objectId);
      const session = await sessionOfCharge(stripe, charge);
      return async (tx) => [session ? await applySession(tx, { session, appUrl }) : null, await applyCharge(tx, { charge, appUrl })].filter(Boolean).join("; ");
    }
    case "charge.dispute.created":
    case "charge.dispute.closed": {
      // Both apply the dispute as Stripe holds it now, so they may arrive in either order.
      const dispute = await stripe.disputes.retrieve(objectId);
      const charge = await retrieveCharge(stripe, typeof dispute.charge === "string" ? dispute.charge : dispute.charge.id);
      const session = await sessionOfCharge(stripe, charge);
      return async (tx) =>
        [session ? await applySession(tx, { session, appUrl }) : null, await applyDispute(tx, { dispute, charge, appUrl })].filter(Boolean).join("; ");
    }
    case "account.updated": {
      const account = await stripe.accounts.retrieve(objectId);
      return (tx) => applyAccount(tx, account);
    }
    case "transfer.created":
    case "transfer.reversed": {
      const transfer = await stripe.transfers.retrieve(objectId, { expand: ["reversals"] });
      return (tx) => applyTransfer(tx, transfer);
    }
    case "payout.paid":
    case "payout.failed": {
      // The platform's balance to the bank of the authority named in the payout's metadata.
      const payout = await stripe.payouts.retrieve(objectId);
      return (tx) => applyPayout(tx, payout);
    }
  }
}

/**
 * A refund or dispute can overtake the events of the payment it concerns: its session is read too,
 * and applied first, so the payment is recorded before it is refunded, whatever the order.
 */
async function sessionOfCharge(stripe: StripeClient, charge: Stripe.Charge) {
  const intentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  if (!intentId) return null;
  const [first] = (await stripe.checkout.sessions.list({ payment_intent: intentId, limit: 1 })).data;
  return first ? retrieveSession(stripe, first.id) : null;
}

export type ReceiveResult = { outcome: "ignored" | "duplicate" | "processed"; detail?: string };

/**
 * Process one verified event. Safe to call any number of times, concurrently, in any order:
 * the event row is locked while it is applied and marked processed in the same transaction.
 */
export async function receiveStripeEvent(
  db: Database,
  stripe: StripeClient,
  event: { id: string; type: string; account?: string | null; data: { object: unknown } },
  { appUrl }: { appUrl: string },
): Promise<ReceiveResult> {
  const objectId = (event.data.object as { id?: unknown } | null)?.id;
  if (!isHandledEvent(event.type) || typeof objectId !== "string") return { outcome: "ignored" };
  // A connected account's own payout (to the provider's bank) is the provider's business, not the platform's.
  if (event.account && event.type.startsWith("payout.")) return { outcome: "ignored" };
  const type = event.type;
  await db.insert(stripeEvents).values({ id: event.id, type, objectId }).onConflictDoNothing();
  const [seen] = await db.select({ processedAt: stripeEvents.processedAt }).from(stripeEvents).where(eq(stripeEvents.id, event.id));
  if (seen?.processedAt) return { outcome: "duplicate" };
  // The id and type come from the signed payload; the object comes from Stripe itself.
  const apply = await readBack(db, stripe, type, objectId, appUrl);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(stripeEvents).where(eq(stripeEvents.id, event.id)).for("update");
    if (row.processedAt) return { outcome: "duplicate" as const };
    const detail = await apply(tx);
    await tx.update(stripeEvents).set({ processedAt: new Date(), outcome: detail }).where(eq(stripeEvents.id, event.id));
    return { outcome: "processed" as const, detail };
  });
}

export type WebhookAnswer = { status: number; body: string };

/**
 * A webhook delivery: the signature checked on the raw body (a tampered, expired or unsigned
 * one is refused with 400 and nothing is written), then the event received.
 */
export async function receiveWebhook(
  db: Database,
  stripe: StripeClient | null,
  { rawBody, signature, secret, appUrl }: { rawBody: string; signature: string | null; secret: string | undefined; appUrl: string },
): Promise<WebhookAnswer> {
  if (!stripe || !secret) return { status: 404, body: "Stripe is not set up here" };
  if (!signature) return { status: 400, body: "No Stripe-Signature header" };
  let event: Stripe.Event;
  try {
    event = await stripe.webhooks.constructEventAsync(rawBody, signature, secret);
  } catch {
    return { status: 400, body: "The signature does not match, or is too old" };
  }
  const result = await receiveStripeEvent(db, stripe, event, { appUrl });
  return { status: 200, body: JSON.stringify({ received: true, ...result }) };
}
