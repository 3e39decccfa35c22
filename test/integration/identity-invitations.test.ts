import type { ActionFunctionArgs } from "@remix-run/node";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashToken, validateSessionToken } from "~/auth/session.server";
import { getUser } from "~/auth/user.server";
import { schema } from "~/db.server";
import { tasksFor } from "~/domain/home/tasks.server";
import { action as organisationsAction } from "~/routes/organisations._index";
import { cookieFrom, createAccount, lastEmailTo, PASSWORD, tokenEmailedTo } from "../factories/identity";
import { getInvitationPage, getMembersPage, postInvitationPage, postMembersPage } from "../factories/members";
import { createSchool, createUser } from "../factories/tenancy";
import { dataOf, errorsOf, request, respond, sessionCookieFor } from "../setup/context";
import { auditRowsOf } from "../factories/audit";
import { rowCounts } from "../setup/rows";
import { useInvitationWorld } from "../setup/invitations";

describe("invitations and acting organisations", () => {
  const { db, w } = useInvitationWorld();
  let otherSchool: typeof schema.organisations.$inferSelect;
  let headCookie: string;

  const invite = (organisationId: string, cookie: string, form: Record<string, string>) => postMembersPage(w.context, organisationId, cookie, form);
  const members = (organisationId: string, cookie: string, query = "") => getMembersPage(w.context, organisationId, cookie, query);
  const openInvitation = (token: string) => getInvitationPage(w.context, token);
  const accept = (token: string, form: Record<string, string>, cookie?: string) => postInvitationPage(w.context, token, form, cookie);

  const counts = () =>
    rowCounts(db(), { users: schema.users, memberships: schema.memberships, tokens: schema.authTokens, outbox: schema.outbox, audit: schema.auditLog });

  beforeAll(async () => {
    otherSchool = (await createSchool(db(), w.office.authorityId)).organisation;
    const head = await createAccount(db(), w.school, "headteacher");
    headCookie = await sessionCookieFor(db(), head.id, w.school.id);
  });

  it("an la_admin invites a new person to a school: user, membership, hashed single-use token, email and audit in one go", async () => {
    const before = await counts();
    const answer = await invite(w.school.id, w.adminCookie, { name: "  Sam Patel ", email: "Sam.Patel@Example.org", role: "school_business_manager" });
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).headers.get("Location")).toBe(`/organisations/${w.school.id}/members?invited=sam.patel%40example.org`);

    const [person] = await db().select().from(schema.users).where(eq(schema.users.email, "sam.patel@example.org"));
    expect(person).toMatchObject({ name: "Sam Patel", passwordHash: null });
    const [membership] = await db().select().from(schema.memberships).where(eq(schema.memberships.userId, person.id));
    expect(membership).toMatchObject({ organisationId: w.school.id, authorityId: w.school.authorityId, role: "school_business_manager" });

    const email = await lastEmailTo(db(), "sam.patel@example.org");
    expect(email).toMatchObject({ kind: "email", topic: "invitation", status: "pending", authorityId: w.school.authorityId });
    expect(email.payload).toMatchObject({ inviteeName: "Sam Patel", inviterName: "Alex Morgan", role: "school_business_manager", expiresInDays: 7 });
    const token = await tokenEmailedTo(db(), "sam.patel@example.org");
    expect(String(email.payload.url)).toBe(`http://localhost:3000/invitation/${token}`);

    const [stored] = await db().select().from(schema.authTokens).where(eq(schema.authTokens.userId, person.id));
    expect(stored.kind).toBe("invitation");
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const days = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 5);

    const [audit] = await auditRowsOf(db(), membership.id, "membership.invited");
    expect(audit).toMatchObject({ authorityId: w.school.authorityId, entityType: "membership" });
    expect(await counts()).toEqual({
      users: before.users + 1,
      memberships: before.memberships + 1,
      tokens: before.tokens + 1,
      outbox: before.outbox + 1,
      audit: before.audit + 1,
    });

    const page = dataOf<{ members: { email: string; status: string }[]; confirmation: string }>(
      await members(w.school.id, w.adminCookie, "?invited=sam.patel%40example.org"),
    );
    expect(page.members.find((m) => m.email === "sam.patel@example.org")?.status).toBe("invited");
    expect(page.confirmation).toBe("Invitation sent to sam.patel@example.org");
  });

  it("a headteacher invites into their own school but gets 403 for another school, and writes nothing", async () => {
    const ok = await invite(w.school.id, headCookie, { name: "Jo Deputy", email: "jo.deputy@example.org", role: "headteacher" });
    expect((ok as Response).status).toBe(302);
    const before = await counts();
    const refused = await invite(otherSchool.id, headCookie, { name: "Not Allowed", email: "not.allowed@example.org", role: "headteacher" });
    expect(refused.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("someone who may only view members cannot invite", async () => {
    const finance = await createAccount(db(), w.office, "la_finance");
    const cookie = await sessionCookieFor(db(), finance.id, w.office.id);
    const page = dataOf<{ canInvite: boolean }>(await members(w.school.id, cookie));
    expect(page.canInvite).toBe(false);
    expect((await invite(w.school.id, cookie, { name: "X Y", email: "x.y@example.org", role: "headteacher" })).status).toBe(403);
  });

  it("finds nothing (404) for an organisation of another authority or an id that is not one", async () => {
    for (const id of [w.foreignSchool.id, "not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      expect((await members(id, w.adminCookie)).status).toBe(404);
      expect((await invite(id, w.adminCookie, { name: "X Y", email: "x.y@example.org", role: "headteacher" })).status).toBe(404);
    }
  });

  it("explains bad input next to the field, with 400, and writes nothing", async () => {
    const before = await counts();
    const empty = await invite(w.school.id, w.adminCookie, { name: " ", email: "", role: "" });
    expect(empty.status).toBe(400);
    expect(errorsOf(empty).name[0]).toBe("Enter their full name");
    expect(errorsOf(empty).email[0]).toBe("Enter an email address");
    expect(errorsOf(empty).role[0]).toBe("Select a role");
    const wrongRole = await invite(w.school.id, w.adminCookie, { name: "Pat Provider", email: "pat@example.org", role: "provider_admin" });
    expect(wrongRole.status).toBe(400);
    expect(errorsOf(wrongRole)).toEqual({ role: ["Select a role that this organisation can have"] });
    const made = await invite(w.school.id, w.adminCookie, { name: "x".repeat(201), email: "🙂@🙂", role: "dictator" });
    expect(made.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("refuses the same role twice in one organisation", async () => {
    const existing = await createAccount(db(), w.school, "school_business_manager");
    const before = await counts();
    const answer = await invite(w.school.id, w.adminCookie, { name: "Again", email: existing.email, role: "school_business_manager" });
    expect(answer.status).toBe(409);
    expect(errorsOf(answer)).toEqual({ email: ["This person already has this role in this organisation"] });
    expect(await counts()).toEqual(before);
  });

  it("only confirms an address that really is a member", async () => {
    const page = dataOf<{ confirmation: string | null }>(await members(w.school.id, w.adminCookie, "?invited=Your%20account%20is%20locked"));
    expect(page.confirmation).toBeNull();
  });

  describe("following the invitation", () => {
    it("sets the password (twice, 12 or more characters), signs in, and the link then stops working", async () => {
      await invite(w.school.id, w.adminCookie, { name: "Lee Newcomer", email: "lee@example.org", role: "headteacher" });
      const token = await tokenEmailedTo(db(), "lee@example.org");
      expect(dataOf<{ state: string; email: string }>(await openInvitation(token))).toEqual({ state: "valid", email: "lee@example.org" });

      const mismatch = await accept(token, { password: PASSWORD, confirmPassword: PASSWORD + "!" });
      expect(mismatch.status).toBe(400);
      expect(errorsOf(mismatch)).toEqual({ confirmPassword: ["Passwords must match"] });
      const short = await accept(token, { password: "too short", confirmPassword: "too short" });
      expect(errorsOf(short).password[0]).toBe("Password must be 12 characters or more");

      const done = (await accept(token, { password: PASSWORD, confirmPassword: PASSWORD })) as Response;
      expect(done.status).toBe(302);
      expect(done.headers.get("Location")).toBe("/");
      const session = await validateSessionToken(db(), cookieFrom(done)!.token);
      expect(session?.user.email).toBe("lee@example.org");
      const [user] = await db().select().from(schema.users).where(eq(schema.users.email, "lee@example.org"));
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      const [stored] = await db()
        .select()
        .from(schema.authTokens)
        .where(eq(schema.authTokens.tokenHash, hashToken(token)));
      expect(stored.usedAt).not.toBeNull();
      expect(await auditRowsOf(db(), user.id, "user.invitation_accepted")).toHaveLength(1);

      const again = await accept(token, { password: "someone else's password", confirmPassword: "someone else's password" });
      expect(again.status).toBe(410);
      expect(dataOf<{ unusable: string }>(again).unusable).toBe("used");
      expect((await openInvitation(token)).status).toBe(410);
      const [unchanged] = await db().select().from(schema.users).where(eq(schema.users.id, user.id));
      expect(unchanged.passwordHash).toBe(user.passwordHash);
    });

    it("shows a clear page for an expired, unknown or malformed link", async () => {
      await invite(w.school.id, w.adminCookie, { name: "Ola Late", email: "ola@example.org", role: "headteacher" });
      const token = await tokenEmailedTo(db(), "ola@example.org");
      await db()
        .update(schema.authTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(schema.authTokens.tokenHash, hashToken(token)));
      const expired = await openInvitation(token);
      expect(expired.status).toBe(410);
      expect(dataOf<{ state: string }>(expired).state).toBe("expired");
      expect((await accept(token, { password: PASSWORD, confirmPassword: PASSWORD })).status).toBe(410);

      expect((await openInvitation("abcdefghijklmnopqrstuvwxyz234567")).status).toBe(404);
      expect((await openInvitation("'; drop table users; --")).status).toBe(404);
      expect((await accept("x".repeat(5000), { password: PASSWORD, confirmPassword: PASSWORD })).status).toBe(404);
    });

    it("a new sign-in through an invitation ends the session the browser already had", async () => {
      await invite(w.school.id, w.adminCookie, { name: "Max Shared", email: "max@example.org", role: "headteacher" });
      const token = await tokenEmailedTo(db(), "max@example.org");
      const someoneElse = await createAccount(db(), w.school, "school_business_manager");
      const previous = await sessionCookieFor(db(), someoneElse.id);
      await accept(token, { password: PASSWORD, confirmPassword: PASSWORD }, previous);
      expect(await validateSessionToken(db(), previous.split("=")[1])).toBeNull();
    });
  });

  describe("acting organisation", () => {
    it("switches to another of the user's organisations, and refuses one they are not a member of", async () => {
      const person = await createAccount(db(), w.school, "headteacher");
      await db()
        .insert(schema.memberships)
        .values({ userId: person.id, organisationId: w.office.id, authorityId: w.office.authorityId, role: "challenge_adviser" });
      const cookie = await sessionCookieFor(db(), person.id, w.school.id);
      const choose = (organisationId: string, redirectTo?: string) =>
        respond(() =>
          organisationsAction({
            request: request("/organisations", { cookie, form: { organisationId, ...(redirectTo ? { redirectTo } : {}) } }),
            context: w.context,
            params: {},
          } as ActionFunctionArgs),
        );

      const switched = (await choose(w.office.id, "/account")) as Response;
      expect(switched.headers.get("Location")).toBe("/account");
      for (const away of ["/.//evil.example", "/..//evil.example", "/%2e//evil.example"]) {
        expect(((await choose(w.office.id, away)) as Response).headers.get("Location")).toBe("/");
      }
      const user = await getUser(request("/", { cookie }), w.context);
      expect(user?.acting?.organisationId).toBe(w.office.id);

      const refused = await choose(otherSchool.id);
      expect(refused.status).toBe(403);
      expect(errorsOf(refused).form[0]).toBe("You are not a member of that organisation");
      expect((await choose("1 OR 1=1")).status).toBe(400);
      expect((await getUser(request("/", { cookie }), w.context))?.acting?.organisationId).toBe(w.office.id);
    });
  });

  it("shows people who manage members what they can do now, with real counts", async () => {
    const cookie = await sessionCookieFor(db(), (await createAccount(db(), w.school, "headteacher")).id, w.school.id);
    const user = (await getUser(request("/", { cookie }), w.context))!;
    const tasks = await tasksFor(db(), user);
    const [{ n: memberCount }] = await db().select({ n: count() }).from(schema.memberships).where(eq(schema.memberships.organisationId, w.school.id));
    expect(tasks).toContainEqual({ label: `Members of ${w.school.name}`, href: `/organisations/${w.school.id}/members`, count: memberCount });
    const pending = tasks.find((t) => t.label === "Invitations not yet accepted");
    expect(pending?.count).toBeGreaterThan(0);

    const plain = await createUser(db());
    const nobody = (await getUser(request("/", { cookie: await sessionCookieFor(db(), plain.id) }), w.context))!;
    expect(await tasksFor(db(), nobody)).toEqual([]);
  });
});
