import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { auditLogRows } from "~/domain/audit-log/search-audit-log.server";
import { loader as auditLoader } from "~/routes/audit";
import { loader as csvLoader } from "~/routes/audit[.]csv";
import { createAuthority, createMember, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { useTestDatabase } from "../factories/database";

type Page = {
  people: { id: string; name: string }[];
  entries: {
    id: number;
    action: string;
    cursor: string;
    actorName: string | null;
    changes: { field: string; before: string | null; after: string | null }[];
  }[];
  hasOlder: boolean;
  hasNewer: boolean;
  errors: unknown;
};

describe("the audit log", () => {
  const db = useTestDatabase();
  let authorityId: string;
  let admin: { id: string; cookie: string };
  let clerk: { id: string };
  let schoolId: string;
  let otherAuthorityUserId: string;
  let headCookie: string;
  const ROWS = 1200;

  const page = async (query: string, cookie = admin.cookie) => {
    const r = await respond(() => auditLoader({ request: request(`/audit${query}`, { cookie }), context: appContext(db()), params: {} }));
    return r instanceof Response ? r : { status: r.status, body: r.data as Page };
  };

  beforeAll(async () => {
    const authority = await createAuthority(db());
    authorityId = authority.id;
    const office = await createOrganisation(db(), authorityId, "authority_office");
    const adminUser = await createMember(db(), office, "la_admin", { name: "Priya Admin" });
    admin = { id: adminUser.id, cookie: await sessionCookieFor(db(), adminUser.id, office.id) };
    clerk = await createMember(db(), office, "commissioner", { name: "Clerk Person" });
    const { organisation } = await createSchool(db(), authorityId);
    schoolId = organisation.id;
    const head = await createMember(db(), organisation, "headteacher");
    headCookie = await sessionCookieFor(db(), head.id, organisation.id);
    const other = await createAuthority(db());
    const otherOffice = await createOrganisation(db(), other.id, "authority_office");
    otherAuthorityUserId = (await createMember(db(), otherOffice, "la_admin")).id;
    // Many rows over 60 days, several to each instant (so the cursor must break ties by id),
    // some by the clerk about the school, and one row in the other authority.
    await db().execute(sql`
      insert into audit_log (authority_id, actor_user_id, action, entity_type, entity_id, organisation_id, before, after, created_at)
      select ${authorityId}::uuid,
             case when g % 3 = 0 then ${clerk.id}::uuid else ${admin.id}::uuid end,
             case when g % 5 = 0 then 'school.category_set' else 'offer.submitted' end,
             'school', g::text,
             case when g % 4 = 0 then ${schoolId}::uuid else null end,
             jsonb_build_object('category', '3A', 'n', g), jsonb_build_object('category', '=HYPERLINK("x")', 'n', g),
             timestamptz '2026-01-01T00:00:00Z' + ((g / 3) * interval '71 minutes') + interval '0.000123 seconds'
      from generate_series(1, ${ROWS}) g`);
    await db()
      .insert(schema.auditLog)
      .values({ authorityId, actorUserId: admin.id, action: "formula.test", entityType: "x", entityId: "=1+2", createdAt: new Date("2025-06-01T00:00:00Z") });
    await db()
      .insert(schema.auditLog)
      .values({ authorityId: other.id, actorUserId: otherAuthorityUserId, action: "secret.thing", entityType: "x", entityId: "y" });
  });

  it("pages through every row exactly once, older and back newer, by keyset", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = await auditLogRows(db(), {
        authorityId,
        filter: {},
        cursor: cursor ? { at: cursor.split("~")[0], id: Number(cursor.split("~")[1]) } : null,
        limit: 100,
      });
      seen.push(...result.entries.map((e) => e.id));
      cursor = result.hasOlder ? result.entries.at(-1)!.cursor : null;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toHaveLength(ROWS + 1);
    expect(new Set(seen).size).toBe(ROWS + 1);

    const first = await page("");
    expect(first).not.toBeInstanceOf(Response);
    const one = (first as { body: Page }).body;
    expect(one.entries).toHaveLength(50);
    expect(one.hasNewer).toBe(false);
    expect(one.hasOlder).toBe(true);
    const second = (await page(`?before=${encodeURIComponent(one.entries.at(-1)!.cursor)}`)) as { body: Page };
    expect(second.body.entries[0].id).not.toBe(one.entries.at(-1)!.id);
    expect(second.body.hasNewer).toBe(true);
    const back = (await page(`?after=${encodeURIComponent(second.body.entries[0].cursor)}`)) as { body: Page };
    expect(back.body.entries.map((e) => e.id)).toEqual(one.entries.map((e) => e.id));
  });

  it("filters by person, organisation, kind of change and dates, and shows before and after", async () => {
    const byClerk = (await page(`?person=${clerk.id}`)) as { body: Page };
    expect(byClerk.body.entries.every((e) => e.actorName === "Clerk Person")).toBe(true);
    const aboutSchool = await auditLogRows(db(), { authorityId, filter: { organisationId: schoolId }, limit: 1000 });
    expect(aboutSchool.entries).toHaveLength(ROWS / 4);
    const kind = await auditLogRows(db(), { authorityId, filter: { action: "school.category_set", actorUserId: clerk.id }, limit: 1000 });
    expect(kind.entries).toHaveLength(ROWS / 15);
    const day = (await page("?from=2026-01-02&to=2026-01-02")) as { body: Page };
    expect(day.body.entries.length).toBeGreaterThan(0);
    const dayRows = await auditLogRows(db(), {
      authorityId,
      filter: { from: new Date("2026-01-02T00:00:00Z"), to: new Date("2026-01-03T00:00:00Z") },
      limit: 1000,
    });
    // 71-minute steps, three rows to a step: 20 or 21 steps fall in one day.
    expect(dayRows.entries.length).toBeGreaterThanOrEqual(60);
    expect(dayRows.entries.length).toBeLessThanOrEqual(63);
    expect(byClerk.body.entries[0].changes).toEqual([{ field: "category", before: "3A", after: '=HYPERLINK("x")' }]);
  });

  it("answers a bad filter with its message, and finds nothing of another authority", async () => {
    const bad = (await page("?from=2026-02-30&to=not-a-date")) as { status: number; body: Page };
    expect(bad.status).toBe(400);
    expect(bad.body.entries).toHaveLength(0);
    const foreign = (await page(`?person=${otherAuthorityUserId}`)) as { status: number; body: Page };
    expect(foreign.status).toBe(400);
    expect(foreign.body.entries).toHaveLength(0);
    const all = await auditLogRows(db(), { authorityId, filter: { action: "secret.thing" }, limit: 10 });
    expect(all.entries).toHaveLength(0);
    const nul = (await page("?action=%00")) as { status: number };
    expect(nul.status).toBe(400);
  });

  it("is refused to a headteacher", async () => {
    const refused = await page("", headCookie);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
  });

  it("downloads the filtered rows as CSV, streamed, with formulas defused", async () => {
    const response = (await respond(() =>
      csvLoader({ request: request(`/audit.csv?organisation=${schoolId}`, { cookie: admin.cookie }), context: appContext(db()), params: {} }),
    )) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("When (UTC),Person,Email,Kind of change,Code,Record type,Record,Organisation,Before,After");
    expect(lines).toHaveLength(ROWS / 4 + 1);
    const formula = (await respond(() =>
      csvLoader({ request: request(`/audit.csv?action=formula.test`, { cookie: admin.cookie }), context: appContext(db()), params: {} }),
    )) as Response;
    const formulaLines = (await formula.text()).trimEnd().split("\r\n");
    expect(formulaLines).toHaveLength(2);
    expect(formulaLines[1]).toContain(",'=1+2,");
    const foreign = (await respond(() =>
      csvLoader({ request: request(`/audit.csv?person=${otherAuthorityUserId}`, { cookie: admin.cookie }), context: appContext(db()), params: {} }),
    )) as Response;
    expect(foreign.status).toBe(404);
    const refused = (await respond(() =>
      csvLoader({ request: request("/audit.csv", { cookie: headCookie }), context: appContext(db()), params: {} }),
    )) as Response;
    expect(refused.status).toBe(403);
  });

  it("still lists and filters by a person who has left, but never by a stranger to the authority", async () => {
    const [office] = await db().select().from(schema.organisations).where(eq(schema.organisations.authorityId, authorityId));
    const leaver = await createMember(db(), { id: office.id, authorityId }, "commissioner", { name: "Departed Person" });
    await db().insert(schema.auditLog).values({ authorityId, actorUserId: leaver.id, action: "offer.decided", entityType: "x", entityId: "left-behind" });
    await db().delete(schema.memberships).where(eq(schema.memberships.userId, leaver.id));
    const listed = (await page("")) as { body: Page };
    const names = listed.body.people.map((p) => p.name);
    expect(names).toContain("Departed Person");
    expect(names).toContain("Clerk Person");
    expect(listed.body.people.map((p) => p.id)).not.toContain(otherAuthorityUserId);
    const theirs = (await page(`?person=${leaver.id}`)) as { status: number; body: Page };
    expect(theirs.status).toBe(200);
    expect(theirs.body.entries.map((e) => e.action)).toEqual(["offer.decided"]);
    const csv = (await respond(() =>
      csvLoader({ request: request(`/audit.csv?person=${leaver.id}`, { cookie: admin.cookie }), context: appContext(db()), params: {} }),
    )) as Response;
    expect(csv.status).toBe(200);
    expect((await csv.text()).trimEnd().split("\r\n")).toHaveLength(2);

    // Someone who belongs nowhere and did nothing here, and the other authority's admin, stay refused.
    const [stranger] = await db().insert(schema.users).values({ email: "stranger@example.org", name: "Stranger" }).returning();
    expect(((await page(`?person=${stranger.id}`)) as { status: number }).status).toBe(400);
    expect(((await page(`?person=${otherAuthorityUserId}`)) as { status: number }).status).toBe(400);
    expect(listed.body.people.map((p) => p.name)).not.toContain("Stranger");
  });
});
