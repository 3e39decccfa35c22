import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { getUser } from "~/auth/user.server";
import { schema } from "~/db.server";
import { createAuthority, createMember, createOrganisation } from "../factories/tenancy";
import { appContext, request, sessionCookieFor } from "../setup/context";
import { createTestDatabase } from "../setup/database";

describe("the signed-in user", () => {
  let handle: DatabaseHandle;
  const statements: string[] = [];
  beforeAll(async () => {
    handle = await createTestDatabase({ onQuery: (sql) => statements.push(sql) });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("is looked up once per request however many loaders ask, and afresh for the next request", async () => {
    const authority = await createAuthority(handle.db);
    const school = await createOrganisation(handle.db, authority.id, "school");
    const head = await createMember(handle.db, school, "headteacher");
    const cookie = await sessionCookieFor(handle.db, head.id, school.id);
    const context = appContext(handle.db);
    const sessionLookups = () => statements.filter((s) => /from "sessions"/i.test(s)).length;

    const first = request("/", { cookie });
    statements.length = 0;
    const [a, b] = await Promise.all([getUser(first, context), getUser(first, context)]);
    expect(a?.id).toBe(head.id);
    expect(b).toBe(a);
    expect(sessionLookups()).toBe(1);
    // The session, the person and their memberships come in one statement.
    expect(statements).toHaveLength(1);

    await getUser(request("/", { cookie }), context);
    expect(sessionLookups()).toBe(2);
  });

  it("comes with every membership, by organisation name, or with none and acting for nobody", async () => {
    const authority = await createAuthority(handle.db);
    const zeta = await createOrganisation(handle.db, authority.id, "school", "Zeta Primary");
    const alpha = await createOrganisation(handle.db, authority.id, "consortium", "Alpha Consortium");
    const head = await createMember(handle.db, zeta, "headteacher");
    await handle.db.insert(schema.memberships).values({ userId: head.id, organisationId: alpha.id, authorityId: authority.id, role: "consortium_lead" });
    const user = await getUser(request("/", { cookie: await sessionCookieFor(handle.db, head.id, zeta.id) }), appContext(handle.db));
    expect(user?.memberships.map((m) => [m.organisationName, m.role])).toEqual([
      ["Alpha Consortium", "consortium_lead"],
      ["Zeta Primary", "headteacher"],
    ]);
    expect(user?.acting?.organisationName).toBe("Zeta Primary");

    const [nobody] = await handle.db.insert(schema.users).values({ email: "nobody@example.org", name: "No One" }).returning();
    const alone = await getUser(request("/", { cookie: await sessionCookieFor(handle.db, nobody.id, null) }), appContext(handle.db));
    expect(alone).toMatchObject({ id: nobody.id, memberships: [], grants: [], acting: null });
  });
});
