// A fake Stripe and what a test needs around it: the client pointed at it, the app's context
// with Stripe configured, the outbox run with the Stripe jobs, and events delivered to the webhook.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type { Database, DatabaseHandle } from "#db/client";
import { schema } from "~/db.server";
import { stripeJobs } from "~/domain/payments/jobs.server";
import { startOnboarding } from "~/domain/payments/connect.server";
import { startCheckout } from "~/domain/payments/start-checkout.server";
import { createEmailSender } from "~/integrations/email.server";
import { dispatchDue } from "~/integrations/outbox-dispatcher.server";
import { createStripe } from "~/integrations/stripe.server";
import * as webhook from "~/routes/webhooks.stripe";
import { startFakeStripe, type FakeStripe, type StripeEvent } from "../mocks/stripe";
import { appContext, testEnv, TEST_ORIGIN } from "../setup/context";
import { createTestDatabase } from "../setup/database";
import { actorFor, createPurchasingWorld, schoolBuys, type PurchasingWorld } from "./purchasing";

export const stripeEnv = (fake: FakeStripe) => ({ STRIPE_SECRET_KEY: fake.secretKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_URL: fake.url });

export async function stripeTestbed(db: () => Database) {
  const fake = await startFakeStripe();
  const env = testEnv(stripeEnv(fake));
  // The client as production makes it: the SDK retries a failed request with the same idempotency key, and the outbox tries again after that.
  const stripe = createStripe(env)!;
  const jobs = stripeJobs(stripe, { appUrl: TEST_ORIGIN });
  const sender = createEmailSender(testEnv());
  let clock = Date.now();
  return {
    fake,
    env,
    stripe,
    context: () => appContext(db(), { env }),
    /** Run every due outbox row, as far in the future as retries need. */
    runOutbox: async () => {
      clock += 2 * 60 * 60_000;
      return dispatchDue(db(), { sender, jobs, now: new Date(clock) });
    },
    /** Deliver an event to the webhook route, signed, as a real Request. */
    deliver: async (event: StripeEvent, { signature, body }: { signature?: string | null; body?: string } = {}) => {
      const payload = body ?? JSON.stringify(event);
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      const sig = signature === undefined ? fake.sign(payload) : signature;
      if (sig !== null) headers["Stripe-Signature"] = sig;
      const response = await webhook.action({
        request: new Request(new URL("/webhooks/stripe", TEST_ORIGIN), { method: "POST", headers, body: payload }),
        params: {},
        context: appContext(db(), { env }),
      });
      return { status: response.status, body: await response.text() };
    },
    close: () => fake.close(),
  };
}
export type StripeTestbed = Awaited<ReturnType<typeof stripeTestbed>>;

/** A school of the world buys the offer on invoice; returns the order and its invoice. */
export async function invoicedOrder(db: Database, world: PurchasingWorld, i = 0, key = `order-${i}-${Math.random()}`) {
  const { school, head } = world.members[i];
  const actor = await actorFor(db, head, world.authority.id);
  const { order } = await schoolBuys(db, world, world.members[i], { idempotencyKey: key });
  const [invoice] = await db.select().from(schema.invoices).where(eq(schema.invoices.orderId, order.id));
  return { order, invoice, actor, school, head };
}

/** The school starts paying the whole invoice through Stripe; the outbox makes the session. Returns the checkout row. */
export async function openCheckout(
  db: Database,
  bed: StripeTestbed,
  { actor, authorityId, invoiceId }: { actor: Awaited<ReturnType<typeof actorFor>>; authorityId: string; invoiceId: string },
) {
  const { checkout } = await startCheckout(db, { actor, authorityId, invoiceId, amountPence: null, checkoutId: randomUUID(), stripeEnabled: true });
  await bed.runOutbox();
  const [row] = await db.select().from(schema.stripeCheckouts).where(eq(schema.stripeCheckouts.id, checkout.id));
  return row;
}

/**
 * For a describe block: a test database, the fake Stripe and a purchasing world of academies,
 * opened before its tests and closed after. Read them through the getters.
 */
export function useStripeWorld(schools: number) {
  let handle: DatabaseHandle;
  let bed: StripeTestbed;
  let world: PurchasingWorld;
  const db = () => handle.db;
  beforeAll(async () => {
    handle = await createTestDatabase();
    bed = await stripeTestbed(db);
    world = await createPurchasingWorld(db(), { schools, academyEvery: 1 });
  });
  afterAll(async () => {
    await bed?.close();
    await handle?.close();
  });
  return { db, bed: () => bed, world: () => world };
}

/** The world's provider onboards with Stripe and its connected account is enabled for payouts (the webhook told). */
export async function enableProviderPayouts(db: Database, bed: StripeTestbed, world: PurchasingWorld) {
  const admin = await actorFor(db, world.providerAdmin, world.authority.id);
  await startOnboarding(db, { actor: admin, authorityId: world.authority.id, providerId: world.provider.id, stripeEnabled: true });
  await bed.runOutbox();
  const account =
    [...bed.fake.objects.values()].find((o) => o.object === "account" && (o.metadata as Record<string, string>)?.provider_id === world.provider.id) ??
    [...bed.fake.objects.values()].find((o) => o.object === "account")!;
  for (const e of bed.fake.updateAccount(account.id as string, { details_submitted: true, payouts_enabled: true })) await bed.deliver(e);
}
