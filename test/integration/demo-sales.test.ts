import { and, eq, like } from "drizzle-orm";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { beforeAll, describe, expect, it } from "vitest";
import { demoSteps, seedDemo } from "#db/seed/index";
import { seedDemoSales } from "#db/seed/sales";
import { schema } from "~/db.server";
import { tradedIncomeReport } from "~/domain/reporting/traded-income.server";
import { financialYearStart } from "~/domain/reporting/rules";
import { useTestDatabase } from "../factories/database";
import { authorityIdBySlug } from "../setup/demo-authorities";

const TODAY = new Date("2026-11-16T09:00:00Z");

describe("the demo county's sales", () => {
  const db = useTestDatabase();
  let ardenId: string;
  let seedMs: number;
  beforeAll(async () => {
    await seedDemo(db(), { password: "a-demo-password-for-tests", today: TODAY, steps: demoSteps.slice(0, -1) });
    const started = performance.now();
    ardenId = await authorityIdBySlug(db(), "arden");
    await db().transaction((tx) => seedDemoSales(tx, ardenId, TODAY));
    seedMs = performance.now() - started;
  }, 300_000);

  it("gives the traded income report figures in each of the two financial years before today", async () => {
    const year = financialYearStart("2026-11-16");
    for (const fy of [year - 1, year]) {
      const report = await tradedIncomeReport(db(), { authorityId: ardenId, filter: { financialYear: fy } });
      expect(report.total.orders).toBeGreaterThan(10);
      expect(report.total.authorityPence).toBeGreaterThan(0);
      expect(report.subjects.length).toBeGreaterThan(3);
      expect(report.routes.map((r) => r.key)).toEqual(expect.arrayContaining(["invoice", "internal_recharge"]));
      expect(report.consortia.some((c) => c.bought > 0)).toBe(true);
      expect(report.own.salesPence).toBeGreaterThan(0);
      expect(report.others.salesPence).toBeGreaterThan(0);
    }
    // Some sales are of services over a whole academic year, so recognition moves income between years.
    const report = await tradedIncomeReport(db(), { authorityId: ardenId, filter: { financialYear: year - 1 } });
    expect(report.recognised.authorityPence).not.toBe(report.total.authorityPence);
    console.info(`demo sales: ${Math.round(seedMs)} ms`);
  });

  it("every sale is the school's own authority's, with open invoices left to pay", async () => {
    const orders = await db()
      .select({ authorityId: schema.orders.authorityId, schoolAuthority: schema.schools.authorityId, paidAt: schema.orders.paidAt })
      .from(schema.orders)
      .innerJoin(schema.schools, eq(schema.schools.organisationId, schema.orders.schoolId));
    expect(orders.length).toBeGreaterThan(80);
    expect(orders.every((o) => o.authorityId === o.schoolAuthority)).toBe(true);
    expect(orders.some((o) => o.paidAt === null)).toBe(true);
  });

  it("dates each sale's ledger entries on the day it happened, in the last financial year and this one", async () => {
    const entries = await db()
      .select({ at: schema.journalEntries.createdAt })
      .from(schema.journalEntries)
      .where(and(eq(schema.journalEntries.authorityId, ardenId), like(schema.journalEntries.description, "%demo p%")));
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.every((e) => e.at < TODAY && e.at >= new Date("2025-04-01T00:00:00Z"))).toBe(true);
    expect(new Set(entries.map((e) => financialYearStart(e.at.toISOString().slice(0, 10))))).toEqual(new Set([2025, 2026]));
    expect(await trialBalance(db(), ardenId)).toBe(0);
    expect(await checkLedger(db(), ardenId)).toEqual([]);
  });
});
