import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { academicYearStart, financialYearLabel, recogniseIncome } from "~/domain/reporting/rules";
import { tradedIncomeReport } from "~/domain/reporting/traded-income.server";
import { londonIsoDate } from "~/format";
import { useTestDatabase } from "../factories/database";
import { nextKey } from "../factories/ledger";
import { createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";

// Recognised income of services over the academic year, read from sums by period and delivery
// start, against the rule applied in JavaScript to the orders one by one, to the penny.
describe("recognised income of services over the academic year", () => {
  const db = useTestDatabase();
  let world: PurchasingWorld;
  const YEAR = 2026;
  // Paid days either side of the year's bounds (London days; BST at the April and September edges), some with a delivery start.
  const sales: { paidAt: string; startsOn: string | null; authorityPence: number }[] = [
    { paidAt: "2024-05-01T10:00:00Z", startsOn: "2025-09-03", authorityPence: 10_001 },
    { paidAt: "2024-03-31T22:30:00Z", startsOn: "2026-09-01", authorityPence: 20_003 },
    { paidAt: "2025-08-31T22:30:00Z", startsOn: null, authorityPence: 30_007 },
    { paidAt: "2025-08-31T21:30:00Z", startsOn: null, authorityPence: 40_009 },
    { paidAt: "2026-03-31T22:59:59Z", startsOn: null, authorityPence: 50_011 },
    { paidAt: "2026-08-31T23:00:00Z", startsOn: null, authorityPence: 60_013 },
    { paidAt: "2027-03-31T23:00:00Z", startsOn: null, authorityPence: 70_017 },
    { paidAt: "2027-08-31T22:59:59Z", startsOn: null, authorityPence: 80_021 },
    { paidAt: "2027-08-31T23:00:00Z", startsOn: null, authorityPence: 90_023 },
    { paidAt: "2027-12-01T12:00:00Z", startsOn: "2027-06-01", authorityPence: 11_027 },
    { paidAt: "2028-04-01T12:00:00Z", startsOn: "2026-10-01", authorityPence: 12_029 },
    { paidAt: "2026-11-01T12:00:00Z", startsOn: "2024-09-01", authorityPence: 13_031 },
  ];

  beforeAll(async () => {
    world = await createPurchasingWorld(db(), { schools: 1 });
    await db()
      .update(schema.offerRevisions)
      .set({ terms: ["autumn", "spring", "summer"] })
      .where(eq(schema.offerRevisions.id, world.offer.liveRevisionId));
    for (const s of sales) {
      await db()
        .insert(schema.orders)
        .values({
          authorityId: world.authority.id,
          schoolId: world.members[0].school.id,
          offerId: world.offer.id,
          revisionId: world.offer.liveRevisionId,
          providerId: world.provider.id,
          consortiumId: world.consortium.id,
          pricingModel: "per_school",
          quantity: 1,
          unitPricePence: s.authorityPence,
          buyerType: "la_maintained",
          vatTreatment: "exempt",
          netPence: s.authorityPence,
          vatPence: 0,
          payablePence: s.authorityPence,
          grossPence: s.authorityPence,
          paymentRoute: "invoice",
          status: "confirmed",
          deliveryStartsOn: s.startsOn,
          idempotencyKey: nextKey("order"),
          placedBy: world.members[0].head.id,
          paidAt: new Date(s.paidAt),
          providerSharePence: 0,
          authoritySharePence: s.authorityPence,
          potSharePence: 0,
        });
    }
  });

  it("recognises each academic year's sales seven twelfths and five twelfths, to the penny", async () => {
    for (const year of [YEAR - 1, YEAR, YEAR + 1]) {
      // The rule: sales paid within two financial years either side, summed by the academic year they serve, then split.
      const byAcademicYear = new Map<number, number>();
      for (const s of sales) {
        const paidOn = londonIsoDate(new Date(s.paidAt));
        if (paidOn < `${year - 2}-04-01` || paidOn >= `${year + 2}-04-01`) continue;
        const academicYear = academicYearStart(s.startsOn ?? paidOn);
        byAcademicYear.set(academicYear, (byAcademicYear.get(academicYear) ?? 0) + s.authorityPence);
      }
      let expected = 0;
      for (const [academicYear, pence] of byAcademicYear) {
        expected +=
          recogniseIncome({ pence, earnedOn: `${academicYear}-09-01`, academicYearService: true }).find((r) => r.financialYear === financialYearLabel(year))
            ?.pence ?? 0;
      }
      const report = await tradedIncomeReport(db(), { authorityId: world.authority.id, filter: { financialYear: year } });
      expect({ year, recognised: report.recognised.authorityPence }).toEqual({ year, recognised: expected });
      expect(expected).toBeGreaterThan(0);
    }
  });
});
