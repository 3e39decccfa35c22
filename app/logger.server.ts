// Structured logs: one JSON line per event on stdout, for whatever collects them. Never a secret.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import pino, { type DestinationStream, type Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Wherever these appear in a logged object they are replaced, in case someone logs a request or a form. */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
  '*.headers["set-cookie"]',
  '*.headers["stripe-signature"]',
  "apiKey",
  "*.apiKey",
  "secret",
  "*.secret",
];

export const createLogger = (level: LogLevel, destination?: DestinationStream): Logger =>
  pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } }, destination);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Long random-looking segments: the tokens in invitation and password-reset links. */
const TOKEN = /^(?=.*\d)[A-Za-z0-9_-]{16,}$/;

/** The path with its ids and tokens replaced, so a log line names the page and carries no secret link. */
export function routeOf(path: string): string {
  return path
    .split("/")
    .map((segment) => (UUID.test(segment) ? ":id" : TOKEN.test(segment) ? ":token" : segment))
    .join("/");
}

/**
 * What the app learns about a request while handling it: the acting user, once the session is read,
 * and how many SQL statements it sent (its queries, not counting a transaction's BEGIN and COMMIT).
 */
export type RequestLogFields = { userId?: string; queries?: number };

const requestsUnderWay = new AsyncLocalStorage<RequestLogFields>();

/** Counts a SQL statement against the request under way (the database's query listener). */
export function countQuery() {
  const fields = requestsUnderWay.getStore();
  if (fields) fields.queries = (fields.queries ?? 0) + 1;
}

/**
 * One line per request when it ends: request id (also the X-Request-Id response header), method,
 * route, status, duration, the acting user and the number of SQL statements. Health checks are
 * logged at debug level only.
 */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const fields: RequestLogFields = {};
    res.locals.requestId = requestId;
    res.locals.requestLog = fields;
    res.setHeader("X-Request-Id", requestId);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const line = {
        requestId,
        method: req.method,
        route: routeOf(req.path),
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        userId: fields.userId,
        queries: fields.queries ?? 0,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (req.path === "/healthz" || req.path === "/readyz") logger.debug(line, "request");
      else if (res.statusCode >= 500) logger.error(line, "request");
      else logger.info(line, "request");
    };
    res.once("finish", done);
    res.once("close", done);
    requestsUnderWay.run(fields, next);
  };
}
