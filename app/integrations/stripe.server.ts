// The Stripe client, made from the environment once per process. The domain never reads the
// environment: it is handed this client (or null, when Stripe is not configured).
import Stripe from "stripe";
import type { Env } from "~/env.server";

export type StripeClient = Stripe;
export type StripeEnv = Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_URL">;

export function createStripe(env: StripeEnv): StripeClient | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  const api = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null;
  return new Stripe(env.STRIPE_SECRET_KEY, {
    // Our own idempotency keys make every retry safe; the outbox retries what fails.
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(api
      ? { host: api.hostname, port: api.port || (api.protocol === "https:" ? 443 : 80), protocol: api.protocol.replace(":", "") as "http" | "https" }
      : {}),
  });
}

const clients = new Map<string, StripeClient | null>();

/** One client per configuration, kept for the life of the process. */
export function stripeFor(env: StripeEnv): StripeClient | null {
  const key = `${env.STRIPE_SECRET_KEY ?? ""}|${env.STRIPE_API_URL ?? ""}`;
  if (!clients.has(key)) clients.set(key, createStripe(env));
  return clients.get(key)!;
}
