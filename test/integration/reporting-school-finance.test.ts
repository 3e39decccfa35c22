import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { runInLocale } from "~/i18n/request-locale.server";
import { loader as csvLoader } from "~/routes/school.finance[.]csv";
import { action, loader } from "~/routes/school.finance";
import { useTestDatabase } from "../factories/database";
import { createMember } from "../factories/tenancy";
import { createPurchasingWorld, type PurchasingWorld, schoolBuys } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { SCHOOL_FINANCE_HEADER_CY } from "../setup/school-finance-csv";

describe("a school's purchases for its accounts, with CFR codes", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  let other: PurchasingWorld;
  let orderId: string;
  let sbm: { id: string };

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 2, providerKind: "la_traded_services" });
    other = await createPurchasingWorld(db(), { schools: 1 });
    const m = world.members[0];
    ({
      order: { id: orderId },
    } = await schoolBuys(db(), world, m, { idempotencyKey: "cfr:0", poNumber: "PO-1" }));
    const [org] = await db().select().from(schema.organisations).where(eq(schema.organisations.id, m.school.id));
    sbm = await createMember(db(), org, "school_business_manager");
  });

  it("the business manager downloads the year's purchases with the proposed code, VAT and route", async () => {
    const ctx = appContext(db());
    const cookie = await sessionCookieFor(db(), sbm.id, world.members[0].school.id);
    const csv = (await respond(() => csvLoader({ request: request("/school/finance.csv", { cookie }), params: {}, context: ctx }))) as Response;
    const rows = parse(await csv.text()) as string[][];
    expect(rows).toHaveLength(2);
    // The headings finance systems were built on, unchanged in English.
    expect(rows[0]).toEqual([
      "Date",
      "Order",
      "Offer",
      "Provider",
      "CFR code",
      "CFR description",
      "Net GBP",
      "Paid by pot GBP",
      "VAT GBP",
      "Payable GBP",
      "Payment route",
      "Status",
      "Line",
      "Reference",
    ]);
    expect(rows[1][1]).toBe(orderId);
    expect(rows[1][4]).toBe("E27");
    const [order] = await db().select().from(schema.orders).where(eq(schema.orders.id, orderId));
    expect(rows[1].slice(6, 10)).toEqual([order.netPence, order.potContributionPence, order.vatPence, order.payablePence].map((p) => (p / 100).toFixed(2)));
    expect(rows[1][10]).toBe("Invoice");
    // Another school's purchases, and another authority's, are not theirs to read.
    expect(
      (await respond(() => loader({ request: request(`/school/finance?school=${world.members[1].school.id}`, { cookie }), params: {}, context: ctx }))).status,
    ).toBe(403);
    expect(
      (await respond(() => csvLoader({ request: request(`/school/finance.csv?school=${other.members[0].school.id}`, { cookie }), params: {}, context: ctx })))
        .status,
    ).toBe(403);
    expect((await respond(() => loader({ request: request("/school/finance?year=20x6", { cookie }), params: {}, context: ctx }))).status).toBe(404);
    // Only finance changes a code.
    expect(
      (
        await respond(() =>
          action({ request: request("/school/finance", { cookie, form: { intent: "cfr", orderId, code: "E09" } }), params: {}, context: ctx }),
        )
      ).status,
    ).toBe(403);
  });

  it("a business manager reading Welsh downloads the purchases with Welsh headings and words, the codes and figures as they are", async () => {
    const ctx = appContext(db());
    const cookie = await sessionCookieFor(db(), sbm.id, world.members[0].school.id);
    const csv = (await respond(() =>
      runInLocale("cy", () => csvLoader({ request: request("/school/finance.csv", { cookie }), params: {}, context: ctx })),
    )) as Response;
    const [header, row] = parse(await csv.text()) as string[][];
    expect(header).toEqual(SCHOOL_FINANCE_HEADER_CY);
    expect(row[1]).toBe(orderId);
    expect(row[4]).toBe("E27");
    expect(row[5]).toBe("E27 Gwasanaethau proffesiynol a brynwyd i mewn: cwricwlwm");
    expect(row.slice(10, 14)).toEqual(["Anfoneb", "Yn aros am daliad", "Pryniant", orderId]);
  });

  it("finance changes one line's code, with an audit row, and the school's download follows", async () => {
    const ctx = appContext(db());
    const finance = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const bad = (await respond(() =>
      action({ request: request("/school/finance", { cookie: finance, form: { intent: "cfr", orderId, code: "Z99" } }), params: {}, context: ctx }),
    )) as { status: number };
    expect(bad.status).toBe(400);
    const changed = (await respond(() =>
      action({ request: request("/school/finance", { cookie: finance, form: { intent: "cfr", orderId, code: "E09" } }), params: {}, context: ctx }),
    )) as Response;
    expect(changed.status).toBe(302);
    expect(changed.headers.get("Location")).toContain("done=cfrCodeSet");
    const [audited] = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "order.cfr_code.set"), eq(schema.auditLog.entityId, orderId)));
    expect(audited.after).toMatchObject({ code: "E09" });
    const cookie = await sessionCookieFor(db(), sbm.id, world.members[0].school.id);
    const rows = parse(
      await ((await respond(() => csvLoader({ request: request("/school/finance.csv", { cookie }), params: {}, context: ctx }))) as Response).text(),
    ) as string[][];
    expect(rows[1][4]).toBe("E09");
    const theirs = (await respond(() =>
      action({
        request: request("/school/finance", { cookie: finance, form: { intent: "cfr", orderId: other.members[0].school.id, code: "E09" } }),
        params: {},
        context: ctx,
      }),
    )) as { status: number };
    expect(theirs.status).toBe(404);
  });
});
