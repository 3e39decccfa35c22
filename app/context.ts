import type { Database } from "~/db.server";
import type { Env } from "~/env.server";
import type { RequestLogFields } from "~/logger.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: Database;
    env: Env;
    /** The CSP nonce for this response's scripts. */
    nonce: string;
    clientIp: string;
    /** Filled in as the request is handled, for its log line (the server's; absent in tests that call loaders). */
    requestLog?: RequestLogFields;
  }
}

export {};
