// The outbox's Stripe jobs. Each is idempotent on its own row's id: a crash after Stripe answered
// but before the row was settled runs it again and Stripe returns what it made the first time.
import type { JobHandler } from "~/integrations/outbox-dispatcher.server";
import type { StripeClient } from "~/integrations/stripe.server";
import { CHECKOUT_JOB } from "./start-checkout.server";
import { createCheckoutSession } from "./checkout-session.server";
import { CONNECT_ACCOUNT_JOB, createConnectAccount } from "./connect.server";
import { REVERSAL_JOB, sendReversal, sendTransfer, TRANSFER_JOB } from "./pay-provider.server";
import { REFUND_JOB, sendRefund } from "./refund.server";

const text = (payload: Record<string, unknown>, key: string) => {
  const value = payload[key];
  if (typeof value !== "string") throw new Error(`The job has no ${key}`);
  return value;
};

/** The handlers, or none when Stripe is not configured (the rows then wait, and nothing is queued without it anyway). */
export function stripeJobs(stripe: StripeClient | null, { appUrl }: { appUrl: string }): Record<string, JobHandler> {
  if (!stripe) return {};
  return {
    [CHECKOUT_JOB]: (db, p) => createCheckoutSession(db, stripe, { checkoutId: text(p, "checkoutId"), appUrl }),
    [CONNECT_ACCOUNT_JOB]: (db, p) => createConnectAccount(db, stripe, { providerId: text(p, "providerId") }),
    [TRANSFER_JOB]: (db, p) => sendTransfer(db, stripe, { transferId: text(p, "transferId") }),
    [REVERSAL_JOB]: (db, p) => sendReversal(db, stripe, { transferId: text(p, "transferId"), amountPence: Number(p.amountPence), key: text(p, "key") }),
    [REFUND_JOB]: (db, p) => sendRefund(db, stripe, { refundId: text(p, "refundId"), appUrl }),
  };
}
