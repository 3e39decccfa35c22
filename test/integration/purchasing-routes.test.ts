import { eq, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import * as collectivePage from "~/routes/collective-purchases.$purchaseId";
import * as collectiveList from "~/routes/collective-purchases._index";
import * as collectiveNew from "~/routes/collective-purchases.new";
import * as consortiumPage from "~/routes/consortia.$consortiumId";
import * as financeInvoice from "~/routes/finance.invoices.$invoiceId";
import * as rechargesCsv from "~/routes/finance.recharges[.]csv";
import * as sales from "~/routes/finance.sales";
import * as salesCsv from "~/routes/finance.sales[.]csv";
import * as invoicePage from "~/routes/invoices.$invoiceId";
import * as providerOrders from "~/routes/provider.orders";
import * as orderPage from "~/routes/purchases.$orderId";
import * as purchaseNew from "~/routes/purchases.new";
import * as schoolOrders from "~/routes/school.orders";
import { useTestDatabase } from "../factories/database";
import { createConsortium } from "../factories/ledger";
import { createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";
import { createMember } from "../factories/tenancy";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";
import { confirmedPurchaseForm } from "../setup/purchase-form";
import { rowCount } from "../setup/rows";

type Result = Response | { data: unknown; status: number };
const statusOf = (r: Result) => r.status;
const dataOf = <T = Record<string, unknown>>(r: Result) => (r instanceof Response ? null : (r.data as T));
const locationOf = (r: Result) => (r instanceof Response ? r.headers.get("Location") : null);

describe("purchasing routes", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  let other: PurchasingWorld;
  const cookies: Record<string, string> = {};
  const ctx = () => appContext(db());
  const count = (table: PgTable) => rowCount(db(), table);
  /** Opens a page as each person named, by their cookie, and expects the status given for them. */
  const expectStatuses = async (open: (cookie: string) => Promise<Result>, expected: Record<string, number>) => {
    const statuses: Record<string, number> = {};
    for (const name of Object.keys(expected)) statuses[name] = statusOf(await open(cookies[name]));
    expect(statuses).toEqual(expected);
  };

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 4, academyEvery: 4 });
    other = await createPurchasingWorld(db(), { schools: 1 });
    const [first, second] = world.members;
    cookies.head = await sessionCookieFor(db(), first.head.id, first.school.id);
    cookies.head2 = await sessionCookieFor(db(), second.head.id, second.school.id);
    cookies.lead = await sessionCookieFor(db(), world.lead.id, world.consortium.id);
    cookies.finance = await sessionCookieFor(db(), world.finance.id, world.office.id);
    cookies.provider = await sessionCookieFor(db(), world.providerAdmin.id, world.provider.id);
    cookies.otherHead = await sessionCookieFor(db(), other.members[0].head.id, other.members[0].school.id);
    cookies.otherLead = await sessionCookieFor(db(), other.lead.id, other.consortium.id);
  });

  const purchaseForm = (cookie: string, offerId: string) =>
    respond(() => purchaseNew.loader({ request: request(`/purchases/new?offerId=${offerId}`, { cookie }), params: {}, context: ctx() }));
  const buy = (cookie: string, form: Record<string, string>) =>
    respond(() => purchaseNew.action({ request: request("/purchases/new", { cookie, form }), params: {}, context: ctx() }));
  const answers = () => ({ offerId: world.offer.id, schoolId: world.members[0].school.id, delegates: "1", poNumber: "PO 123/A", paymentRoute: "invoice" });

  describe("a school buying on its own", () => {
    it("shows the options to a head, refuses a provider, and finds nothing of another authority", async () => {
      const ok = await purchaseForm(cookies.head, world.offer.id);
      expect(statusOf(ok)).toBe(200);
      expect(dataOf<{ routes: string[] }>(ok)!.routes).toEqual(["invoice", "consortium_pot"]);
      expect(statusOf(await purchaseForm(cookies.provider, world.offer.id))).toBe(403);
      expect(statusOf(await purchaseForm(cookies.head, other.offer.id))).toBe(404);
      expect(statusOf(await purchaseForm(cookies.head, "%27;drop%20table"))).toBe(404);
    });

    it("checks the answers, then places one order however often it is confirmed", async () => {
      const before = await count(schema.orders);
      const checked = await buy(cookies.head, { ...answers(), intent: "check" });
      expect(statusOf(checked)).toBe(200);
      const check = dataOf<{ step: string; quote: { grossPence: number }; idempotencyKey: string }>(checked)!;
      expect(check.step).toBe("check");
      expect(check.quote.grossPence).toBe(108_000);
      expect(await count(schema.orders)).toBe(before);

      const confirm = { ...answers(), intent: "confirm", idempotencyKey: check.idempotencyKey };
      const first = await buy(cookies.head, confirm);
      const second = await buy(cookies.head, confirm);
      expect(statusOf(first)).toBe(303);
      expect(locationOf(second)).toBe(locationOf(first));
      expect(await count(schema.orders)).toBe(before + 1);
    });

    it("answers bad input with 400 and the message by the field, writing nothing", async () => {
      const before = await count(schema.orders);
      for (const [field, value] of [
        ["delegates", "abc"],
        ["delegates", "0"],
        ["poNumber", "<script>"],
        ["paymentRoute", "bitcoin"],
        ["poNumber", "x".repeat(300)],
      ]) {
        const result = await buy(cookies.head, { ...answers(), [field]: value, intent: "confirm", idempotencyKey: crypto.randomUUID() });
        expect(statusOf(result)).toBe(400);
        expect(Object.keys(dataOf<{ errors: object }>(result)!.errors)).toContain(field);
      }
      const recharge = await buy(cookies.head, { ...answers(), paymentRoute: "internal_recharge", intent: "confirm", idempotencyKey: crypto.randomUUID() });
      expect(statusOf(recharge)).toBe(400);
      expect(statusOf(await buy(cookies.head, { ...answers(), intent: "confirm", idempotencyKey: "not-a-uuid" }))).toBe(400);
      // Buying for a school that is not yours: 403 from the domain, nothing written.
      expect(statusOf(await buy(cookies.head2, { ...answers(), intent: "confirm", idempotencyKey: crypto.randomUUID() }))).toBe(403);
      expect(await count(schema.orders)).toBe(before);
    });

    it("shows an order to its school, its provider and finance only; the school cancels it", async () => {
      const checked = dataOf<{ idempotencyKey: string }>(await buy(cookies.head, { ...answers(), intent: "check" }))!;
      const placed = await buy(cookies.head, { ...answers(), intent: "confirm", idempotencyKey: checked.idempotencyKey });
      const orderId = locationOf(placed)!.split("/").pop()!.split("?")[0];
      const view = (cookie: string, id = orderId) =>
        respond(() => orderPage.loader({ request: request(`/purchases/${id}`, { cookie }), params: { orderId: id }, context: ctx() }));
      await expectStatuses(view, { head: 200, provider: 200, finance: 200, head2: 403, otherHead: 404 });
      expect(statusOf(await view(cookies.head, "nonsense"))).toBe(404);

      const { invoiceId } = dataOf<{ order: { invoiceId: string } }>(await view(cookies.head))!.order;
      const invoice = (cookie: string, id = invoiceId) =>
        respond(() => invoicePage.loader({ request: request(`/invoices/${id}`, { cookie }), params: { invoiceId: id }, context: ctx() }));
      await expectStatuses(invoice, { head: 200, finance: 200, head2: 403, otherHead: 404 });

      const cancel = (cookie: string) =>
        respond(() =>
          orderPage.action({ request: request(`/purchases/${orderId}`, { cookie, form: { intent: "cancel" } }), params: { orderId }, context: ctx() }),
        );
      expect(statusOf(await cancel(cookies.head2))).toBe(403);
      expect(
        statusOf(
          await respond(() =>
            orderPage.action({
              request: request(`/purchases/${orderId}`, { cookie: cookies.head, form: { intent: "refund-me-twice" } }),
              params: { orderId },
              context: ctx(),
            }),
          ),
        ),
      ).toBe(400);
      const first = await cancel(cookies.head);
      expect(statusOf(first)).toBe(303);
      expect(locationOf(first)).toBe(`/purchases/${orderId}?done=orderCancelled`);
      const [order] = await db().select().from(schema.orders).where(eq(schema.orders.id, orderId));
      expect(order.status).toBe("cancelled");
      // A double click lands on the first outcome, not an error.
      const second = await cancel(cookies.head);
      expect(statusOf(second)).toBe(303);
      expect(locationOf(second)).toBe(locationOf(first));
      expect(
        await db()
          .select()
          .from(schema.creditNotes)
          .innerJoin(schema.invoices, eq(schema.invoices.id, schema.creditNotes.invoiceId))
          .where(eq(schema.invoices.orderId, orderId)),
      ).toHaveLength(1);
    });
  });

  describe("finance", () => {
    it("records a payment once, refuses bad input and other people", async () => {
      const checked = dataOf<{ idempotencyKey: string }>(await buy(cookies.head, { ...answers(), intent: "check" }))!;
      const orderId = locationOf(await buy(cookies.head, { ...answers(), intent: "confirm", idempotencyKey: checked.idempotencyKey }))!
        .split("/")
        .pop()!
        .split("?")[0];
      const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, orderId));
      const page = (cookie: string, id = invoice.id) =>
        respond(() => financeInvoice.loader({ request: request(`/finance/invoices/${id}`, { cookie }), params: { invoiceId: id }, context: ctx() }));
      const loaded = await page(cookies.finance);
      expect(statusOf(loaded)).toBe(200);
      expect(statusOf(await page(cookies.head))).toBe(403);
      const otherFinance = await sessionCookieFor(db(), other.finance.id, other.office.id);
      expect(statusOf(await page(otherFinance))).toBe(404);

      const key = dataOf<{ idempotencyKey: string }>(loaded)!.idempotencyKey;
      const pay = (form: Record<string, string>, cookie = cookies.finance) =>
        respond(() =>
          financeInvoice.action({ request: request(`/finance/invoices/${invoice.id}`, { cookie, form }), params: { invoiceId: invoice.id }, context: ctx() }),
        );
      const good = { amount: "1,080.00", bankReference: "BACS 77", receivedOn: "2026-01-20", idempotencyKey: key };
      const before = await count(schema.payments);
      for (const bad of [
        { amount: "ten pounds" },
        { amount: "1080.001" },
        { bankReference: "" },
        { receivedOn: "2026-02-30" },
        { receivedOn: "2999-01-01" },
        { amount: "1080.01" },
      ]) {
        const result = await pay({ ...good, ...bad });
        expect(statusOf(result)).toBe(400);
      }
      expect(statusOf(await pay(good, cookies.head))).toBe(403);
      expect(await count(schema.payments)).toBe(before);
      expect(statusOf(await pay(good))).toBe(303);
      expect(statusOf(await pay(good))).toBe(303);
      expect(await count(schema.payments)).toBe(before + 1);

      const csv = await respond(() => salesCsv.loader({ request: request("/finance/sales.csv", { cookie: cookies.finance }), params: {}, context: ctx() }));
      expect(csv).toBeInstanceOf(Response);
      const text = await (csv as Response).text();
      expect(text.split("\r\n")[0]).toBe("Date,Order,School,Offer,Provider,Net GBP,VAT GBP,Gross GBP,Route,Status");
      expect(text).toContain(`${orderId},`);
      // The route and status in words, as the sales page shows them.
      expect(text).toContain(",900.00,180.00,1080.00,Invoice,Paid");
      expect(statusOf(await respond(() => sales.loader({ request: request("/finance/sales", { cookie: cookies.head }), params: {}, context: ctx() })))).toBe(
        403,
      );
      expect(statusOf(await respond(() => sales.loader({ request: request("/finance/sales", { cookie: cookies.finance }), params: {}, context: ctx() })))).toBe(
        200,
      );
    });

    it("exports the recharge journal to finance only", async () => {
      const traded = await createPurchasingWorld(db(), { schools: 1, providerKind: "la_traded_services" });
      const head = await sessionCookieFor(db(), traded.members[0].head.id, traded.members[0].school.id);
      const form = confirmedPurchaseForm(traded, "internal_recharge");
      expect(statusOf(await buy(head, form))).toBe(303);
      const finance = await sessionCookieFor(db(), traded.finance.id, traded.office.id);
      const csv = (await respond(() =>
        rechargesCsv.loader({ request: request("/finance/recharges.csv", { cookie: finance }), params: {}, context: ctx() }),
      )) as Response;
      expect(csv.headers.get("Content-Type")).toContain("text/csv");
      const lines = (await csv.text()).trim().split("\r\n");
      expect(lines).toHaveLength(2);
      // A maintained school buying the authority's own service: inside the authority, no VAT.
      expect(lines[1]).toMatch(/AUT-RC-\d{4}-000001,CC1000,.*,900\.00,/);
      expect(
        statusOf(await respond(() => rechargesCsv.loader({ request: request("/finance/recharges.csv", { cookie: head }), params: {}, context: ctx() }))),
      ).toBe(403);
    });
  });

  describe("a consortium buying together", () => {
    let purchaseId: string;
    const openForm = () => ({
      offerId: world.offer.id,
      consortiumId: world.consortium.id,
      closesOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      minSchools: "2",
      maxSchools: "",
      delegatesPerSchool: "1",
      potPercent: "10",
      potPerSchool: "",
      potCap: "£5,000",
      shareMethod: "equal",
      message: "Bulk price — together 💪",
    });
    const collectiveForm = (cookie: string, offerId: string) =>
      respond(() => collectiveNew.loader({ request: request(`/collective-purchases/new?offerId=${offerId}`, { cookie }), params: {}, context: ctx() }));
    const open = (cookie: string, form: Record<string, string>) =>
      respond(() => collectiveNew.action({ request: request("/collective-purchases/new", { cookie, form }), params: {}, context: ctx() }));
    const page = (cookie: string, id = purchaseId) =>
      respond(() => collectivePage.loader({ request: request(`/collective-purchases/${id}`, { cookie }), params: { purchaseId: id }, context: ctx() }));
    const act = (cookie: string, form: Record<string, string>, id = purchaseId) =>
      respond(() => collectivePage.action({ request: request(`/collective-purchases/${id}`, { cookie, form }), params: { purchaseId: id }, context: ctx() }));

    it("opens for the lead only, with field errors for bad input and nothing written", async () => {
      expect(statusOf(await collectiveForm(cookies.lead, world.offer.id))).toBe(200);
      expect(statusOf(await collectiveForm(cookies.head, world.offer.id))).toBe(403);
      expect(statusOf(await collectiveForm(cookies.lead, other.offer.id))).toBe(404);

      const before = await count(schema.collectivePurchases);
      const cases: [Record<string, string>, string][] = [
        [{ closesOn: "2020-01-01" }, "closesOn"],
        [{ closesOn: "next week" }, "closesOn"],
        [{ minSchools: "99" }, "minSchools"],
        [{ minSchools: "3", maxSchools: "2" }, "maxSchools"],
        [{ potPercent: "150" }, "potPercent"],
        [{ potCap: "lots" }, "potCap"],
        [{ shareMethod: "by-vibes" }, "shareMethod"],
      ];
      for (const [bad, field] of cases) {
        const result = await open(cookies.lead, { ...openForm(), ...bad });
        expect(statusOf(result)).toBe(400);
        expect(Object.keys(dataOf<{ errors: object }>(result)!.errors)).toContain(field);
      }
      // Another consortium's lead cannot draw on this consortium's pot; in another authority it is not even found.
      const neighbour = await createConsortium(db(), world.authority.id);
      const neighbourLead = await createMember(db(), neighbour, "consortium_lead");
      expect(statusOf(await open(await sessionCookieFor(db(), neighbourLead.id, neighbour.id), openForm()))).toBe(403);
      expect(statusOf(await open(cookies.otherLead, openForm()))).toBe(404);
      expect(await count(schema.collectivePurchases)).toBe(before);

      const opened = await open(cookies.lead, openForm());
      expect(statusOf(opened)).toBe(303);
      expect(locationOf(opened)).toMatch(/\?done=collectiveOpened$/);
      purchaseId = locationOf(opened)!.split("/").pop()!.split("?")[0];
    });

    it("shows the live count and the next tier to members; others are refused", async () => {
      const lead = dataOf<{ joined: number; next: { schoolsNeeded: number; unitPricePence: number }; isLead: boolean }>(await page(cookies.lead))!;
      expect(lead).toMatchObject({ joined: 0, isLead: true, next: { schoolsNeeded: 1, unitPricePence: 90_000 } });
      await expectStatuses(page, { head: 200, provider: 403, otherHead: 404 });
      expect(statusOf(await page(cookies.head, "12345"))).toBe(404);
      expect(
        statusOf(
          await respond(() => collectiveList.loader({ request: request("/collective-purchases", { cookie: cookies.head }), params: {}, context: ctx() })),
        ),
      ).toBe(200);
      expect(
        statusOf(
          await respond(() => collectiveList.loader({ request: request("/collective-purchases", { cookie: cookies.provider }), params: {}, context: ctx() })),
        ),
      ).toBe(403);
    });

    it("lets member schools join and the lead close it; strangers and bad input change nothing", async () => {
      const join = (m: (typeof world.members)[number], extra: Record<string, string> = {}) => ({
        intent: "join",
        schoolId: m.school.id,
        delegates: "2",
        poNumber: "PO-1",
        paymentRoute: "invoice",
        ...extra,
      });
      const before = await count(schema.pledges);
      expect(statusOf(await act(cookies.head, join(world.members[0], { delegates: "-1" })))).toBe(400);
      expect(statusOf(await act(cookies.head, join(world.members[1])))).toBe(403);
      expect(statusOf(await act(cookies.otherHead, join(other.members[0])))).toBe(404);
      expect(statusOf(await act(cookies.head, { intent: "close" }))).toBe(403);
      expect(await count(schema.pledges)).toBe(before);

      expect(statusOf(await act(cookies.head, join(world.members[0])))).toBe(303);
      expect(statusOf(await act(cookies.head2, join(world.members[1])))).toBe(303);
      expect(dataOf<{ joined: number }>(await page(cookies.lead))!.joined).toBe(2);
      expect(statusOf(await act(cookies.lead, { intent: "cancel", reason: "" }))).toBe(400);
      expect(statusOf(await act(cookies.lead, { intent: "close" }))).toBe(303);
      const after = dataOf<{ purchase: { status: string; finalUnitPricePence: number }; orders: unknown[] }>(await page(cookies.lead))!;
      expect(after.purchase).toMatchObject({ status: "confirmed", finalUnitPricePence: 90_000 });
      expect(after.orders).toHaveLength(2);
      // A school sees only its own order.
      expect(dataOf<{ orders: unknown[] }>(await page(cookies.head))!.orders).toHaveLength(1);
      expect(statusOf(await act(cookies.head, join(world.members[0])))).toBe(409);
    });

    it("shows the consortium dashboard with the pot to its lead only", async () => {
      const dash = (cookie: string, id = world.consortium.id) =>
        respond(() => consortiumPage.loader({ request: request(`/consortia/${id}`, { cookie }), params: { consortiumId: id }, context: ctx() }));
      // A school asks to pay from the pot; the lead sees the request on the dashboard and approves it.
      const key = crypto.randomUUID();
      const requested = await buy(cookies.head2, {
        ...answers(),
        schoolId: world.members[1].school.id,
        paymentRoute: "consortium_pot",
        intent: "confirm",
        idempotencyKey: key,
      });
      const orderId = locationOf(requested)!.split("/").pop()!.split("?")[0];
      const decide = (cookie: string, form: Record<string, string>) =>
        respond(() =>
          consortiumPage.action({
            request: request(`/consortia/${world.consortium.id}`, { cookie, form }),
            params: { consortiumId: world.consortium.id },
            context: ctx(),
          }),
        );
      expect(statusOf(await decide(cookies.lead, { intent: "pay-twice", orderId }))).toBe(400);
      expect(statusOf(await decide(cookies.head, { intent: "approve", orderId }))).toBe(403);
      expect(statusOf(await decide(cookies.otherLead, { intent: "approve", orderId }))).toBe(404);
      expect(statusOf(await decide(cookies.lead, { intent: "approve", orderId: "nope" }))).toBe(404);
      expect(dataOf<{ requests: { id: string }[] }>(await dash(cookies.lead))!.requests.map((r) => r.id)).toContain(orderId);
      expect(statusOf(await decide(cookies.lead, { intent: "approve", orderId }))).toBe(303);
      // A double click lands on the first outcome; a contrary answer afterwards is refused.
      expect(statusOf(await decide(cookies.lead, { intent: "approve", orderId }))).toBe(303);
      expect(statusOf(await decide(cookies.lead, { intent: "refuse", orderId }))).toBe(409);
      const [paid] = await db().select().from(schema.orders).where(eq(schema.orders.id, orderId));
      expect(paid).toMatchObject({ status: "placed", potRequest: "approved", payablePence: 18_000, paymentRoute: "invoice" });

      const ok = dataOf<{ members: { heads: { email: string }[] }[]; pot: { availablePence: number } }>(await dash(cookies.lead))!;
      expect(ok.members).toHaveLength(4);
      expect(ok.members[0].heads[0].email).toMatch(/@example\.org$/);
      expect(ok.pot.availablePence).toBeGreaterThan(0);
      await expectStatuses(dash, { head: 403, otherLead: 404 });
      expect(statusOf(await dash(cookies.lead, "not-an-id"))).toBe(404);
    });
  });

  describe("order lists", () => {
    it("shows a school its own orders, a provider its own, and refuses the others", async () => {
      // What each list must hold, read straight from the table: every order of that school (or provider), and no other.
      const orderIds = async (where: SQL) => (await db().select({ id: schema.orders.id }).from(schema.orders).where(where)).map((o) => o.id).sort();
      const schoolsOrders = await orderIds(eq(schema.orders.schoolId, world.members[0].school.id));
      const providersOrders = await orderIds(eq(schema.orders.providerId, world.provider.id));
      // By now the earlier journeys have placed orders for this school and, through the collective purchase, for others.
      expect(schoolsOrders.length).toBeGreaterThan(0);
      expect(providersOrders.length).toBeGreaterThan(schoolsOrders.length);

      const mine = dataOf<{ orders: { id: string }[] }>(
        await respond(() => schoolOrders.loader({ request: request("/school/orders", { cookie: cookies.head }), params: {}, context: ctx() })),
      )!;
      expect(mine.orders.map((o) => o.id).sort()).toEqual(schoolsOrders);
      const theirs = dataOf<{ orders: unknown[] }>(
        await respond(() => schoolOrders.loader({ request: request("/school/orders", { cookie: cookies.otherHead }), params: {}, context: ctx() })),
      )!;
      expect(theirs.orders).toEqual([]);
      expect(
        statusOf(await respond(() => schoolOrders.loader({ request: request("/school/orders", { cookie: cookies.provider }), params: {}, context: ctx() }))),
      ).toBe(403);
      const provider = dataOf<{ orders: { id: string }[]; accountId: string | null }>(
        await respond(() => providerOrders.loader({ request: request("/provider/orders", { cookie: cookies.provider }), params: {}, context: ctx() })),
      )!;
      expect(provider.orders.map((o) => o.id).sort()).toEqual(providersOrders);
      expect(provider.accountId).not.toBeNull();
      expect(
        statusOf(await respond(() => providerOrders.loader({ request: request("/provider/orders", { cookie: cookies.head }), params: {}, context: ctx() }))),
      ).toBe(403);
    });
  });
});
