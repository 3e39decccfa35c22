// The outbox's half of paying online: create the Checkout Session for a checkout row.
import { and, eq, isNull } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { StripeClient } from "~/integrations/stripe.server";

const { stripeCheckouts, invoices, organisations } = schema;

/** The metadata every Stripe object of ours carries, so a webhook can be traced back without trusting its payload. */
export const checkoutMetadata = (c: { id: string; authorityId: string; invoiceId: string }, invoiceNumber: string) => ({
  checkout_id: c.id,
  authority_id: c.authorityId,
  invoice_id: c.invoiceId,
  invoice_number: invoiceNumber,
});

/**
 * Create the Checkout Session for a checkout, under the checkout's id as idempotency key: run
 * twice (a crash between Stripe's answer and our update), Stripe returns the same session.
 */
export async function createCheckoutSession(db: Database, stripe: StripeClient, { checkoutId, appUrl }: { checkoutId: string; appUrl: string }) {
  const [row] = await db
    .select({ checkout: stripeCheckouts, invoiceNumber: invoices.number, orderId: invoices.orderId, schoolName: organisations.name })
    .from(stripeCheckouts)
    .innerJoin(invoices, eq(invoices.id, stripeCheckouts.invoiceId))
    .innerJoin(organisations, eq(organisations.id, stripeCheckouts.schoolId))
    .where(eq(stripeCheckouts.id, checkoutId));
  if (!row || row.checkout.sessionId) return;
  const { checkout, invoiceNumber } = row;
  const metadata = checkoutMetadata(checkout, invoiceNumber);
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      client_reference_id: checkout.id,
      customer_creation: "always",
      // Card, Bacs Direct Debit and bank transfer are switched on in the Stripe account's payment
      // method settings; Checkout offers those that suit the amount and currency.
      payment_method_options: { customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "gb_bank_transfer" } } },
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "gbp", unit_amount: checkout.amountPence, product_data: { name: `Invoice ${invoiceNumber}`, description: row.schoolName } },
        },
      ],
      metadata,
      // The provider's share later moves to its connected account in the order's transfer group;
      // a school's match funding has no order and no provider to pay.
      payment_intent_data: { metadata, description: `Invoice ${invoiceNumber}`, ...(row.orderId ? { transfer_group: `order:${row.orderId}` } : {}) },
      success_url: `${appUrl}/payments/${checkout.id}/success`,
      cancel_url: `${appUrl}/payments/${checkout.id}/cancelled`,
    },
    { idempotencyKey: `checkout:${checkout.id}` },
  );
  await db
    .update(stripeCheckouts)
    .set({ sessionId: session.id, url: session.url, status: "open" })
    .where(and(eq(stripeCheckouts.id, checkout.id), isNull(stripeCheckouts.sessionId)));
}
