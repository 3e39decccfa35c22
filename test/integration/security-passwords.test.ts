import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as invitationAction } from "~/routes/invitation.$token";
import { action as membersAction } from "~/routes/organisations.$organisationId.members";
import { action as resetAction } from "~/routes/reset-password.$token";
import { createAccount, tokenEmailedTo } from "../factories/identity";
import { createAuthority, createOrganisation } from "../factories/tenancy";
import { appContext, errorsOf, request, respond, sessionCookieFor } from "../setup/context";
import { useTestDatabase } from "../factories/database";

describe("new passwords are checked against common passwords", () => {
  const db = useTestDatabase();
  let office: typeof schema.organisations.$inferSelect;
  let ip = 0;
  const context = (): AppLoadContext => appContext(db(), { clientIp: `198.51.100.${++ip}` });
  const post = (
    action: (args: ActionFunctionArgs) => Promise<unknown>,
    path: string,
    form: Record<string, string>,
    params: Record<string, string>,
    cookie?: string,
  ) => respond(() => action({ request: request(path, { form, cookie }), context: context(), params } as ActionFunctionArgs));
  const hashOf = async (email: string) =>
    (await db().select({ hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.email, email)))[0].hash;

  beforeAll(async () => {
    office = await createOrganisation(db(), (await createAuthority(db())).id, "authority_office");
  });

  it("a reset refuses a common password, a repeated one and the person's own name, saying why, and keeps the link usable", async () => {
    const user = await createAccount(db(), office, "la_finance", { name: "Morgan Whitfield", email: "morgan.whitfield@example.org" });
    const before = await hashOf(user.email);
    await post(forgotAction, "/forgot-password", { email: user.email }, {});
    const token = await tokenEmailedTo(db(), user.email);
    const reset = (password: string) => post(resetAction, `/reset-password/${token}`, { password, confirmPassword: password }, { token });

    const common = await reset("password1234");
    expect(common.status).toBe(400);
    expect(errorsOf(common).password[0]).toMatch(/^This password is on a list of the most common passwords/);
    expect(errorsOf(await reset("aaaaaaaaaaaa")).password[0]).toMatch(/^Passwords made of repeated characters/);
    expect(errorsOf(await reset("morganwhitfield1")).password[0]).toBe(
      "Your password must not contain your name or email address. Choose something else, for example three or four unrelated words",
    );
    expect(await hashOf(user.email)).toBe(before);

    const done = await reset("river otter lantern cobble");
    expect(done.status).toBe(302);
    expect(await hashOf(user.email)).not.toBe(before);
  });

  it("accepting an invitation refuses a common password and sets nothing", async () => {
    const admin = await createAccount(db(), office, "la_admin");
    const cookie = await sessionCookieFor(db(), admin.id, office.id);
    expect(
      (
        await post(
          membersAction,
          `/organisations/${office.id}/members`,
          { name: "Robin Adviser", email: "robin@example.org", role: "challenge_adviser" },
          { organisationId: office.id },
          cookie,
        )
      ).status,
    ).toBe(302);
    const token = await tokenEmailedTo(db(), "robin@example.org");
    const accept = (password: string) => post(invitationAction, `/invitation/${token}`, { password, confirmPassword: password }, { token });
    for (const weak of ["password1234", "aaaaaaaaaaaa", "qwertyuiop12"]) {
      const answer = await accept(weak);
      expect(answer.status).toBe(400);
      expect(errorsOf(answer).password).toHaveLength(1);
    }
    expect(await hashOf("robin@example.org")).toBeNull();
    expect((await accept("river otter lantern cobble")).status).toBe(302);
  });
});
