import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { closeCollective, invoicesOfOrders, joinCollective, openCollective, ordersOfCollective, payInvoicesInFull } from "../factories/collective";
import { useTestDatabase } from "../factories/database";
import { createPurchasingWorld } from "../factories/purchasing";
import { idsOf } from "~/domain/ids";
import { rowCount } from "../setup/rows";

const NOW = new Date("2026-01-05T10:00:00Z");

describe("VAT on a collective purchase of the authority's own traded service", () => {
  const db = useTestDatabase();

  it("charges VAT on the whole share to the academies only, the maintained schools recharged without VAT, and the ledger balances", async () => {
    // 4 schools, every second an academy; the authority's traded service at £750 a school (tier 1 up to 4: £900).
    const world = await createPurchasingWorld(db(), { schools: 4, academyEvery: 2, providerKind: "la_traded_services" });
    const purchase = await openCollective(db(), world, { closesAt: new Date("2026-02-05T10:00:00Z"), minSchools: 4, potPercentBps: 2_500, now: NOW });
    const academies = new Set(world.members.filter((_, i) => i % 2 === 1).map((m) => m.school.id));
    await joinCollective(db(), world, purchase.id, { paymentRoute: (i) => (i % 2 === 1 ? "invoice" : "internal_recharge"), now: NOW });
    await closeCollective(db(), world, purchase.id, { now: NOW });
    const orders = await ordersOfCollective(db(), purchase.id);
    expect(orders).toHaveLength(4);
    for (const o of orders) {
      // £900.00 each, the pot paying 25% (£225.00).
      expect(o).toMatchObject({ netPence: 90_000, potContributionPence: 22_500 });
      if (academies.has(o.schoolId)) {
        // VAT on the whole £900.00: £180.00; the academy pays £675.00 + £180.00.
        expect(o).toMatchObject({ vatTreatment: "standard", vatPence: 18_000, payablePence: 85_500, paymentRoute: "invoice" });
      } else {
        expect(o).toMatchObject({ vatTreatment: "outside_scope", vatPence: 0, payablePence: 67_500, paymentRoute: "internal_recharge" });
      }
    }
    const { id: vatAccount } = await ensureAccount(db(), { authorityId: world.authority.id, kind: "vat_output", ownerId: world.office.id });
    const [vat] = await db()
      .select({ balance: schema.ledgerAccounts.balancePence })
      .from(schema.ledgerAccounts)
      .where(eq(schema.ledgerAccounts.id, vatAccount));
    expect(vat.balance).toBe(-2 * 18_000);
    const invoices = await invoicesOfOrders(db(), orders);
    expect(invoices).toHaveLength(2);
    for (const invoice of invoices) expect(invoice).toMatchObject({ netPence: 67_500, vatPence: 18_000, grossPence: 85_500 });
    expect(await rowCount(db(), schema.recharges, inArray(schema.recharges.orderId, idsOf(orders)))).toBe(2);
    expect(await trialBalance(db(), world.authority.id)).toBe(0);
    expect(await checkLedger(db(), world.authority.id)).toEqual([]);

    await payInvoicesInFull(db(), world, invoices, { keyPrefix: "vat", receivedOn: "2026-01-20", now: NOW });
    const paid = await ordersOfCollective(db(), purchase.id);
    for (const o of paid) expect(o.providerSharePence! + o.authoritySharePence! + o.potSharePence!).toBe(o.netPence);
    expect(await trialBalance(db(), world.authority.id)).toBe(0);
    expect(await checkLedger(db(), world.authority.id)).toEqual([]);
  });
});
