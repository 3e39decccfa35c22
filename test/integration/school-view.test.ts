import { parse } from "csv-parse/sync";
import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { READINESS_JUDGEMENTS } from "~/domain/readiness/rules";
import { loader as homeLoader } from "~/routes/_index";
import { action as respondAction, loader as readinessConsortiumLoader } from "~/routes/readiness.$consortiumId._index";
import { action as recordAction, loader as recordLoader } from "~/routes/readiness.$consortiumId.new";
import { loader as gridLoader } from "~/routes/readiness._index";
import { loader as storyLoader } from "~/routes/schools.$schoolId._index";
import { loader as viewLoader } from "~/routes/schools._index";
import { loader as csvLoader } from "~/routes/schools[.]csv";
import { pageCalls } from "../factories/pages";
import { publishMou } from "~/domain/mou/publish-mou.server";
import { actorFor, createPurchasingWorld, type PurchasingWorld, schoolBuys } from "../factories/purchasing";
import { createAuthority, createMember, createSchool } from "../factories/tenancy";
import { appContext, respond, sessionCookieFor } from "../setup/context";
import { useTestDatabase } from "../factories/database";

type Result = Awaited<ReturnType<typeof respond>>;
const body = <T>(r: Result) => (r as { data: T }).data;
type View = {
  rows: {
    id: string;
    name: string;
    ordersThisYear: number;
    spentThisYearPence: number;
    potThisYearPence: number;
    attention: boolean;
    adviser: { id: string } | null;
  }[];
  total: number;
  query: Record<string, unknown>;
  totals: { spentPence: number; orders: number };
};

describe("the school-by-school view and consortium readiness", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  let foreignSchoolId: string;
  let foreignConsortiumId: string;
  let adviser: { id: string };
  const cookies: Record<string, string> = {};
  const ctx = () => appContext(db());

  const { post, get } = pageCalls(ctx);

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 4 });
    const [bought, attention, untouched] = world.members;
    await db().update(schema.schools).set({ category: "4" }).where(eq(schema.schools.organisationId, attention.school.id));
    await db().update(schema.schools).set({ category: "3C", phase: "secondary" }).where(eq(schema.schools.organisationId, bought.school.id));
    const admin = await createMember(db(), world.office, "la_admin");
    const commissioner = await createMember(db(), world.office, "commissioner");
    adviser = await createMember(db(), world.office, "challenge_adviser", { name: "Dana Adviser" });
    for (const m of [bought, attention])
      await db().insert(schema.schoolAdvisers).values({ schoolId: m.school.id, authorityId: world.authority.id, adviserUserId: adviser.id });
    await db().insert(schema.schoolAdvisers).values({ schoolId: untouched.school.id, authorityId: world.authority.id, adviserUserId: commissioner.id });
    // Two orders for the first school, one of them cancelled, so the view counts only what was bought.
    for (const key of ["a", "b"]) {
      await schoolBuys(db(), world, bought, { idempotencyKey: `view:${key}` });
    }
    const [first] = await db().select({ id: schema.orders.id }).from(schema.orders).where(eq(schema.orders.idempotencyKey, "view:b"));
    await db().update(schema.orders).set({ status: "cancelled" }).where(eq(schema.orders.id, first.id));
    const foreign = await createAuthority(db());
    foreignSchoolId = (await createSchool(db(), foreign.id)).organisation.id;
    const other = await createPurchasingWorld(db(), { schools: 1, potPence: 0 });
    foreignConsortiumId = other.consortium.id;
    cookies.admin = await sessionCookieFor(db(), admin.id, world.office.id);
    cookies.commissioner = await sessionCookieFor(db(), commissioner.id, world.office.id);
    cookies.adviser = await sessionCookieFor(db(), adviser.id, world.office.id);
    cookies.head = await sessionCookieFor(db(), bought.head.id, bought.school.id);
    cookies.lead = await sessionCookieFor(db(), world.lead.id, world.consortium.id);
    cookies.finance = await sessionCookieFor(db(), world.finance.id, world.office.id);
  });

  it("shows an adviser only their own authority's schools, with figures that match the orders behind them", async () => {
    const view = body<View>(await get(viewLoader, "/schools", cookies.adviser));
    const ids = view.rows.map((r) => r.id);
    expect(ids.sort()).toEqual(world.members.map((m) => m.school.id).sort());
    expect(ids).not.toContain(foreignSchoolId);
    const orders = await db()
      .select({
        schoolId: schema.orders.schoolId,
        n: sql<number>`count(*)::int`,
        payable: sql<string>`sum(${schema.orders.payablePence})`,
        pot: sql<string>`sum(${schema.orders.potContributionPence})`,
      })
      .from(schema.orders)
      .where(and(eq(schema.orders.authorityId, world.authority.id), ne(schema.orders.status, "cancelled")))
      .groupBy(schema.orders.schoolId);
    for (const r of view.rows) {
      const o = orders.find((x) => x.schoolId === r.id);
      expect([r.ordersThisYear, r.spentThisYearPence, r.potThisYearPence]).toEqual([o?.n ?? 0, Number(o?.payable ?? 0), Number(o?.pot ?? 0)]);
    }
    const bought = view.rows.find((r) => r.id === world.members[0].school.id)!;
    expect(bought.ordersThisYear).toBe(1);
    expect(bought.spentThisYearPence).toBeGreaterThan(0);
    expect(view.totals.spentPence).toBe(view.rows.reduce((s, r) => s + r.spentThisYearPence, 0));
    // Only the category 4 school that bought nothing needs attention; the 3C school bought support.
    expect(view.rows.filter((r) => r.attention).map((r) => r.id)).toEqual([world.members[1].school.id]);
  });

  it("filters to the adviser's schools that need attention, sorts, and writes the same list as CSV", async () => {
    const mine = body<View>(await get(viewLoader, "/schools?mine=yes", cookies.adviser));
    expect(mine.rows.map((r) => r.id).sort()).toEqual([world.members[0].school.id, world.members[1].school.id].sort());
    const attention = body<View>(await get(viewLoader, "/schools?mine=yes&attention=yes", cookies.adviser));
    expect(attention.rows.map((r) => r.id)).toEqual([world.members[1].school.id]);
    const bySpend = body<View>(await get(viewLoader, "/schools?sort=spent&direction=descending", cookies.commissioner));
    expect(bySpend.rows[0].id).toBe(world.members[0].school.id);
    const secondary = body<View>(
      await get(viewLoader, `/schools?phase=secondary&consortium=${world.consortium.id}&consortium=${foreignConsortiumId}`, cookies.admin),
    );
    expect(secondary.rows.map((r) => r.id)).toEqual([world.members[0].school.id]);
    // Another authority's consortium is dropped from the query, as an unknown value is.
    expect(secondary.query.consortia).toEqual([world.consortium.id]);

    const csv = (await get(csvLoader, "/schools.csv?sort=spent&direction=descending", cookies.adviser)) as Response;
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/text\/csv/);
    const records = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.URN)).toEqual(bySpend.rows.map((r) => (r as unknown as { urn: string }).urn));
    expect(records[0]["Spent this year GBP"]).toBe((bySpend.rows[0].spentThisYearPence / 100).toFixed(2));
    expect(records.find((r) => r["Needs attention"] === "Yes")?.URN).toBe((bySpend.rows.find((r) => r.attention) as unknown as { urn: string }).urn);
  });

  it("ignores bad filter values and never fails on them", async () => {
    for (const search of [
      "consortium=not-a-uuid",
      "sort=%00&direction=sideways",
      "page=-1",
      "category=amber",
      `q=${"x".repeat(5000)}`,
      "q=%00%01",
      "phase=primary&phase=%27%3B",
      "bought=maybe&outcome=none",
    ]) {
      const r = await get(viewLoader, `/schools?${search}`, cookies.admin);
      expect(r.status, search).toBe(200);
      const csv = (await get(csvLoader, `/schools.csv?${search}`, cookies.admin)) as Response;
      expect(csv.status, search).toBe(200);
    }
  });

  it("shows one school's story, and finds nothing for another authority's school or a malformed id", async () => {
    const story = body<{
      school: { id: string };
      purchases: { payablePence: number }[];
      totals: { payablePence: number };
      consortia: unknown[];
      category: { adviser: string | null };
    }>(await get(storyLoader, `/schools/${world.members[0].school.id}`, cookies.adviser, { schoolId: world.members[0].school.id }));
    expect(story.purchases).toHaveLength(1);
    expect(story.totals.payablePence).toBe(story.purchases[0].payablePence);
    expect(story.consortia).toHaveLength(1);
    expect(story.category.adviser).toBe("Dana Adviser");
    expect((await get(storyLoader, `/schools/${foreignSchoolId}`, cookies.adviser, { schoolId: foreignSchoolId })).status).toBe(404);
    expect((await get(storyLoader, "/schools/nonsense", cookies.adviser, { schoolId: "nonsense%00" })).status).toBe(404);
    expect((await get(storyLoader, `/schools/${world.members[0].school.id}`, cookies.head, { schoolId: world.members[0].school.id })).status).toBe(403);
    expect((await get(viewLoader, "/schools", cookies.head)).status).toBe(403);
    expect((await get(csvLoader, "/schools.csv", cookies.finance)).status).toBe(403);
  });

  it("says on a school's story whether its head signed the latest memorandum of its consortium, and says so for that school alone", async () => {
    const story = async (member: (typeof world.members)[number]) =>
      body<{ mouSigned: boolean | null; year: { label: string } }>(
        await get(storyLoader, `/schools/${member.school.id}`, cookies.adviser, { schoolId: member.school.id }),
      );
    const [signer, neighbour] = world.members;
    const before = await story(signer);
    expect(before.mouSigned).toBeNull();
    const admin = await actorFor(db(), (await createMember(db(), world.office, "la_admin")) as { id: string; name: string }, world.authority.id);
    const publish = () =>
      publishMou(db(), {
        actor: admin,
        authorityId: world.authority.id,
        consortiumId: world.consortium.id,
        financialYear: before.year.label,
        title: "MOU",
        body: "We work together.",
      });
    const first = await publish();
    await db()
      .insert(schema.mouSignatures)
      .values({
        authorityId: world.authority.id,
        mouId: first.id,
        schoolId: signer.school.id,
        signedBy: signer.head.id,
        signerName: signer.head.name,
        signedOn: `${before.year.label.slice(0, 4)}-04-01`,
      });
    expect((await story(signer)).mouSigned).toBe(true);
    expect((await story(neighbour)).mouSigned).toBe(false);
    // A new version wants signing again.
    await publish();
    expect((await story(signer)).mouSigned).toBe(false);
  });

  it("lists the adviser's schools on their home, the one needing attention first", async () => {
    const home = body<{ tasks: { href: string; count?: number }[]; adviserSchools: { id: string; attention: boolean }[] }>(
      await get(homeLoader, "/", cookies.adviser),
    );
    expect(home.adviserSchools.map((s) => s.id)).toEqual([world.members[1].school.id, world.members[0].school.id]);
    expect(home.tasks.find((t) => t.href === "/schools?mine=yes&attention=yes")?.count).toBe(1);
  });

  const ratings = (rating: string, overrides: Record<string, string> = {}) => ({
    assessedOnDay: "3",
    assessedOnMonth: "11",
    assessedOnYear: "2025",
    ...Object.fromEntries(
      READINESS_JUDGEMENTS.flatMap((j) => [
        [`rating_${j}`, rating],
        [`evidence_${j}`, `Evidence for ${j}`],
        [`rationale_${j}`, ""],
      ]),
    ),
    ...overrides,
  });

  it("lets the authority record readiness snapshots, shows movement between them, and the lead respond", async () => {
    const path = `/readiness/${world.consortium.id}/new`;
    const params = { consortiumId: world.consortium.id };
    expect((await post(recordAction, path, cookies.lead, ratings("green"), params)).status).toBe(403);
    expect((await get(recordLoader, path, cookies.adviser, params)).status).toBe(403);
    const bad = await post(recordAction, path, cookies.admin, ratings("purple", { evidence_use_of_data: "" }), params);
    expect(bad.status).toBe(400);
    expect(Object.keys(body<{ errors: Record<string, string[]> }>(bad).errors)).toEqual(
      expect.arrayContaining(["rating_clarity_of_vision", "evidence_use_of_data"]),
    );
    expect((await post(recordAction, path, cookies.admin, ratings("green", { assessedOnYear: "2999" }), params)).status).toBe(400);
    expect(
      (await post(recordAction, `/readiness/${foreignConsortiumId}/new`, cookies.admin, ratings("green"), { consortiumId: foreignConsortiumId })).status,
    ).toBe(404);
    const nothing = await db().select({ id: schema.readinessSnapshots.id }).from(schema.readinessSnapshots);
    expect(nothing).toHaveLength(0);

    const first = (await post(recordAction, path, cookies.admin, ratings("amber_red"), params)) as Response;
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe(`/readiness/${world.consortium.id}?done=readinessRecorded`);
    const second = (await post(
      recordAction,
      path,
      cookies.admin,
      ratings("amber_red", { assessedOnYear: "2026", assessedOnMonth: "1", rating_use_of_data: "green", rating_clarity_of_vision: "red" }),
      params,
    )) as Response;
    expect(second.status).toBe(303);

    const grid = body<{
      rows: { consortium: { id: string }; latest: { ratings: Record<string, string> }; moves: Record<string, string>; counts: Record<string, number> }[];
    }>(await get(gridLoader, "/readiness", cookies.commissioner));
    const row = grid.rows.find((r) => r.consortium.id === world.consortium.id)!;
    expect(row.latest.ratings.use_of_data).toBe("green");
    expect(row.moves).toMatchObject({ use_of_data: "up", clarity_of_vision: "down", quality_of_planning: "same" });
    expect(row.counts).toEqual({ up: 1, down: 1, same: 10, new: 0 });
    expect(grid.rows.map((r) => r.consortium.id)).not.toContain(foreignConsortiumId);

    // The lead sees their own consortium and answers the latest snapshot.
    const leadGrid = body<{ rows: { consortium: { id: string } }[] }>(await get(gridLoader, "/readiness", cookies.lead));
    expect(leadGrid.rows.map((r) => r.consortium.id)).toEqual([world.consortium.id]);
    const page = body<{ snapshots: { id: string }[]; canRespond: boolean }>(
      await get(readinessConsortiumLoader, `/readiness/${world.consortium.id}`, cookies.lead, params),
    );
    expect(page.canRespond).toBe(true);
    expect(
      (await post(respondAction, `/readiness/${world.consortium.id}`, cookies.lead, { snapshotId: page.snapshots[0].id, agrees: "" }, params)).status,
    ).toBe(400);
    expect(
      (await post(respondAction, `/readiness/${world.consortium.id}`, cookies.admin, { snapshotId: page.snapshots[0].id, agrees: "yes", comment: "" }, params))
        .status,
    ).toBe(403);
    expect(
      (await post(respondAction, `/readiness/${world.consortium.id}`, cookies.lead, { snapshotId: "not-a-uuid", agrees: "yes", comment: "" }, params)).status,
    ).toBe(404);
    const answered = (await post(
      respondAction,
      `/readiness/${world.consortium.id}`,
      cookies.lead,
      { snapshotId: page.snapshots[0].id, agrees: "no", comment: "Use of data is amber-green at best." },
      params,
    )) as Response;
    expect(answered.status).toBe(303);
    const after = body<{ snapshots: { responses: { agrees: boolean; comment: string }[] }[] }>(
      await get(readinessConsortiumLoader, `/readiness/${world.consortium.id}`, cookies.admin, params),
    );
    expect(after.snapshots[0].responses).toMatchObject([{ agrees: false, comment: "Use of data is amber-green at best." }]);
    expect((await get(readinessConsortiumLoader, `/readiness/${foreignConsortiumId}`, cookies.admin, { consortiumId: foreignConsortiumId })).status).toBe(404);
    expect((await get(gridLoader, "/readiness", cookies.head)).status).toBe(403);

    const audits = await db().select({ action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.entityId, world.consortium.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["readiness.recorded", "readiness.recorded", "readiness.responded"]);
  });

  it("keeps snapshots append-only: the database refuses to change or delete them", async () => {
    await expect(db().update(schema.readinessJudgements).set({ rating: "green" })).rejects.toThrow();
    await expect(db().delete(schema.readinessSnapshots)).rejects.toThrow();
    await expect(db().update(schema.readinessResponses).set({ agrees: true })).rejects.toThrow();
    await expect(db().execute(sql`truncate readiness_judgements cascade`)).rejects.toThrow();
    const judgements = await db()
      .select({ rating: schema.readinessJudgements.rating })
      .from(schema.readinessJudgements)
      .where(eq(schema.readinessJudgements.judgement, "use_of_data"));
    expect(judgements.map((j) => j.rating).sort()).toEqual(["amber_red", "green"]);
  });
});
