import { parse } from "csv-parse/sync";
import { sql, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { cancelOrder } from "~/domain/purchasing/cancel-order.server";
import { rowsOf } from "~/domain/reporting/rows";
import { tradedIncomeReport } from "~/domain/reporting/traded-income.server";
import { loader as csvLoader } from "~/routes/finance.traded-income[.]csv";
import { loader as pageLoader } from "~/routes/finance.traded-income";
import { currentFinancialYear } from "~/routes/traded-income.server";
import { useTestDatabase } from "../factories/database";
import { actorFor, financeRecordsPayment, createPurchasingWorld, type PurchasingWorld, schoolBuys } from "../factories/purchasing";
import { appContext, request, respond, sessionCookieFor } from "../setup/context";

describe("the traded income report reconciles to the ledger", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  let other: PurchasingWorld;
  const year = currentFinancialYear();

  async function buy(w: PurchasingWorld, i: number, paymentRoute: "invoice" | "internal_recharge") {
    const m = w.members[i];
    const { order } = await schoolBuys(db(), w, m, { paymentRoute, idempotencyKey: `report:${m.school.id}` });
    return order;
  }
  async function pay(w: PurchasingWorld, orderId: string) {
    const [invoice] = await db().select().from(schema.invoices).where(eq(schema.invoices.orderId, orderId));
    await financeRecordsPayment(db(), w, invoice, { bankReference: `BACS ${orderId.slice(0, 8)}`, receivedOn: "2026-01-05", idempotencyKey: `pay:${orderId}` });
  }

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 5, providerKind: "la_traded_services", academyEvery: 3 });
    other = await createPurchasingWorld(db(), { schools: 2 });
    await buy(world, 0, "internal_recharge");
    await pay(world, (await buy(world, 1, "invoice")).id);
    // An academy's invoice not yet paid: no income yet.
    await buy(world, 2, "invoice");
    const undone = await buy(world, 3, "internal_recharge");
    await cancelOrder(db(), { actor: await actorFor(db(), world.members[3].head, world.authority.id), authorityId: world.authority.id, orderId: undone.id });
    await pay(world, (await buy(world, 4, "invoice")).id);
    await pay(other, (await buy(other, 0, "invoice")).id);
  });

  /** What the income-split entries (and their reversals) moved, by kind of account, as the account holder reads it. */
  async function splitLedger(authorityId: string) {
    const result = await db().execute(sql`
      select a.kind, sum(p.amount_pence) as total
      from ledger_postings p
      join journal_entries e on e.id = p.entry_id
      join ledger_accounts a on a.id = p.account_id
      where e.authority_id = ${authorityId} and (e.idempotency_key like '%:split' or e.idempotency_key like '%:split:reversal')
      group by a.kind`);
    const totals = Object.fromEntries(rowsOf<{ kind: string; total: string }>(result).map((r) => [r.kind, Number(r.total)]));
    return { sales_pending: 0, authority_traded_income: 0, consortium_pot: 0, provider_payable: 0, ...totals };
  }

  const neg = (n: number) => (n === 0 ? 0 : -n);

  it("totals, months and terms add up to the penny to the income-split ledger entries", async () => {
    const report = await tradedIncomeReport(db(), { authorityId: world.authority.id, filter: { financialYear: year } });
    const ledger = await splitLedger(world.authority.id);
    expect(report.total.orders).toBe(3);
    expect(report.total.salesPence).toBe(ledger.sales_pending);
    expect(report.total.authorityPence).toBe(neg(ledger.authority_traded_income));
    expect(report.total.potPence).toBe(neg(ledger.consortium_pot));
    expect(report.total.providerPence).toBe(neg(ledger.provider_payable));
    expect(report.total.authorityPence + report.total.potPence + report.total.providerPence).toBe(report.total.salesPence);
    const [income] = await db()
      .select()
      .from(schema.ledgerAccounts)
      .where(sql`${schema.ledgerAccounts.authorityId} = ${world.authority.id} and ${schema.ledgerAccounts.kind} = 'authority_traded_income'`);
    expect(-income.balancePence).toBe(report.total.authorityPence);

    const sum = (rows: { salesPence: number; authorityPence: number }[]) => rows.reduce((a, r) => [a[0] + r.salesPence, a[1] + r.authorityPence], [0, 0]);
    for (const rows of [
      report.months,
      report.terms,
      report.subjects,
      report.providers,
      report.buyers,
      report.routes,
      [...report.consortia, ...(report.noConsortium ? [report.noConsortium] : [])],
    ]) {
      expect(sum(rows)).toEqual([report.total.salesPence, report.total.authorityPence]);
    }
    expect(report.months).toHaveLength(12);
    expect(report.terms.map((t) => t.term)).toEqual(["summer", "autumn", "spring"]);
    // The authority's own traded service sold everything here.
    expect(report.own.salesPence).toBe(report.total.salesPence);
    expect(report.others.salesPence).toBe(0);
    // Nothing sold runs over the academic year, so what is recognised is what was earned.
    expect(report.recognised.authorityPence).toBe(report.total.authorityPence);
  });

  it("sets the funding put in against the income, and counts buy-in among the consortium's schools", async () => {
    const report = await tradedIncomeReport(db(), { authorityId: world.authority.id, filter: { financialYear: year } });
    expect(report.funding.fundingPence).toBe(2_420_000);
    expect(report.funding.differencePence).toBe(report.total.authorityPence - 2_420_000);
    const [consortium] = report.consortia;
    expect(consortium.id).toBe(world.consortium.id);
    expect(consortium.fundingPence).toBe(2_420_000);
    expect(consortium.schools).toBe(5);
    expect(consortium.bought).toBe(3);
    expect(consortium.buyInBps).toBe(6_000);
    expect(consortium.meetsTarget).toBe(false);
  });

  it("shows none of another authority's sales, and filters by route and buyer", async () => {
    const report = await tradedIncomeReport(db(), { authorityId: world.authority.id, filter: { financialYear: year } });
    expect(report.choices.consortia.map((c) => c.id)).toEqual([world.consortium.id]);
    const theirs = await tradedIncomeReport(db(), { authorityId: world.authority.id, filter: { financialYear: year, consortiumId: other.consortium.id } });
    expect(theirs.total.orders).toBe(0);
    expect(theirs.consortia).toEqual([]);
    const otherReport = await tradedIncomeReport(db(), { authorityId: other.authority.id, filter: { financialYear: year } });
    expect(otherReport.total.orders).toBe(1);
    const recharged = await tradedIncomeReport(db(), { authorityId: world.authority.id, filter: { financialYear: year, paymentRoute: "internal_recharge" } });
    expect(recharged.total.orders).toBe(1);
    const lastYear = await tradedIncomeReport(db(), { authorityId: world.authority.id, filter: { financialYear: year - 1 } });
    expect(lastYear.total.orders).toBe(0);
  });

  it("finance reads the page and each table as CSV; a head may not", async () => {
    const cookie = await sessionCookieFor(db(), world.finance.id, world.office.id);
    const ctx = appContext(db());
    const page = (await respond(() => pageLoader({ request: request("/finance/traded-income", { cookie }), params: {}, context: ctx }))) as {
      data: { report: { total: { salesPence: number } } };
      status: number;
    };
    expect(page.status).toBe(200);
    const csv = (await respond(() =>
      csvLoader({ request: request("/finance/traded-income.csv?table=months", { cookie }), params: {}, context: ctx }),
    )) as Response;
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await csv.text()) as string[][];
    expect(rows).toHaveLength(14);
    expect(rows[13][2]).toBe((page.data.report.total.salesPence / 100).toFixed(2));

    const bad = (await respond(() =>
      pageLoader({ request: request("/finance/traded-income?year=1999-01&route=pigeon", { cookie }), params: {}, context: ctx }),
    )) as { data: { errors: Record<string, string[]> }; status: number };
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.errors).sort()).toEqual(["route", "year"]);
    expect(
      (await respond(() => csvLoader({ request: request("/finance/traded-income.csv?table=secrets", { cookie }), params: {}, context: ctx }))).status,
    ).toBe(400);

    const head = await sessionCookieFor(db(), world.members[0].head.id, world.members[0].school.id);
    expect((await respond(() => pageLoader({ request: request("/finance/traded-income", { cookie: head }), params: {}, context: ctx }))).status).toBe(403);
    expect((await respond(() => csvLoader({ request: request("/finance/traded-income.csv", { cookie: head }), params: {}, context: ctx }))).status).toBe(403);
  });
});
