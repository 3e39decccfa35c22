import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { schoolsOfConsortiumOn } from "~/domain/consortia/schools-of-consortium-on.server";
import { consortiumFundingOn } from "~/domain/funding/consortium-funding-on.server";
import { loader as listLoader } from "~/routes/consortia._index";
import { action as newAction } from "~/routes/consortia.new";
import { loader as schoolsLoader } from "~/routes/consortia.$consortiumId_.schools";
import { action as moveAction, loader as moveLoader } from "~/routes/schools.$schoolId.consortium";
import { createConsortium } from "../factories/ledger";
import { pageCalls } from "../factories/pages";
import { createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";
import { createMember, createSchool } from "../factories/tenancy";
import { appContext, respond, sessionCookieFor } from "../setup/context";
import { insertCollectivePurchase } from "../factories/collective";
import { useTestDatabase } from "../factories/database";

type Result = Awaited<ReturnType<typeof respond>>;
const status = (r: Result) => r.status;
const body = <T>(r: Result) => (r as { data: T }).data;

describe("consortia over time", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  let other: PurchasingWorld;
  let adminCookie: string;
  let otherAdminCookie: string;
  let leadCookie: string;
  let headCookie: string;
  let second: { id: string };
  const today = londonToday(new Date());

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 4, potPence: 0 });
    other = await createPurchasingWorld(db(), { schools: 1, potPence: 0 });
    const admin = await createMember(db(), world.office, "la_admin");
    adminCookie = await sessionCookieFor(db(), admin.id, world.office.id);
    const otherAdmin = await createMember(db(), other.office, "la_admin");
    otherAdminCookie = await sessionCookieFor(db(), otherAdmin.id, other.office.id);
    leadCookie = await sessionCookieFor(db(), world.lead.id, world.consortium.id);
    headCookie = await sessionCookieFor(db(), world.members[0].head.id, world.members[0].school.id);
    second = await createConsortium(db(), world.authority.id);
  });

  const { post, get } = pageCalls(() => appContext(db()));

  it("counts a consortium's schools on a day: joined on or before it, not yet left", async () => {
    const { school } = { school: (await createSchool(db(), world.authority.id)).organisation };
    await db()
      .insert(schema.consortiumMemberships)
      .values([
        { authorityId: world.authority.id, consortiumId: second.id, schoolId: school.id, joinedOn: "2024-09-01", leftOn: "2025-01-06" },
        { authorityId: world.authority.id, consortiumId: world.consortium.id, schoolId: school.id, joinedOn: "2025-01-06" },
      ]);
    const ids = async (consortiumId: string, day: string) => (await schoolsOfConsortiumOn(db(), consortiumId, day)).map((s) => s.schoolId);
    expect(await ids(second.id, "2024-08-31")).not.toContain(school.id);
    expect(await ids(second.id, "2024-09-01")).toContain(school.id);
    expect(await ids(second.id, "2025-01-05")).toContain(school.id);
    expect(await ids(second.id, "2025-01-06")).not.toContain(school.id);
    expect(await ids(world.consortium.id, "2025-01-06")).toContain(school.id);
    // The factory's four schools joined on 2025-09-01: funding set in August 2025 counts one school.
    expect((await consortiumFundingOn(db(), world.consortium.id, "2025-08-31")).schools).toBe(1);
    expect(await consortiumFundingOn(db(), world.consortium.id, today)).toEqual({ schools: 5, amountPence: 2_420_000 });
  });

  it("lets an la_admin create a consortium with its lead and chair; the lead may then act for it", async () => {
    const lead = world.members[1].head;
    const chair = world.members[2].head;
    const refused = await post(newAction, "/consortia/new", headCookie, { name: "Rugby Rural", phase: "primary", lead: lead.id, chair: chair.id });
    expect(status(refused)).toBe(403);
    const bad = await post(newAction, "/consortia/new", adminCookie, { name: "\u0000", phase: "tertiary", lead: "x", chair: other.members[0].head.id });
    expect(status(bad)).toBe(400);
    expect(Object.keys(body<{ errors: Record<string, string[]> }>(bad).errors).sort()).toEqual(["lead", "name", "phase"]);
    const foreignChair = await post(newAction, "/consortia/new", adminCookie, {
      name: "Rugby Rural",
      phase: "primary",
      lead: lead.id,
      chair: other.members[0].head.id,
    });
    expect(status(foreignChair)).toBe(400);
    expect(await db().select().from(schema.organisations).where(eq(schema.organisations.name, "Rugby Rural"))).toHaveLength(0);

    const created = (await post(newAction, "/consortia/new", adminCookie, {
      name: "Rugby Rural",
      phase: "primary",
      lead: lead.id,
      chair: chair.id,
    })) as Response;
    expect(created.status).toBe(303);
    const id = new URL(created.headers.get("Location")!, "http://x").searchParams.get("created")!;
    const [row] = await db().select().from(schema.consortia).where(eq(schema.consortia.organisationId, id));
    expect(row).toMatchObject({ leadUserId: lead.id, chairUserId: chair.id, phase: "primary" });
    const grants = await db()
      .select()
      .from(schema.memberships)
      .where(and(eq(schema.memberships.userId, lead.id), eq(schema.memberships.organisationId, id)));
    expect(grants.map((g) => g.role)).toEqual(["consortium_lead"]);
    const [audit] = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "consortium.created"), eq(schema.auditLog.entityId, id)));
    expect(audit.actorUserId).not.toBeNull();
    const list = await get(listLoader, `/consortia?created=${id}`, adminCookie);
    expect(body<{ created: string; consortia: { name: string }[] }>(list).created).toBe("Rugby Rural");
    expect(status(await get(listLoader, "/consortia", leadCookie))).toBe(403);
    const dup = await post(newAction, "/consortia/new", adminCookie, { name: "Rugby Rural", phase: "primary", lead: lead.id, chair: chair.id });
    expect(status(dup)).toBe(409);
  });

  it("moves a school between consortia with a confirmation step, keeping its history", async () => {
    const school = world.members[3].school;
    const path = `/schools/${school.id}/consortium`;
    const params = { schoolId: school.id };
    const on = "2026-01-05";
    const check = await post(moveAction, path, adminCookie, { intent: "check", to: second.id, on }, params);
    expect(status(check)).toBe(200);
    expect(body<{ confirm: string }>(check).confirm).toContain("5 January 2026");
    expect(await schoolsOfConsortiumOn(db(), second.id, "2026-02-01")).not.toContainEqual(expect.objectContaining({ schoolId: school.id }));
    expect(status(await post(moveAction, path, headCookie, { intent: "confirm", to: second.id, on }, params))).toBe(403);
    expect(status(await post(moveAction, path, adminCookie, { intent: "confirm", to: second.id, on: "2026-02-30" }, params))).toBe(400);
    expect(status(await post(moveAction, path, adminCookie, { intent: "confirm", to: other.consortium.id, on }, params))).toBe(400);
    expect(status(await post(moveAction, path, adminCookie, { intent: "confirm", to: second.id, on: "2025-09-01" }, params))).toBe(400);
    const done = (await post(moveAction, path, adminCookie, { intent: "confirm", to: second.id, on }, params)) as Response;
    expect(done.status).toBe(303);
    const history = await db()
      .select()
      .from(schema.consortiumMemberships)
      .where(eq(schema.consortiumMemberships.schoolId, school.id))
      .orderBy(schema.consortiumMemberships.joinedOn);
    expect(history.map((h) => [h.consortiumId, h.joinedOn, h.leftOn])).toEqual([
      [world.consortium.id, "2025-09-01", on],
      [second.id, on, null],
    ]);
    expect((await schoolsOfConsortiumOn(db(), world.consortium.id, "2026-01-04")).map((s) => s.schoolId)).toContain(school.id);
    expect((await schoolsOfConsortiumOn(db(), second.id, on)).map((s) => s.schoolId)).toContain(school.id);
    const [audit] = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "consortium.school_moved"), eq(schema.auditLog.entityId, school.id)));
    expect(audit).toMatchObject({ organisationId: school.id, before: { consortiumId: world.consortium.id }, after: { consortiumId: second.id, joinedOn: on } });
    const page = await get(moveLoader, `${path}?moved=1`, adminCookie, params);
    expect(body<{ moved: boolean; history: unknown[] }>(page).history).toHaveLength(2);
    // Another authority's admin, and another authority's school, find nothing.
    expect(status(await get(moveLoader, path, otherAdminCookie, params))).toBe(404);
    expect(
      status(
        await post(
          moveAction,
          `/schools/${other.members[0].school.id}/consortium`,
          adminCookie,
          { intent: "confirm", to: second.id, on },
          { schoolId: other.members[0].school.id },
        ),
      ),
    ).toBe(404);
  });

  it("shows a lead the consortium's schools, those that left, and which take part this year", async () => {
    const purchase = await insertCollectivePurchase(db(), world, {
      closesAt: new Date(Date.now() + 86_400_000),
      delegatesPerSchool: 1,
      shareMethod: "equal",
      message: "Join us",
    });
    const pledge = (i: number, status: "joined" | "declined") => ({
      authorityId: world.authority.id,
      collectivePurchaseId: purchase.id,
      schoolId: world.members[i].school.id,
      status,
      pledgedBy: world.members[i].head.id,
    });
    await db()
      .insert(schema.pledges)
      .values([pledge(0, "joined"), pledge(1, "declined")]);
    const page = await get(schoolsLoader, `/consortia/${world.consortium.id}/schools`, leadCookie, { consortiumId: world.consortium.id });
    expect(status(page)).toBe(200);
    const data = body<{
      current: { schoolId: string; purchasesJoined: number }[];
      past: { schoolId: string; leftOn: string }[];
      taking: number;
      canMove: boolean;
    }>(page);
    expect(data.canMove).toBe(false);
    expect(data.taking).toBe(1);
    expect(data.current.find((s) => s.schoolId === world.members[0].school.id)?.purchasesJoined).toBe(1);
    expect(data.current.find((s) => s.schoolId === world.members[1].school.id)?.purchasesJoined).toBe(0);
    if (today >= "2026-01-05") expect(data.past.map((p) => p.schoolId)).toContain(world.members[3].school.id);
    expect(status(await get(schoolsLoader, `/consortia/${world.consortium.id}/schools`, headCookie, { consortiumId: world.consortium.id }))).toBe(403);
    expect(status(await get(schoolsLoader, `/consortia/${world.consortium.id}/schools`, otherAdminCookie, { consortiumId: world.consortium.id }))).toBe(404);
    expect(status(await get(schoolsLoader, `/consortia/nonsense/schools`, adminCookie, { consortiumId: "nonsense" }))).toBe(404);
  });
});
