import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashToken, validateSessionToken } from "~/auth/session.server";
import { schema } from "~/db.server";
import { signIn } from "~/domain/identity/sign-in.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { cookieFrom, createAccount, lastEmailTo, PASSWORD, tokenEmailedTo } from "../factories/identity";
import { createAuthority, createOrganisation } from "../factories/tenancy";
import { appContext, dataOf, request, respond, sessionCookieFor } from "../setup/context";
import { auditRowsOf } from "../factories/audit";
import { useTestDatabase } from "../factories/database";

const NEW_PASSWORD = "a brand new pass phrase";

describe("resetting a forgotten password", () => {
  const db = useTestDatabase();
  let office: { id: string; authorityId: string };
  let ip = 0;
  const context = (overrides: Partial<AppLoadContext> = {}) => appContext(db(), { clientIp: `192.0.2.${++ip}`, ...overrides });

  const forgot = (email: string, ctx = context()) =>
    respond(() => forgotAction({ request: request("/forgot-password", { form: { email } }), context: ctx, params: {} } as ActionFunctionArgs));
  const openReset = (token: string) =>
    respond(() => resetLoader({ request: request(`/reset-password/${token}`), context: context(), params: { token } } as LoaderFunctionArgs));
  const reset = (token: string, password: string, confirmPassword = password, cookie?: string) =>
    respond(() =>
      resetAction({
        request: request(`/reset-password/${token}`, { form: { password, confirmPassword }, cookie }),
        context: context(),
        params: { token },
      } as ActionFunctionArgs),
    );
  const outboxCount = async () => (await db().select({ n: count() }).from(schema.outbox))[0].n;

  beforeAll(async () => {
    const authority = await createAuthority(db());
    office = await createOrganisation(db(), authority.id, "authority_office");
  });

  it("gives the same answer whether or not the account exists, and emails only a real one", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const before = await outboxCount();
    const known = await forgot(user.email.toUpperCase());
    const unknown = await forgot("no.account@example.org");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(Object.keys(dataOf<object>(known))).toEqual(Object.keys(dataOf<object>(unknown)));
    expect(await outboxCount()).toBe(before + 1);

    const email = await lastEmailTo(db(), user.email);
    expect(email.topic).toBe("password-reset");
    expect(email.payload).toMatchObject({ expiresInMinutes: 60 });
    const token = await tokenEmailedTo(db(), user.email);
    const [stored] = await db().select().from(schema.authTokens).where(eq(schema.authTokens.userId, user.id));
    expect(stored).toMatchObject({ kind: "password_reset", tokenHash: hashToken(token) });
    expect((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000).toBeCloseTo(60, 5);
    expect(await auditRowsOf(db(), user.id, "user.password_reset_requested")).toHaveLength(1);
  });

  it("explains a missing email address and writes nothing", async () => {
    const before = await outboxCount();
    const answer = await forgot("");
    expect(answer.status).toBe(400);
    expect(dataOf<{ errors: Record<string, string[]> }>(answer).errors.email[0]).toBe("Enter an email address");
    expect(await outboxCount()).toBe(before);
  });

  it("sets the new password, ends every other session, signs in, tells the owner, and works once", async () => {
    const user = await createAccount(db(), office, "la_admin");
    const elsewhere = await sessionCookieFor(db(), user.id);
    await forgot(user.email);
    const token = await tokenEmailedTo(db(), user.email);
    expect(dataOf<{ state: string; email: string }>(await openReset(token))).toEqual({ state: "valid", email: user.email });

    const mismatch = await reset(token, NEW_PASSWORD, "something else entirely");
    expect(mismatch.status).toBe(400);
    expect(await validateSessionToken(db(), elsewhere.split("=")[1])).not.toBeNull();

    const done = (await reset(token, NEW_PASSWORD)) as Response;
    expect(done.status).toBe(302);
    const fresh = cookieFrom(done)!;
    expect((await validateSessionToken(db(), fresh.token))?.user.id).toBe(user.id);
    expect(await validateSessionToken(db(), elsewhere.split("=")[1])).toBeNull();
    const [{ n: sessions }] = await db().select({ n: count() }).from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(sessions).toBe(1);

    await expect(signIn(db(), { email: user.email, password: PASSWORD, clientIp: "192.0.2.200", previousToken: null })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    await expect(signIn(db(), { email: user.email, password: NEW_PASSWORD, clientIp: "192.0.2.200", previousToken: null })).resolves.toHaveProperty("token");

    expect((await lastEmailTo(db(), user.email)).topic).toBe("password-changed");
    expect(await auditRowsOf(db(), user.id, "user.password_reset")).toHaveLength(1);

    const again = await reset(token, "an attacker's pass phrase");
    expect(again.status).toBe(410);
    expect((await openReset(token)).status).toBe(410);
  });

  it("refuses a link after 60 minutes, and an older link once a newer one was sent", async () => {
    const user = await createAccount(db(), office, "la_admin");
    await forgot(user.email);
    const first = await tokenEmailedTo(db(), user.email);
    await forgot(user.email);
    const second = await tokenEmailedTo(db(), user.email);
    expect(second).not.toBe(first);
    expect((await reset(first, NEW_PASSWORD)).status).toBe(410);

    await db()
      .update(schema.authTokens)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(schema.authTokens.tokenHash, hashToken(second)));
    const expired = await reset(second, NEW_PASSWORD);
    expect(expired.status).toBe(410);
    expect(dataOf<{ unusable: string }>(expired).unusable).toBe("expired");
    expect((await openReset("not-a-token")).status).toBe(404);
  });

  it("throttles reset requests per email address and per network address, the same for unknown addresses", async () => {
    const user = await createAccount(db(), office, "la_admin");
    for (let i = 0; i < 3; i++) expect((await forgot(user.email)).status).toBe(200);
    const refused = await forgot(user.email);
    expect(refused.status).toBe(429);
    expect(dataOf<{ errors: Record<string, string[]> }>(refused).errors.email[0]).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);

    for (let i = 0; i < 3; i++) await forgot("ghost@example.org");
    expect((await forgot("ghost@example.org")).status).toBe(429);

    const ctx = context();
    for (let i = 0; i < 10; i++) expect((await forgot(`someone-${i}@example.org`, ctx)).status).toBe(200);
    expect((await forgot("someone-else@example.org", ctx)).status).toBe(429);
  });
});
