// The HTTP server: security headers, the Origin check, health checks, static files and Remix.
import "./context";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { availableParallelism } from "node:os";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import express, { type NextFunction, type Request, type Response } from "express";
import { databaseConfig, openDatabase, type DatabaseHandle } from "#db/client";
import { readLanguageCookie } from "./auth/language-cookie.server";
import { sessionCookieName, sessionTokenIn } from "./auth/session.server";
import { loadUser, readerLanguage, type CurrentUser } from "./auth/user.server";
import { runInLocale } from "./i18n/request-locale.server";
import { loadEnv, type Env } from "./env.server";
import { startDispatcher, type PeriodicTask } from "./integrations/outbox-dispatcher.server";
import { stripeJobs } from "./domain/payments/jobs.server";
import { stripeFor } from "./integrations/stripe.server";
import { PERIODIC_TASKS } from "./integrations/periodic-tasks.server";
import { compressResponses, filesUnder, precompressedFiles } from "./compression.server";
import { countQuery, createLogger, requestLogging, type RequestLogFields } from "./logger.server";
import { applyServerTimeouts, bodyLimit } from "./request-limits.server";
import { prepareDatabase, startupMessage, type Startup } from "./startup.server";
import onHeaders from "on-headers";

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
    // A route that sends its own policy (the demo's email preview frame) replaces these: sent twice,
    // a browser would obey both, the stricter of each.
    onHeaders(res, () => {
      for (const name of ["Content-Security-Policy", "X-Frame-Options"]) {
        const value = res.getHeader(name);
        if (Array.isArray(value) && value.length > 1) res.setHeader(name, value[value.length - 1]);
      }
    });
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (env.SECURE) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    next();
  };
}

/**
 * Nothing a signed-in person is shown may be kept by a browser's back-forward cache, a shared
 * proxy or a CDN: pages, data requests and CSV files alike. Decided here, where every response
 * passes, just before its headers go out, so no route can forget it or send another value.
 */
export function privateWhenSignedIn(env: Env) {
  const cookie = new RegExp(`(?:^|;\\s*)${sessionCookieName(env.SECURE)}=`);
  return (req: Request, res: Response, next: NextFunction) => {
    const signedIn = cookie.test(req.get("cookie") ?? "");
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
      // A response that starts a session (signing in) is as private as the ones that follow it.
      if (signedIn || this.hasHeader("set-cookie")) this.setHeader("Cache-Control", "private, no-store");
      return writeHead.apply(this, args);
    } as Response["writeHead"];
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

/**
 * The build's files outside /assets (the favicon), served by name: the names are read once, so a
 * request for a page costs no look-up on the disk.
 */
function buildRootFiles(dir: string, options: { maxAge: string }) {
  const names = new Set(
    filesUnder(dir)
      .filter((path) => !path.includes("/"))
      .map((name) => `/${name}`),
  );
  const serve = express.static(dir, { ...options, index: false, redirect: false });
  return (req: Request, res: Response, next: NextFunction) => (names.has(req.path) ? serve(req, res, next) : next());
}

export async function startServer(
  env: Env,
  { dev = false, onReady, tasks = PERIODIC_TASKS }: { dev?: boolean; onReady?: (db: DatabaseHandle) => Promise<void>; tasks?: PeriodicTask[] } = {},
): Promise<RunningServer> {
  const logger = createLogger(env.LOG_LEVEL);
  const database = await openDatabase({ ...databaseConfig(env), onQuery: countQuery });
  await database.migrate();
  // Instances starting together against one database: one seeds the demo, the others find it there.
  if (onReady) await database.exclusive(() => onReady(database));
  const jobs = stripeJobs(stripeFor(env), { appUrl: env.APP_URL });
  const dispatcher = startDispatcher(database.db, env, { tasks, jobs, onError: (err) => logger.error({ err }, "outbox dispatcher") });

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(requestLogging(logger));
  // What a form or a webhook queued goes out as soon as it is answered (its transaction has committed by then).
  app.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") res.once("finish", dispatcher.wake);
    next();
  });
  app.use(compressResponses());
  app.use(securityHeaders(env, dev));
  app.use(bodyLimit());

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
    app.use("/assets", precompressedFiles("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(buildRootFiles("build/client", { maxAge: "1h" }));
    // The build exists only after `npm run build`. This file runs from app/ under tsx (benches) and
    // from build/start.js in production: both one level below the project root.
    const serverBuild = new URL("../build/server/index.js", import.meta.url).href;
    build = (await import(serverBuild)) as ServerBuild;
  }

  // After the static files, which stay cacheable for everyone.
  app.use(privateWhenSignedIn(env));
  const remix = createRequestHandler({
    build,
    getLoadContext: (req, res) => ({
      db: database.db,
      env,
      nonce: res.locals.nonce as string,
      clientIp: req.ip ?? "unknown",
      requestLog: res.locals.requestLog as RequestLogFields,
      user: res.locals.user as CurrentUser | null | undefined,
    }),
  });
  // The reader is looked up once as the request arrives: every page and data request is answered in
  // their language without passing it to every call (ADR 0014), and a page's loaders share them.
  app.all("*", (req, res, next) => {
    const cookie = req.get("cookie") ?? "";
    const token = sessionTokenIn(cookie, env.SECURE);
    (token ? loadUser(database.db, token) : Promise.resolve(null)).then((user) => {
      if (user) (res.locals.requestLog as RequestLogFields).userId = user.id;
      // An action may change who they are (their organisation, their roles): it and the loaders after it look again.
      if (req.method === "GET" || req.method === "HEAD") res.locals.user = user;
      runInLocale(readerLanguage(user, readLanguageCookie(cookie)), () => remix(req, res, next));
    }, next);
  });

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(env.PORT, env.HOST, () => resolve(s));
    applyServerTimeouts(s);
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

/**
 * How many server processes to run: WEB_CONCURRENCY, or in production on PostgreSQL one per CPU.
 * The embedded database belongs to one process, so on PGlite there is only ever one.
 */
export function workerCount(env: Pick<Env, "DATABASE_URL" | "NODE_ENV" | "WEB_CONCURRENCY">, cpus = availableParallelism()) {
  if (!env.DATABASE_URL) return 1;
  return env.WEB_CONCURRENCY ?? (env.NODE_ENV === "production" ? cpus : 1);
}

const announce = (url: string, startup: Startup) => {
  const message = startupMessage(startup);
  console.log([`School Improvement Marketplace is running at ${url}`, message].filter(Boolean).join("\n"));
};

const onStopSignal = (stop: (signal: string) => Promise<void>) => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, async () => {
      await stop(signal);
      process.exit(0);
    });
  }
};

/** One process: the server, its dispatcher, and the database prepared before it listens. */
async function runSingle(env: Env, dev: boolean) {
  let startup: Startup = { kind: "ready" };
  const running = await startServer(env, {
    dev,
    onReady: async (database) => {
      startup = await prepareDatabase(database.db, env);
    },
  });
  announce(running.url, startup);
  onStopSignal(async (signal) => {
    console.log(`${signal} received: finishing requests in flight, then stopping.`);
    await running.stop();
  });
}

/**
 * The primary of a cluster: prepares the database once, then runs `workers` server processes on
 * one port (Node hands each connection to a worker in turn), replaces one that dies, and on
 * SIGTERM stops them all gracefully. Every worker also runs an outbox dispatcher; rows are
 * claimed with SKIP LOCKED, so each is sent once.
 */
async function runPrimary(env: Env, workers: number) {
  const database = await openDatabase(databaseConfig(env));
  let startup: Startup;
  try {
    await database.migrate();
    startup = await database.exclusive(() => prepareDatabase(database.db, env));
  } finally {
    await database.close();
  }
  let stopping = false;
  let listening = 0;
  const url = await new Promise<string>((resolve, reject) => {
    cluster.on("message", (_worker, message: { kind?: string; url?: string }) => {
      if (message?.kind === "listening" && ++listening === workers) resolve(message.url!);
    });
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      if (listening < workers) return reject(new Error(`A server process exited while starting (code ${code}, signal ${signal}).`));
      console.error(`Server process ${worker.process.pid} exited (code ${code}, signal ${signal}); starting another.`);
      cluster.fork();
    });
    for (let i = 0; i < workers; i++) cluster.fork();
  });
  announce(url, startup);
  onStopSignal(async (signal) => {
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then stopping.`);
    const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      running.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
  });
}

/** A worker of the cluster: the primary has migrated and seeded; it serves and reports its address. */
async function runWorker(env: Env) {
  const running = await startServer(env);
  process.send?.({ kind: "listening", url: running.url });
  onStopSignal(() => running.stop());
}

async function main() {
  const env = loadEnv();
  const dev = process.argv.includes("--dev");
  if (cluster.isWorker) return runWorker(env);
  const workers = dev ? 1 : workerCount(env);
  if (workers > 1) return runPrimary(env, workers);
  return runSingle(env, dev);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
