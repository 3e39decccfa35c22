import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { count, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "~/auth/session.server";
import { schema } from "~/db.server";
import { AppError } from "~/domain/errors";
import { signIn as signInUseCase } from "~/domain/identity/sign-in.server";
import { action as accountAction } from "~/routes/account";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in";
import { action as signOutAction } from "~/routes/sign-out";
import { cookieFrom, createAccount, PASSWORD } from "../factories/identity";
import { createAuthority, createOrganisation, createUser } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor, testEnv } from "../setup/context";
import { auditRowsOf } from "../factories/audit";
import { useTestDatabase } from "../factories/database";
import { rowCount } from "../setup/rows";

type Answer = Awaited<ReturnType<typeof respond>>;
const asResponse = (answer: Answer) => {
  expect(answer).toBeInstanceOf(Response);
  return answer as Response;
};
const errorsOf = (answer: Answer) => (answer as { data: { errors: Record<string, string[]>; values: Record<string, unknown> } }).data;

describe("signing in and out", () => {
  const db = useTestDatabase();
  let office: { id: string; authorityId: string };
  let ipCounter = 0;
  // Each test signs in from its own address, so the per-address throttle of one does not touch another.
  const context = (overrides: Partial<AppLoadContext> = {}) => appContext(db(), { clientIp: `198.51.100.${++ipCounter}`, ...overrides });

  const signIn = (
    form: Record<string, string>,
    { cookie, path = "/sign-in", ctx = context() }: { cookie?: string; path?: string; ctx?: AppLoadContext } = {},
  ) => respond(() => signInAction({ request: request(path, { form, cookie }), context: ctx, params: {} } as ActionFunctionArgs));

  const sessionsOf = (userId: string) => rowCount(db(), schema.sessions, eq(schema.sessions.userId, userId));
  const sessionsWithToken = (token: string) => rowCount(db(), schema.sessions, eq(schema.sessions.id, hashToken(token)));

  beforeAll(async () => {
    const authority = await createAuthority(db());
    office = await createOrganisation(db(), authority.id, "authority_office");
  });

  it("signs in with a new HttpOnly, SameSite=Lax session cookie and goes home", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const response = asResponse(await signIn({ email: user.email.toUpperCase(), password: PASSWORD }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const cookie = cookieFrom(response)!;
    expect(cookie.header).toMatch(/^session=[a-z2-7]{32}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    expect(cookie.header).not.toContain("Secure");
    const [session] = await db()
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.id, hashToken(cookie.token)));
    expect(session.userId).toBe(user.id);
  });

  it("uses a __Host- prefixed, Secure cookie when served over https", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const ctx = context({ env: testEnv({ APP_URL: "https://marketplace.example.gov.uk" }) });
    const response = asResponse(await signIn({ email: user.email, password: PASSWORD }, { ctx }));
    const header = response.headers.get("Set-Cookie")!;
    expect(header.startsWith("__Host-session=")).toBe(true);
    const attributes = header.split("; ").slice(1);
    expect(attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax", "Secure"]));
    expect(header).not.toMatch(/Domain=/i);
  });

  it("starts a new session at every sign-in and ends the one the browser had", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const before = await sessionCookieFor(db(), user.id);
    const oldToken = before.split("=")[1];
    const response = asResponse(await signIn({ email: user.email, password: PASSWORD }, { cookie: before }));
    const after = cookieFrom(response)!;
    expect(after.token).not.toBe(oldToken);
    expect(await sessionsWithToken(oldToken)).toBe(0);
    expect(await sessionsWithToken(after.token)).toBe(1);
  });

  it("goes back to a local page after signing in, but never to another site", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const local = asResponse(await signIn({ email: user.email, password: PASSWORD }, { path: "/sign-in?redirectTo=%2Forganisations%3Fx%3D1" }));
    expect(local.headers.get("Location")).toBe("/organisations?x=1");
    for (const target of [
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "/.//evil.example",
      "/..//evil.example",
      "/%2e//evil.example",
      "/./\\evil.example",
    ]) {
      const away = asResponse(await signIn({ email: user.email, password: PASSWORD }, { path: `/sign-in?redirectTo=${encodeURIComponent(target)}` }));
      expect(away.headers.get("Location")).toBe("/");
    }
  });

  it("answers a wrong password and an unknown email with the same message, and starts no session", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const wrongPassword = await signIn({ email: user.email, password: "not the right password" });
    const unknownEmail = await signIn({ email: "nobody@example.org", password: PASSWORD });
    for (const answer of [wrongPassword, unknownEmail]) {
      expect(answer.status).toBe(401);
      expect(errorsOf(answer).errors).toEqual({ email: ["Enter a correct email address and password"] });
      expect(errorsOf(answer).values).not.toHaveProperty("password");
    }
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it("refuses someone invited who has not set a password yet, or whose account is disabled", async () => {
    const invited = await createUser(db());
    const disabled = await createAccount(db(), office, "la_finance", { disabledAt: new Date() });
    for (const email of [invited.email, disabled.email]) {
      const answer = await signIn({ email, password: PASSWORD });
      expect(answer.status).toBe(401);
    }
    expect(await sessionsOf(disabled.id)).toBe(0);
  });

  it("explains missing or malformed input next to the fields and writes nothing", async () => {
    const [{ n: throttlesBefore }] = await db().select({ n: count() }).from(schema.rateLimits);
    const empty = await signIn({ email: "", password: "" });
    expect(empty.status).toBe(400);
    expect(errorsOf(empty).errors.email[0]).toBe("Enter an email address");
    expect(errorsOf(empty).errors.password[0]).toBe("Enter your password");
    const odd = await signIn({ email: "ʕ•ᴥ•ʔ@@", password: "x".repeat(10_000) });
    expect(odd.status).toBe(400);
    expect(errorsOf(odd).errors.email[0]).toBe("Enter an email address in the correct format, like name@example.com");
    const [{ n: throttlesAfter }] = await db().select({ n: count() }).from(schema.rateLimits);
    expect(throttlesAfter).toBe(throttlesBefore);
  });

  it("sends a signed-in person on from the sign-in page", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const cookie = await sessionCookieFor(db(), user.id);
    const answer = asResponse(
      await respond(() => signInLoader({ request: request("/sign-in?redirectTo=%2Faccount", { cookie }), context: context(), params: {} })),
    );
    expect(answer.headers.get("Location")).toBe("/account");
  });

  it("signing out ends the session in the database, not just the cookie", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const cookie = await sessionCookieFor(db(), user.id);
    const other = await sessionCookieFor(db(), user.id);
    const response = asResponse(await respond(() => signOutAction({ request: request("/sign-out", { cookie, form: {} }), context: context(), params: {} })));
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await sessionsWithToken(cookie.split("=")[1])).toBe(0);
    expect(await sessionsWithToken(other.split("=")[1])).toBe(1);
  });

  it("signing out everywhere ends every session of that person only, with an audit row", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const bystander = await createAccount(db(), office, "la_finance");
    const cookie = await sessionCookieFor(db(), user.id);
    await sessionCookieFor(db(), user.id);
    await sessionCookieFor(db(), bystander.id);
    const response = asResponse(
      await respond(() => accountAction({ request: request("/account", { cookie, form: { intent: "sign-out-everywhere" } }), context: context(), params: {} })),
    );
    expect(response.headers.get("Location")).toBe("/sign-in?signedOut=everywhere");
    expect(response.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await sessionsOf(bystander.id)).toBe(1);
    const audits = await auditRowsOf(db(), user.id, "user.signed_out_everywhere");
    expect(audits).toHaveLength(1);
  });

  describe("throttling", () => {
    const domainSignIn = (email: string, password: string, clientIp: string, now: Date) =>
      signInUseCase(db(), { email, password, clientIp, previousToken: null, now });
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => "signed in",
        (error: AppError) => (error.code === "RATE_LIMITED" ? `held back: ${error.message}` : error.code),
      );

    it("lets at most 5 of 30 parallel wrong passwords from one address be checked, and the owner still signs in from another", async () => {
      const user = await createAccount(db(), office, "la_finance");
      const ctx = context();
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn({ email: user.email, password: `wrong password ${i}` }, { ctx })));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      const refused = answers.find((a) => a.status === 429)!;
      expect(errorsOf(refused).errors.email[0]).toMatch(/^Too many attempts\. Try again in (1 minute|\d+ minutes)\.$/);
      // Even the right password waits at the guesser's address...
      expect((await signIn({ email: user.email, password: PASSWORD }, { ctx })).status).toBe(429);
      expect(await sessionsOf(user.id)).toBe(0);
      // ...but not at the owner's.
      expect(asResponse(await signIn({ email: user.email, password: PASSWORD })).status).toBe(302);
    });

    it("holds one address back for longer after each further failure, and lets it try again when the wait is over", async () => {
      const user = await createAccount(db(), office, "la_admin");
      const ip = "203.0.113.10";
      const start = new Date("2026-03-02T09:00:00Z");
      const later = (ms: number) => new Date(start.getTime() + ms);
      for (let i = 0; i < 5; i++) expect(await outcome(domainSignIn(user.email, "wrong password", ip, start))).toBe("INVALID_CREDENTIALS");
      expect(await outcome(domainSignIn(user.email, PASSWORD, ip, later(30_000)))).toBe("held back: Too many attempts. Try again in 1 minute.");
      expect(await outcome(domainSignIn(user.email, "wrong password", ip, later(61_000)))).toBe("INVALID_CREDENTIALS");
      expect(await outcome(domainSignIn(user.email, PASSWORD, ip, later(62_000)))).toBe("held back: Too many attempts. Try again in 2 minutes.");
      expect(await outcome(domainSignIn(user.email, "wrong password", ip, later(182_000)))).toBe("INVALID_CREDENTIALS");
      expect(await outcome(domainSignIn(user.email, PASSWORD, ip, later(183_000)))).toBe("held back: Too many attempts. Try again in 4 minutes.");
      expect(await outcome(domainSignIn(user.email, PASSWORD, ip, later(183_000 + 4 * 60_000)))).toBe("signed in");
      // Signing in forgets the failures from there (in the next window of the address-wide count).
      for (let i = 0; i < 4; i++) expect(await outcome(domainSignIn(user.email, "wrong password", ip, later(16 * 60_000)))).toBe("INVALID_CREDENTIALS");
      expect(await outcome(domainSignIn(user.email, PASSWORD, ip, later(16 * 60_000)))).toBe("signed in");
    });

    it("slows guesses spread over many addresses, without holding back the owner at an address they signed in from", async () => {
      const user = await createAccount(db(), office, "la_finance");
      const now = new Date("2026-03-03T09:00:00Z");
      const home = "203.0.113.20";
      expect(await outcome(domainSignIn(user.email, PASSWORD, home, now))).toBe("signed in");
      // The first sign-in from home counted as one of the 20 from addresses not yet known.
      for (let i = 0; i < 19; i++) expect(await outcome(domainSignIn(user.email, "guess", `192.0.2.${i + 1}`, now))).toBe("INVALID_CREDENTIALS");
      expect(await outcome(domainSignIn(user.email, PASSWORD, "192.0.2.200", now))).toBe("held back: Too many attempts. Try again in 1 minute.");
      expect(await outcome(domainSignIn(user.email, PASSWORD, home, now))).toBe("signed in");
      expect(await outcome(domainSignIn(user.email, PASSWORD, "192.0.2.200", new Date(now.getTime() + 61_000)))).toBe("signed in");
    });

    it("refuses an address after 10 failed sign-ins, whichever accounts they tried", async () => {
      const ctx = context();
      for (let i = 0; i < 10; i++) expect((await signIn({ email: `guess-${i}@example.org`, password: "guessing" }, { ctx })).status).toBe(401);
      const user = await createAccount(db(), office, "la_admin");
      expect((await signIn({ email: user.email, password: PASSWORD }, { ctx })).status).toBe(429);
      expect(asResponse(await signIn({ email: user.email, password: PASSWORD })).status).toBe(302);
      const rows = await db()
        .select()
        .from(schema.rateLimits)
        .where(like(schema.rateLimits.key, `sign-in:ip:${ctx.clientIp}`));
      expect(rows[0].count).toBe(10);
    });

    it("does not count an address's successful sign-ins against it", async () => {
      const ctx = context();
      for (let i = 0; i < 12; i++) {
        const person = await createAccount(db(), office, "la_admin");
        expect(asResponse(await signIn({ email: person.email, password: PASSWORD }, { ctx })).status).toBe(302);
      }
    });
  });
});
