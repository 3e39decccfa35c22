// Stripe's word on a checkout, read back from Stripe (never taken from a webhook's payload) and
// applied once: the payment recorded against the invoice when the money has arrived.
import { and, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import { schema, type Database, type Queryable } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { queueEmail } from "~/domain/outbox.server";
import { applyInvoicePayment } from "~/domain/purchasing/apply-payment.server";
import type { StripeClient } from "~/integrations/stripe.server";
import { advanceCheckout, checkoutStatusOf } from "./rules";
import { postStripeFee } from "./stripe-ledger.server";

const { stripeCheckouts, invoices, users, organisations, memberships } = schema;

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/** The session with its PaymentIntent and charge, as Stripe holds them now. */
export const retrieveSession = (stripe: StripeClient, sessionId: string) =>
  stripe.checkout.sessions.retrieve(sessionId, {
    expand: ["payment_intent", "payment_intent.latest_charge", "payment_intent.latest_charge.balance_transaction"],
  });

export type CheckoutObservation = { session: Stripe.Checkout.Session };

/**
 * Bring our checkout up to what Stripe says of its session, in the caller's transaction. The
 * checkout row is locked first, so two events about one checkout (completed, then
 * async_payment_succeeded, delivered together) take turns and the second finds the work done.
 */
export async function applySession(tx: Queryable, { session, appUrl, now = new Date() }: CheckoutObservation & { appUrl: string; now?: Date }) {
  const checkoutId = session.client_reference_id ?? session.metadata?.checkout_id;
  if (!checkoutId) return "ignored: not one of ours";
  const [checkout] = await tx.select().from(stripeCheckouts).where(eq(stripeCheckouts.id, checkoutId)).for("update");
  if (!checkout) return "ignored: unknown checkout";
  if (checkout.sessionId && checkout.sessionId !== session.id) return "ignored: another session";
  const intent = typeof session.payment_intent === "object" ? session.payment_intent : null;
  const observed = checkoutStatusOf({ sessionStatus: session.status, paymentStatus: session.payment_status, intentStatus: intent?.status ?? null });
  const status = advanceCheckout(checkout.status, observed);
  const charge = intent && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const changes = {
    sessionId: session.id,
    url: checkout.url ?? session.url,
    status,
    paymentIntentId: idOf(session.payment_intent) ?? checkout.paymentIntentId,
    chargeId: idOf(intent?.latest_charge) ?? checkout.chargeId,
    paymentMethod: charge?.payment_method_details?.type ?? checkout.paymentMethod,
    failureReason: status === "failed" ? (intent?.last_payment_error?.message ?? "The payment was declined") : checkout.failureReason,
    completedAt: status === "paid" && !checkout.completedAt ? now : checkout.completedAt,
  };
  await tx.update(stripeCheckouts).set(changes).where(eq(stripeCheckouts.id, checkout.id));
  // What Stripe kept of the payment, from the charge's balance transaction (after the payment itself, once).
  const fee = () =>
    postStripeFee(tx, { authorityId: checkout.authorityId, txn: charge?.balance_transaction, cause: { type: "stripe_checkout", id: checkout.id } });
  if (status === checkout.status) {
    if (status === "paid" && (await fee())) return "stripe fee recorded";
    return `unchanged: ${status}`;
  }

  if (status === "paid") {
    // What Stripe took, which is what the school is credited with.
    const amountPence = session.amount_total ?? checkout.amountPence;
    await applyInvoicePayment(tx, {
      authorityId: checkout.authorityId,
      invoiceId: checkout.invoiceId,
      amountPence,
      // The charge is what Stripe's balance shows, so reconciliation matches on it.
      bankReference: changes.chargeId ?? changes.paymentIntentId ?? session.id,
      receivedOn: now.toISOString().slice(0, 10),
      recordedBy: null,
      method: "stripe",
      idempotencyKey: `stripe:checkout:${checkout.id}`,
      now,
      acceptExcess: true,
    });
    await fee();
  }
  await audit(tx, {
    authorityId: checkout.authorityId,
    actorUserId: null,
    action: `payment.checkout.${status}`,
    entityType: "stripe_checkout",
    entityId: checkout.id,
    organisationId: checkout.schoolId,
    before: { status: checkout.status },
    after: changes,
  });
  if (status === "paid" || status === "processing" || status === "failed") await tellPayer(tx, { checkoutId: checkout.id, outcome: status, appUrl });
  return `checkout ${status}`;
}

/**
 * Email the person who started the payment how it went; a dispute goes to the authority's
 * finance officers instead, who answer it.
 */
export async function tellPayer(
  tx: Queryable,
  {
    checkoutId,
    outcome,
    appUrl,
    amountPence,
  }: { checkoutId: string; outcome: "paid" | "processing" | "failed" | "refunded" | "disputed"; appUrl: string; amountPence?: number },
) {
  const [row] = await tx
    .select({
      email: users.email,
      invoiceNumber: invoices.number,
      invoiceId: invoices.id,
      schoolName: organisations.name,
      amountPence: stripeCheckouts.amountPence,
      authorityId: stripeCheckouts.authorityId,
    })
    .from(stripeCheckouts)
    .innerJoin(users, eq(users.id, stripeCheckouts.createdBy))
    .innerJoin(invoices, eq(invoices.id, stripeCheckouts.invoiceId))
    .innerJoin(organisations, eq(organisations.id, stripeCheckouts.schoolId))
    .where(eq(stripeCheckouts.id, checkoutId));
  if (!row) return;
  const finance =
    outcome === "disputed"
      ? await tx
          .selectDistinct({ email: users.email })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.authorityId, row.authorityId), eq(memberships.role, "la_finance"), isNull(users.disabledAt)))
      : [];
  const recipients = outcome === "disputed" ? finance.map((f) => f.email) : [row.email];
  for (const to of recipients) {
    await queueEmail(tx, {
      to,
      template: "stripe-payment",
      authorityId: row.authorityId,
      props: {
        outcome,
        invoiceNumber: row.invoiceNumber,
        schoolName: row.schoolName,
        amountPence: amountPence ?? row.amountPence,
        url: outcome === "disputed" ? `${appUrl}/finance/reconciliation` : `${appUrl}/invoices/${row.invoiceId}`,
      },
    });
  }
}

/** Read a session back and apply it in one transaction. */
export async function syncSession(db: Database, stripe: StripeClient, { sessionId, appUrl }: { sessionId: string; appUrl: string }) {
  const session = await retrieveSession(stripe, sessionId);
  return db.transaction((tx) => applySession(tx, { session, appUrl }));
}
