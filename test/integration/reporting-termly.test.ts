import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { termOf } from "~/domain/reporting/rules";
import { takeTermlySnapshot, termlyReport } from "~/domain/reporting/take-termly-snapshot.server";
import { londonIsoDate } from "~/format";
import { action, loader } from "~/routes/reports.termly";
import { loader as csvLoader } from "~/routes/reports.termly[.]csv";
import { useTestDatabase } from "../factories/database";
import { actorFor, createPurchasingWorld, type PurchasingWorld, schoolBuys } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

describe("the termly report and its kept snapshot", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  let other: PurchasingWorld;
  const now = termOf(londonIsoDate(new Date()));
  const term = `${now.academicYear}-${now.term}`;

  const buy = async (i: number) => {
    const m = world.members[i];
    await schoolBuys(db(), world, m, { paymentRoute: "internal_recharge", idempotencyKey: `termly:${i}` });
  };

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 3, providerKind: "la_traded_services" });
    other = await createPurchasingWorld(db(), { schools: 1 });
    await buy(0);
  });

  it("keeps the figures as they stood: a later sale changes nothing in the kept term", async () => {
    const live = await termlyReport(db(), { authorityId: world.authority.id, term });
    expect(live.snapshot).toBeNull();
    expect(live.figures.sales.orders).toBe(1);
    expect(live.figures.fundingInPence).toBe(2_420_000);
    expect(live.figures.byConsortium).toEqual([expect.objectContaining({ schools: 3, bought: 1 })]);

    const cookie = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const ctx = appContext(db());
    const confirm = (await respond(() =>
      loader({ request: request(`/reports/termly?term=${term}&confirm=snapshot`, { cookie }), params: {}, context: ctx }),
    )) as { data: { confirming: boolean } };
    expect(confirm.data.confirming).toBe(true);
    const taken = (await respond(() =>
      action({ request: request("/reports/termly", { cookie, form: { intent: "snapshot", term } }), params: {}, context: ctx }),
    )) as Response;
    expect(taken.status).toBe(302);
    expect(taken.headers.get("Location")).toBe(`/reports/termly?term=${term}&done=termlySnapshotTaken`);

    await buy(1);
    const kept = await termlyReport(db(), { authorityId: world.authority.id, term });
    expect(kept.snapshot).not.toBeNull();
    expect(kept.figures).toEqual(live.figures);
    const again = (await respond(() =>
      action({ request: request("/reports/termly", { cookie, form: { intent: "snapshot", term } }), params: {}, context: ctx }),
    )) as { status: number };
    expect(again.status).toBe(409);

    const csv = (await respond(() =>
      csvLoader({ request: request(`/reports/termly.csv?term=${term}&table=money`, { cookie }), params: {}, context: ctx }),
    )) as Response;
    const rows = parse(await csv.text()) as string[][];
    expect(rows[1]).toEqual([expect.any(String), "24200.00"]);
  });

  it("shows another authority nothing of this one, and refuses heads and bad terms", async () => {
    const theirs = await termlyReport(db(), { authorityId: other.authority.id, term });
    expect(theirs.snapshot).toBeNull();
    expect(theirs.figures.sales.orders).toBe(0);
    expect(theirs.figures.byConsortium.map((c) => c.name)).not.toContain(world.consortium.name);
    const ctx = appContext(db());
    const cookie = await sessionCookieFor(db(), world.finance.id, world.office.id);
    expect((await respond(() => loader({ request: request("/reports/termly?term=2026-winter", { cookie }), params: {}, context: ctx }))).status).toBe(404);
    expect(
      (await respond(() => csvLoader({ request: request(`/reports/termly.csv?term=${term}&table=nope`, { cookie }), params: {}, context: ctx }))).status,
    ).toBe(400);
    const head = await sessionCookieFor(db(), world.members[0].head.id, world.members[0].school.id);
    expect((await respond(() => loader({ request: request("/reports/termly", { cookie: head }), params: {}, context: ctx }))).status).toBe(403);
    await expect(
      takeTermlySnapshot(db(), { actor: await actorFor(db(), world.lead, world.authority.id), authorityId: world.authority.id, term: "2020-autumn" }),
    ).rejects.toThrow(/finance/);
  });
});
