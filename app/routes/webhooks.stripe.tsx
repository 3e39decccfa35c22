// Stripe's webhook: the one POST that comes from another origin (exempt in app/server.ts), proven by its signature instead.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/domain/payments/receive-event.server";
import { stripeFor } from "~/integrations/stripe.server";

export async function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  const { status, body } = await receiveWebhook(context.db, stripeFor(context.env), {
    rawBody: await request.text(),
    signature: request.headers.get("stripe-signature"),
    secret: context.env.STRIPE_WEBHOOK_SECRET,
    appUrl: context.env.APP_URL,
  });
  return new Response(body, { status, headers: { "Content-Type": status === 200 ? "application/json" : "text/plain; charset=utf-8" } });
}
