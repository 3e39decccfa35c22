// The HTTP server: security headers, the Origin check, health checks, static files and Remix.
import "./context";
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import express, { type NextFunction, type Request, type Response } from "express";
import { databaseConfig, openDatabase, type DatabaseHandle } from "#db/client";
import { loadEnv, type Env } from "./env.server";
import { startDispatcher, type PeriodicTask } from "./integrations/outbox-dispatcher.server";
import { PERIODIC_TASKS } from "./integrations/periodic-tasks.server";
import { prepareDatabase, startupMessage, type Startup } from "./startup.server";

/** POSTs from another origin are refused, except where a third party calls us with its own proof. */
const ORIGIN_EXEMPT = ["/webhooks/stripe"];

export function contentSecurityPolicy(nonce: string, dev: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

function securityHeaders(env: Env, dev: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, dev));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (env.SECURE) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    next();
  };
}

export function isSameOrigin(originHeader: string | undefined, refererHeader: string | undefined, allowed: string[]) {
  let origin = originHeader && originHeader !== "null" ? originHeader : undefined;
  if (!origin && refererHeader) {
    try {
      origin = new URL(refererHeader).origin;
    } catch {
      origin = undefined;
    }
  }
  return origin !== undefined && allowed.includes(origin);
}

function originCheck(env: Env) {
  const appOrigin = new URL(env.APP_URL).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method) || ORIGIN_EXEMPT.includes(req.path)) return next();
    const hostOrigin = `${req.protocol}://${req.get("host")}`;
    if (isSameOrigin(req.get("origin"), req.get("referer"), [appOrigin, hostOrigin])) return next();
    res.status(403).type("text/plain").send("Forbidden: this request did not come from this service.");
  };
}

export type RunningServer = { server: Server; url: string; database: DatabaseHandle; stop: () => Promise<void> };

export async function startServer(
  env: Env,
  { dev = false, onReady, tasks = PERIODIC_TASKS }: { dev?: boolean; onReady?: (db: DatabaseHandle) => Promise<void>; tasks?: PeriodicTask[] } = {},
): Promise<RunningServer> {
  const database = await openDatabase(databaseConfig(env));
  await database.migrate();
  await onReady?.(database);
  const dispatcher = startDispatcher(database.db, env, { tasks });

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(securityHeaders(env, dev));

  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok");
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await database.db.execute(sql`select 1`);
      res.type("text/plain").send("ready");
    } catch {
      res.status(503).type("text/plain").send("database unavailable");
    }
  });
  app.use(originCheck(env));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import("vite");
    const viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteDevServer.middlewares);
    build = () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
    // The build exists only after `npm run build`.
    const serverBuild = new URL("../build/server/index.js", import.meta.url).href;
    build = (await import(serverBuild)) as ServerBuild;
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => ({ db: database.db, env, nonce: res.locals.nonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(env.PORT, env.HOST, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = env.APP_URL.replace(`:${env.PORT}`, `:${port}`);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop taking new connections, let requests in flight and the dispatcher's tick finish, then close the database.
      await Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
        dispatcher.stop(),
      ]);
      await database.close();
    })());

  return { server, url, database, stop };
}

async function main() {
  const env = loadEnv();
  const dev = process.argv.includes("--dev");
  let startup: Startup = { kind: "ready" };
  const running = await startServer(env, {
    dev,
    onReady: async (database) => {
      startup = await prepareDatabase(database.db, env);
    },
  });
  console.log(`School Improvement Marketplace is running at ${running.url}`);
  const message = startupMessage(startup);
  if (message) console.log(message);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, async () => {
      console.log(`${signal} received: finishing requests in flight, then stopping.`);
      await running.stop();
      process.exit(0);
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
