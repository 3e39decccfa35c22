import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#db/client";
import { getUser } from "~/auth/user.server";
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

    await getUser(request("/", { cookie }), context);
    expect(sessionLookups()).toBe(2);
  });
});
