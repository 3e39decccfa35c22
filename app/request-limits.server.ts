// Limits that keep one request from holding the server: the size of a body and how long it may take.
import type { Server } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { GIAS_UPLOAD_LIMIT_BYTES } from "./domain/schools/upload-limit";
import { t } from "./i18n";

/** Every form on the service posts well under this. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Paths that may receive more than DEFAULT_BODY_LIMIT, and how much. An upload route declares
 * its own line here; nothing else can be sent a large body.
 */
export const BODY_LIMITS: { path: RegExp; bytes: number }[] = [
  // The GIAS establishment file. Its route refuses a file over GIAS_UPLOAD_LIMIT_BYTES itself, with
  // the message by the file field, from the Content-Length; this line only caps what it could be sent.
  { path: /^\/schools\/import\/?$/, bytes: GIAS_UPLOAD_LIMIT_BYTES + 16 * 1024 * 1024 },
  // A categories file of up to 1 MB, carried URL-encoded from its preview to the apply step.
  { path: /^\/authority\/categories\/import\/?$/, bytes: 4 * 1024 * 1024 },
];

/** A route's limit, for its page address and for the `.data` address a form posts to when JavaScript is on. */
export const bodyLimitFor = (path: string, limits = BODY_LIMITS) => {
  const route = path.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  return limits.find((l) => l.path.test(route))?.bytes ?? DEFAULT_BODY_LIMIT;
};

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Refuses a body over its path's limit with 413 before anything parses it: at once when the
 * Content-Length says so, or as soon as a chunked body passes the limit. The connection is
 * closed afterwards, so the rest of the body is never read.
 */
export function bodyLimit(limits = BODY_LIMITS) {
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = bodyLimitFor(req.path, limits);
    const refuse = () => {
      req.unpipe();
      req.pause();
      if (!res.headersSent) {
        res.setHeader("Connection", "close");
        res
          .status(413)
          .type("text/plain")
          .send(t("request.tooLarge", { limit: megabytes(limit) }));
      }
      // Whatever was reading the body stops here. Closing our side first (FIN) and cutting the
      // connection a moment later gives the client time to read the 413 before a reset can reach it.
      const close = () => {
        req.socket.end();
        setTimeout(() => req.socket.destroy(), 1_000).unref();
      };
      if (res.writableFinished) close();
      else res.once("finish", close);
    };
    const declared = req.headers["content-length"];
    if (declared !== undefined) {
      // Node's parser delivers no more than Content-Length says, so the header is the whole story.
      if (Number(declared) > limit) return refuse();
      return next();
    }
    if (req.headers["transfer-encoding"] === undefined) return next();
    let received = 0;
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.off("data", count);
        refuse();
      }
    };
    // Counting alongside whatever reads the body. Paused, so nothing flows (and nothing is lost)
    // until that reader asks for data; a handler that never reads it leaves it to Node to discard.
    req.on("data", count);
    req.pause();
    next();
  };
}

/** Slow or idle clients cannot hold connections open for long (keep-alive outlives a load balancer's 60 s idle). */
export const SERVER_TIMEOUTS = { headersTimeout: 20_000, requestTimeout: 60_000, keepAliveTimeout: 65_000 } as const;

export function applyServerTimeouts(server: Server) {
  server.headersTimeout = SERVER_TIMEOUTS.headersTimeout;
  server.requestTimeout = SERVER_TIMEOUTS.requestTimeout;
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveTimeout;
}
