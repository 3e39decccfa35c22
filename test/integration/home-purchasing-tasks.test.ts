import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "#db/seed/index";
import { schema } from "~/db.server";
import { loader } from "~/routes/_index";
import { useTestDatabase } from "../factories/database";
import { openCollective } from "../factories/collective";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { authorityIdBySlug } from "../setup/demo-authorities";
import { rowCount } from "../setup/rows";

type HomeData = { tasks: { label: string; href: string; count?: number }[] };

describe("the home page shows buyers and finance what is waiting for them", () => {
  const db = useTestDatabase();
  const userByEmail = async (email: string) => {
    const [user] = await db().select().from(schema.users).where(eq(schema.users.email, email));
    const [membership] = await db().select().from(schema.memberships).where(eq(schema.memberships.userId, user.id));
    return { user, membership };
  };
  const tasksOf = async (email: string, organisationId?: string) => {
    const { user, membership } = await userByEmail(email);
    const cookie = await sessionCookieFor(db(), user.id, organisationId ?? membership.organisationId);
    const result = (await respond(() => loader({ request: request("/", { cookie }), context: appContext(db()), params: {} }))) as { data: HomeData };
    return result.data.tasks;
  };

  beforeAll(async () => {
    await seedDemo(db(), { password: "a demo password for tests", today: new Date("2026-11-02T09:00:00Z") });
  });

  it("gives a consortium lead their consortium's page, and a school the collective purchases it has not answered", async () => {
    const lead = await userByEmail("lead@arden.demo");
    const [consortiumMembership] = await db()
      .select()
      .from(schema.memberships)
      .where(and(eq(schema.memberships.userId, lead.user.id), eq(schema.memberships.role, "consortium_lead")));
    const consortiumId = consortiumMembership.organisationId;
    const leadTasks = await tasksOf("lead@arden.demo", consortiumId);
    expect(leadTasks.map((t) => t.href)).toContain(`/consortia/${consortiumId}`);

    const head = await userByEmail("head@arden.demo");
    expect((await tasksOf("head@arden.demo")).find((t) => t.href === "/collective-purchases")).toBeUndefined();

    const [offer] = await db()
      .select({ id: schema.offers.id })
      .from(schema.offers)
      .where(and(eq(schema.offers.authorityId, consortiumMembership.authorityId), isNotNull(schema.offers.liveRevisionId)))
      .limit(1);
    await openCollective(
      db(),
      { authority: { id: consortiumMembership.authorityId }, consortium: { id: consortiumId }, offer, lead: lead.user },
      { closesAt: new Date(Date.now() + 7 * 86_400_000), potPercentBps: 2_000 },
    );
    expect(await tasksOf("head@arden.demo", head.membership.organisationId)).toContainEqual({
      label: "Collective purchases waiting for your school's answer",
      href: "/collective-purchases",
      count: 1,
    });
  });

  it("tells finance how many invoices wait for payment", async () => {
    const tasks = await tasksOf("finance@arden.demo");
    // The demo's delivered orders were invoiced and are not paid yet.
    const ardenId = await authorityIdBySlug(db(), "arden");
    const issued = await rowCount(db(), schema.invoices, and(eq(schema.invoices.authorityId, ardenId), eq(schema.invoices.status, "issued")));
    expect(issued).toBeGreaterThan(0);
    expect(tasks).toContainEqual({ label: "Invoices waiting for payment", href: "/finance/sales", count: issued });
  });
});
