import type { AppLoadContext } from "@remix-run/node";
import type { Database } from "#db/client";
import { createSession, generateSessionToken, sessionCookieName } from "~/auth/session.server";
import { parseEnv } from "~/env.server";
import { urlEncodedForm } from "./url-encoded";

export const TEST_ORIGIN = "http://localhost:3000";

export function testEnv(overrides: Record<string, string> = {}) {
  return parseEnv({ NODE_ENV: "test", APP_URL: TEST_ORIGIN, DEMO: "false", ...overrides });
}

/** The load context the server gives loaders and actions. */
export function appContext(db: Database, overrides: Partial<AppLoadContext> = {}): AppLoadContext {
  return { db, env: testEnv(), nonce: "test-nonce", clientIp: "203.0.113.7", ...overrides };
}

/** A signed-in session cookie for a user, as the browser would send it. */
export async function sessionCookieFor(db: Database, userId: string, actingOrganisationId: string | null = null) {
  const token = generateSessionToken();
  await createSession(db, token, userId, actingOrganisationId);
  return `${sessionCookieName(false)}=${token}`;
}

type RequestOptions = { cookie?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> };

/** A real Request to a path of the app; with `form`, a POST of url-encoded fields from the app's own origin. */
export function request(path: string, { cookie, form, headers = {} }: RequestOptions = {}) {
  const init: RequestInit = { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) } };
  if (form) {
    init.method = "POST";
    init.body = urlEncodedForm(form);
    init.headers = { ...init.headers, Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" };
  }
  return new Request(new URL(path, TEST_ORIGIN), init);
}

/** Run a loader or action and give back its Response, whether it returned or threw one. */
export async function respond(fn: () => Promise<unknown>): Promise<Response | { data: unknown; status: number }> {
  try {
    const result = await fn();
    if (result instanceof Response) return result;
    // Remix's data() helper: { type: "DataWithResponseInit", data, init }
    if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
      const d = result as unknown as { data: unknown; init: ResponseInit | null };
      return { data: d.data, status: d.init?.status ?? 200 };
    }
    return { data: result, status: 200 };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** What `respond` gives back: a Response, or the data a loader or action answered with and its status. */
export type Answer = Awaited<ReturnType<typeof respond>>;

/** The field errors an action answered with. */
export const errorsOf = (answer: Answer) => (answer as { data: { errors: Record<string, string[]> } }).data.errors;

/** The data a loader or action answered with. */
export const dataOf = <T>(answer: Answer) => (answer as { data: T }).data;
