import type { Database } from "~/db.server";
import type { Env } from "~/env.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: Database;
    env: Env;
    /** The CSP nonce for this response's scripts. */
    nonce: string;
    clientIp: string;
  }
}

export {};
