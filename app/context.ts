import type { CurrentUser } from "~/auth/user.server";
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
    /**
     * The signed-in person (null: nobody) as a page's request arrived, shared by its loaders. Absent
     * for an action's request, which may change them: each Request then looks them up (`getUser`).
     */
    user?: CurrentUser | null;
  }
}

export {};
