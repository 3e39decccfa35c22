import { z } from "zod";
import { LOG_LEVELS } from "./logger.server";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" }).transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number({ message: "must be a port number" }).int().min(0).max(65535).default(3000),
    HOST: z.string().default("localhost"),
    APP_URL: z.string().url({ message: "must be a full URL such as https://marketplace.example.gov.uk" }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// URL" })
      .optional(),
    DATA_DIR: z.string().default("./data/pglite"),
    /**
     * true: the demo, asked for. local: the demo only on the embedded database over plain http,
     * its mailbox only for this machine (what `npm start` sets when DEMO is unset). Unset: no demo.
     */
    DEMO: z.enum(["true", "false", "1", "0", "yes", "no", "local"], { message: "must be true, false or local" }).optional(),
    DEMO_PASSWORD: z.string().min(12, { message: "must be at least 12 characters" }).default("demo-county-2026"),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.string().url().optional(),
    EMAIL_FROM: z.string().default("School Improvement Marketplace <no-reply@marketplace.localhost>"),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, { message: "must be a Stripe secret key (sk_test_…, sk_live_… or a restricted rk_ key)" })
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9]+$/, { message: "must be a Stripe webhook signing secret (whsec_…)" })
      .optional(),
    /** Where the Stripe API is, for a local stand-in in tests; unset: Stripe itself. */
    STRIPE_API_URL: z.string().url({ message: "must be a full URL such as http://127.0.0.1:12111" }).optional(),
    TRUST_PROXY: bool.default("false"),
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
    WEB_CONCURRENCY: z.coerce.number({ message: "must be a number of processes" }).int().min(1).max(64).optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  })
  // Payments taken without their webhook would never be recorded: the two keys come together.
  .refine((env) => Boolean(env.STRIPE_SECRET_KEY) === Boolean(env.STRIPE_WEBHOOK_SECRET), {
    message: "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together (or neither)",
    path: ["STRIPE_WEBHOOK_SECRET"],
  })
  .transform((env) => {
    const appUrl = env.APP_URL ?? `http://${env.HOST}:${env.PORT}`;
    const explicit = env.DEMO === "true" || env.DEMO === "1" || env.DEMO === "yes";
    // Demo data (people with a known password) is never inferred from the rest of the
    // environment: only DEMO=true, or DEMO=local on the embedded database of a plain-http,
    // local start. An https APP_URL is a real deployment, where "local" does not apply.
    const local = env.DEMO === "local" && !env.DATABASE_URL && !appUrl.startsWith("https://");
    return {
      ...env,
      APP_URL: appUrl,
      DEMO: explicit || local,
      /** DEMO=true was given: the demo, its banner and its mailbox are open to every visitor. */
      DEMO_EXPLICIT: explicit,
      /** DEMO=local was given but does not apply here (a postgres:// database or an https APP_URL). */
      DEMO_LOCAL_REFUSED: env.DEMO === "local" && !local,
      /** Cookies are __Host- and Secure, and HSTS is sent, whenever the app is served over https. */
      SECURE: appUrl.startsWith("https://"),
      /** Card, bank debit and payouts to providers through Stripe are on. */
      STRIPE: Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET),
    };
  });

export type Env = z.output<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** For commands and the server: the environment, or a clear message and exit code 1. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  try {
    return parseEnv(source);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
