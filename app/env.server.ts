import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

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
    DEMO: bool.optional(),
    DEMO_PASSWORD: z.string().min(12, { message: "must be at least 12 characters" }).default("demo-county-2026"),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.string().url().optional(),
    EMAIL_FROM: z.string().default("School Improvement Marketplace <no-reply@marketplace.localhost>"),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    TRUST_PROXY: bool.default("false"),
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  })
  .transform((env) => {
    const appUrl = env.APP_URL ?? `http://${env.HOST}:${env.PORT}`;
    return {
      ...env,
      APP_URL: appUrl,
      // Demo data (people with a known password) only ever goes into the embedded
      // database, or where someone asks for it explicitly.
      DEMO: env.DEMO ?? !env.DATABASE_URL,
      /** Cookies are __Host- and Secure, and HSTS is sent, whenever the app is served over https. */
      SECURE: appUrl.startsWith("https://"),
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
