// A local stand-in for Stripe that a person can run beside the app, to try paying by card and by
// Bacs Direct Debit, refunds, disputes and provider onboarding without a Stripe account:
//
//   APP_URL=http://localhost:3000 npm run stripe:local
//
// It prints the three variables to start the app with, delivers its webhooks to
// $APP_URL/webhooks/stripe, and serves a page at its own address to play Stripe's part by hand
// (a debit succeeds or fails, a charge is disputed). Its objects live in memory until it stops.
import { startFakeStripe } from "../test/mocks/stripe";

const port = Number(process.env.STRIPE_LOCAL_PORT ?? 12111);
const appUrl = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");

const fake = await startFakeStripe({
  port,
  host: process.env.STRIPE_LOCAL_HOST ?? "127.0.0.1",
  secretKey: process.env.STRIPE_SECRET_KEY ?? "sk_test_local",
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_local",
});
fake.webhookUrl = `${appUrl}/webhooks/stripe`;

process.stdout.write(
  [
    `Local Stripe on ${fake.url}; webhooks go to ${fake.webhookUrl}.`,
    "Start the app with:",
    "",
    `  export STRIPE_SECRET_KEY=${fake.secretKey}`,
    `  export STRIPE_WEBHOOK_SECRET=${fake.webhookSecret}`,
    `  export STRIPE_API_URL=${fake.url}`,
    "",
    `Play Stripe's part (settle or fail a Bacs debit, dispute a charge) at ${fake.url}/`,
    "Stop with Ctrl-C.",
    "",
  ].join("\n"),
);

const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
