import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { loader as organisationsLoader } from "~/routes/organisations._index";
import { createAccount, lastEmailTo, tokenEmailedTo } from "../factories/identity";
import { getInvitationPage, getMembersPage, postInvitationPage, postMembersPage } from "../factories/members";
import { dataOf, errorsOf, request, respond, sessionCookieFor } from "../setup/context";
import { rowCounts } from "../setup/rows";
import { useInvitationWorld } from "../setup/invitations";

describe("invitations", () => {
  const { db, w } = useInvitationWorld();

  const invite = (organisationId: string, form: Record<string, string>, cookie = w.adminCookie) => postMembersPage(w.context, organisationId, cookie, form);
  const members = (organisationId: string, query = "", cookie = w.adminCookie) => getMembersPage(w.context, organisationId, cookie, query);
  const openInvitation = (token: string, cookie?: string) => getInvitationPage(w.context, token, cookie);
  const answerInvitation = (token: string, cookie: string | undefined, form: Record<string, string> = { intent: "accept" }) =>
    postInvitationPage(w.context, token, form, cookie);
  const rolesOf = async (userId: string, organisationId: string) =>
    (
      await db()
        .select({ role: schema.memberships.role })
        .from(schema.memberships)
        .where(and(eq(schema.memberships.userId, userId), eq(schema.memberships.organisationId, organisationId)))
    ).map((r) => r.role);
  const counts = () => rowCounts(db(), { users: schema.users, memberships: schema.memberships, outbox: schema.outbox });

  it("answers the same whether or not the address has an account, here or in another authority", async () => {
    const elsewhere = await createAccount(db(), w.foreignSchool, "headteacher", { name: "Kim Elsewhere" });
    const fresh = "nobody.yet@example.org";
    const answers = [];
    for (const email of [elsewhere.email, fresh]) {
      const answer = (await invite(w.school.id, { name: "Pat Newman", email, role: "school_business_manager" })) as Response;
      const page = dataOf<{ confirmation: string; members: { email: string; name: string; status: string }[] }>(
        await members(w.school.id, `?invited=${encodeURIComponent(email)}`),
      );
      const listed = page.members.find((m) => m.email === email)!;
      answers.push({
        status: answer.status,
        location: answer.headers.get("Location")!.replace(encodeURIComponent(email), "EMAIL"),
        confirmation: page.confirmation.replace(email, "EMAIL"),
        name: listed.name,
        status2: listed.status,
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ status: 302, confirmation: "Invitation sent to EMAIL", name: "Pat Newman", status2: "invited" });
  });

  it("sends someone who has an account an invitation to accept, signed in, rather than adding them", async () => {
    const existing = await createAccount(db(), w.foreignSchool, "headteacher", { name: "Jo Existing" });
    expect((await invite(w.school.id, { name: "Jo Existing", email: existing.email, role: "headteacher" })).status).toBe(302);
    expect(await rolesOf(existing.id, w.school.id)).toEqual([]);
    const email = await lastEmailTo(db(), existing.email);
    expect(email.topic).toBe("join-organisation");
    expect(email.payload).toMatchObject({ name: "Jo Existing", inviterName: "Alex Morgan", role: "headteacher" });
    const token = await tokenEmailedTo(db(), existing.email);

    // The link alone gives nothing: it asks to sign in, and comes back.
    const anonymous = (await openInvitation(token)) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/invitation/${token}`)}`);
    expect((await answerInvitation(token, undefined)) as Response).toMatchObject({ status: 302 });
    expect(await rolesOf(existing.id, w.school.id)).toEqual([]);

    // Nor does someone else's session.
    const other = await createAccount(db(), w.school, "school_business_manager");
    const otherCookie = await sessionCookieFor(db(), other.id, w.school.id);
    expect((await openInvitation(token, otherCookie)).status).toBe(403);
    expect((await answerInvitation(token, otherCookie)).status).toBe(403);
    expect(await rolesOf(other.id, w.school.id)).toEqual(["school_business_manager"]);

    const cookie = await sessionCookieFor(db(), existing.id, w.foreignSchool.id);
    const page = dataOf<{ state: string; join: { organisationName: string; roleLabel: string; inviterName: string } }>(await openInvitation(token, cookie));
    expect(page).toMatchObject({ state: "join", join: { organisationName: w.school.name, roleLabel: "headteacher", inviterName: "Alex Morgan" } });
    const accepted = (await answerInvitation(token, cookie)) as Response;
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("Location")).toBe(`/organisations?joined=${w.school.id}&role=headteacher`);
    expect(await rolesOf(existing.id, w.school.id)).toEqual(["headteacher"]);
    const [audit] = await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, "membership.accepted"));
    expect(audit.after).toMatchObject({ userId: existing.id, role: "headteacher" });
    const banner = dataOf<{ joined: string }>(
      await respond(() =>
        organisationsLoader({ request: request(accepted.headers.get("Location")!, { cookie }), context: w.context, params: {} } as LoaderFunctionArgs),
      ),
    );
    expect(banner.joined).toBe(`You have joined ${w.school.name} as headteacher`);

    // Once only.
    expect((await answerInvitation(token, cookie)).status).toBe(410);
    expect(await rolesOf(existing.id, w.school.id)).toEqual(["headteacher"]);
  });

  it("a join invitation cannot be used to set a password", async () => {
    const existing = await createAccount(db(), w.foreignSchool, "headteacher");
    await invite(w.school.id, { name: "Sam Takeover", email: existing.email, role: "headteacher" });
    const token = await tokenEmailedTo(db(), existing.email);
    const [before] = await db().select({ hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.id, existing.id));
    const answer = await answerInvitation(token, undefined, { password: "river otter lantern cobble", confirmPassword: "river otter lantern cobble" });
    expect(answer.status).toBe(302);
    const [after] = await db().select({ hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.id, existing.id));
    expect(after.hash).toBe(before.hash);
  });

  it.each([
    ["Visit https://evil.example now", "Name must only include letters, spaces, hyphens and apostrophes"],
    ["www.evil.example", "Name must only include letters, spaces, hyphens and apostrophes"],
    ["<b>Sam</b>", "Name must only include letters, spaces, hyphens and apostrophes"],
    ["Sam\u0000Patel", "Name must only include letters, spaces, hyphens and apostrophes"],
    ["a".repeat(101), "Name must be 100 characters or fewer"],
  ])("refuses the name %j with a message by the field, and writes nothing", async (name, message) => {
    const before = await counts();
    const answer = await invite(w.school.id, { name, email: "named@example.org", role: "headteacher" });
    expect(answer.status).toBe(400);
    expect(errorsOf(answer).name).toEqual([message]);
    expect(await counts()).toEqual(before);
  });

  it.each(["Siân O'Connor-Davies", "Zoë d’Arcy", "Nguyễn Văn An", "Łukasz  Nowak"])("accepts the name %j", async (name) => {
    const email = `${Math.random().toString(36).slice(2)}@example.org`;
    expect((await invite(w.school.id, { name, email, role: "headteacher" })).status).toBe(302);
  });

  it("limits how many invitations one person sends, saying when to try again", async () => {
    const busy = await createAccount(db(), w.office, "la_admin");
    const cookie = await sessionCookieFor(db(), busy.id, w.office.id);
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => invite(w.school.id, { name: "Mass Mail", email: `mass-${i}@example.org`, role: "headteacher" }, cookie)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(errorsOf(answers.find((a) => a.status === 429)!).email[0]).toMatch(/^You have sent too many invitations\. Try again in (1 minute|\d+ minutes)$/);
    const sent = await db()
      .select({ n: count() })
      .from(schema.outbox)
      .where(and(eq(schema.outbox.topic, "invitation")));
    expect(sent[0].n).toBeGreaterThanOrEqual(20);
    // Another administrator is not held back.
    expect((await invite(w.school.id, { name: "Still Fine", email: "still.fine@example.org", role: "headteacher" })).status).toBe(302);
  });
});
