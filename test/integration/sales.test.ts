import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { cancelOrder } from "~/domain/purchasing/cancel-order.server";
import { salesForExport, salesPage } from "~/domain/purchasing/sales.server";
import { loader as salesCsvLoader } from "~/routes/finance.sales[.]csv";
import { loader as salesLoader } from "~/routes/finance.sales";
import { useTestDatabase } from "../factories/database";
import { actorFor, createPurchasingWorld, type PurchasingWorld, schoolBuys } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

describe("finance's sales, filtered and totalled", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  let other: PurchasingWorld;
  const orderIds: string[] = [];

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 3, providerKind: "la_traded_services" });
    other = await createPurchasingWorld(db(), { schools: 1 });
    const routes = ["invoice", "invoice", "internal_recharge"] as const;
    for (const [i, m] of world.members.entries()) {
      const { order } = await schoolBuys(db(), world, m, { paymentRoute: routes[i], idempotencyKey: `sales:${m.school.id}` });
      orderIds.push(order.id);
    }
    await cancelOrder(db(), { actor: await actorFor(db(), world.members[1].head, world.authority.id), authorityId: world.authority.id, orderId: orderIds[1] });
    const m = other.members[0];
    await schoolBuys(db(), other, m, { idempotencyKey: `sales:${m.school.id}` });
  });

  it("totals every order the filter picks, and only the authority's own", async () => {
    const all = await salesPage(db(), { authorityId: world.authority.id, filter: {}, page: 1 });
    expect(all.totals.orders).toBe(3);
    expect(all.orders.map((o) => o.id).sort()).toEqual([...orderIds].sort());
    expect(all.totals.grossPence).toBe(all.orders.reduce((s, o) => s + o.grossPence, 0));
    expect(all.totals.netPence + all.totals.vatPence).toBe(all.totals.grossPence);
    expect(all.choices.consortia.map((c) => c.id)).toEqual([world.consortium.id]);
    expect(all.choices.providers.map((p) => p.id)).toEqual([world.provider.id]);

    const picked = async (filter: Parameters<typeof salesPage>[1]["filter"]) =>
      (await salesPage(db(), { authorityId: world.authority.id, filter, page: 1 })).orders.map((o) => o.id).sort();
    expect(await picked({ paymentRoute: "internal_recharge" })).toEqual([orderIds[2]]);
    expect(await picked({ status: "cancelled" })).toEqual([orderIds[1]]);
    expect(await picked({ paymentRoute: "invoice", status: "placed" })).toEqual([orderIds[0]]);
    expect(await picked({ consortiumId: world.consortium.id })).toEqual([...orderIds].sort());
    expect(await picked({ consortiumId: other.consortium.id })).toEqual([]);
    expect(await picked({ providerId: other.provider.id })).toEqual([]);
    expect(await picked({ from: "2000-01-01", to: "2000-12-31" })).toEqual([]);
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" });
    expect(await picked({ from: today, to: today })).toEqual([...orderIds].sort());
  });

  it("clamps the page to the pages there are, and the export has every row with the same totals", async () => {
    const far = await salesPage(db(), { authorityId: world.authority.id, filter: {}, page: 99 });
    expect(far.page).toBe(1);
    expect(far.totalPages).toBe(1);
    const exported = await salesForExport(db(), { authorityId: world.authority.id, filter: { status: "placed" } });
    expect(exported.orders).toHaveLength(exported.totals.orders);
    // The recharged order is paid as it is placed; the cancelled one is not placed any more.
    expect(exported.orders.map((o) => o.id)).toEqual([orderIds[0]]);
  });

  it("the page and the CSV read the same filter from the address, and refuse a bad one by its field", async () => {
    const cookie = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const ctx = appContext(db());
    const csv = (await respond(() =>
      salesCsvLoader({ request: request("/finance/sales.csv?route=internal_recharge", { cookie }), params: {}, context: ctx }),
    )) as Response;
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await csv.text()) as string[][];
    expect(rows.slice(1).map((r) => r[1])).toEqual([orderIds[2]]);

    const bad = await respond(() =>
      salesLoader({ request: request("/finance/sales?status=lost&consortium=not-an-id&from=2026-02-30", { cookie }), params: {}, context: ctx }),
    );
    expect(bad.status).toBe(400);
    const errors = (bad as unknown as { data: { errors: Record<string, string[]> } }).data.errors;
    expect(Object.keys(errors).sort()).toEqual(["consortium", "from", "status"]);
    const badCsv = await respond(() => salesCsvLoader({ request: request("/finance/sales.csv?route=pigeon", { cookie }), params: {}, context: ctx }));
    expect(badCsv.status).toBe(400);

    const head = await sessionCookieFor(db(), world.members[0].head.id, world.members[0].school.id);
    expect((await respond(() => salesCsvLoader({ request: request("/finance/sales.csv", { cookie: head }), params: {}, context: ctx }))).status).toBe(403);
  });

  it("sends the old ?format=csv address on to the CSV with the same filters, for finance only", async () => {
    const ctx = appContext(db());
    const old = async (cookie: string, query: string) =>
      (await respond(() => salesLoader({ request: request(`/finance/sales${query}`, { cookie }), params: {}, context: ctx }))) as Response;
    const finance = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const moved = await old(finance, "?route=internal_recharge&format=csv&fromDay=1&fromMonth=1&fromYear=2000");
    expect(moved.status).toBe(302);
    expect(moved.headers.get("Location")).toBe("/finance/sales.csv?route=internal_recharge&fromDay=1&fromMonth=1&fromYear=2000");
    const plain = await old(finance, "?format=csv");
    expect(plain.status).toBe(302);
    expect(plain.headers.get("Location")).toBe("/finance/sales.csv");
    // The address it is sent to answers the same orders as the filter on the page.
    const csv = (await respond(() =>
      salesCsvLoader({ request: request(moved.headers.get("Location")!, { cookie: finance }), params: {}, context: ctx }),
    )) as Response;
    expect((parse(await csv.text()) as string[][]).slice(1).map((r) => r[1])).toEqual([orderIds[2]]);

    const head = await sessionCookieFor(db(), world.members[0].head.id, world.members[0].school.id);
    expect((await old(head, "?format=csv")).status).toBe(403);
    const signedOut = await old("", "?format=csv");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toContain("/sign-in");
  });
});
