import { describe, expect, it } from "vitest";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { basisSentences } from "~/domain/purchasing/invoice-basis";
import { findInvoice } from "~/domain/purchasing/queries.server";
import { closeCollective, invoicesOfOrders, joinCollective, openCollective, ordersOfCollective } from "../factories/collective";
import { useTestDatabase } from "../factories/database";
import { createPurchasingWorld } from "../factories/purchasing";

const NOW = new Date("2026-01-05T10:00:00Z");
const PUPILS = [412, 180, 350, 600, 298];

describe("invoice lines for a share of a collective purchase", () => {
  const db = useTestDatabase();

  it("explain each school's per-pupil share, show the pot's part as its own line, and add up to the invoice total to the penny", async () => {
    // 5 academies (all invoiced, all charged VAT) sharing £950.00 a school by pupils; the pot pays 25%.
    const world = await createPurchasingWorld(db(), {
      schools: PUPILS.length,
      academyEvery: 1,
      pupils: (i) => PUPILS[i],
      tiers: [
        { minSchools: 1, maxSchools: 4, unitPricePence: 120_000 },
        { minSchools: 5, maxSchools: null, unitPricePence: 95_000 },
      ],
    });
    const purchase = await openCollective(db(), world, {
      closesAt: new Date("2026-02-05T10:00:00Z"),
      minSchools: 5,
      potPercentBps: 2_500,
      shareMethod: "per_pupil",
      now: NOW,
    });
    await joinCollective(db(), world, purchase.id, { now: NOW });
    await closeCollective(db(), world, purchase.id, { now: NOW });

    const orders = await ordersOfCollective(db(), purchase.id);
    expect(orders).toHaveLength(5);
    const pupilsOf = new Map(world.members.map((m, i) => [m.school.id, PUPILS[i]]));
    const invoices = await invoicesOfOrders(db(), orders);
    expect(invoices).toHaveLength(5);

    let shares = 0;
    for (const row of invoices) {
      const view = await findInvoice(db(), world.authority.id, row.id);
      expect(view).not.toBeNull();
      const { invoice, lines } = view!;
      const order = orders.find((o) => o.id === invoice.orderId)!;
      const pupils = pupilsOf.get(order.schoolId)!;
      // The share by pupils of the £4,750.00 total, rounded so that the five shares make the total.
      expect(Math.abs(order.netPence - (475_000 * pupils) / 1_840)).toBeLessThan(1);
      expect(order.potContributionPence).toBeGreaterThan(0);
      shares += order.netPence;

      // Every line multiplies out, the lines sum to the net total, and net plus VAT is the total.
      expect(lines).toHaveLength(2);
      for (const line of lines) expect(line.quantity * line.unitPricePence).toBe(line.netPence);
      const [share, pot] = lines;
      expect(share.netPence).toBe(order.netPence);
      expect(pot.netPence).toBe(-order.potContributionPence);
      expect(pot.basis).toBeNull();
      expect(lines.reduce((sum, l) => sum + l.netPence, 0)).toBe(invoice.netPence);
      expect(invoice.netPence + invoice.vatPence).toBe(invoice.grossPence);
      expect(invoice.grossPence).toBe(order.payablePence);
      // VAT is on the whole share, the pot's part included.
      expect(invoice.vatPence).toBe(Math.round(order.netPence * 0.2));

      // The basis as it stood at issue: the tier reached and the school's weight in the share.
      expect(share.basis).toEqual({
        kind: "collective_share",
        method: "per_pupil",
        model: "per_school",
        schools: 5,
        tierUnitPricePence: 95_000,
        units: 5,
        totalPence: 475_000,
        mine: pupils,
        of: 1_840,
        capAtSolo: false,
      });
      expect(basisSentences(share.basis)).toEqual([
        "5 schools at £950.00 each: £4,750.00 in all",
        `Share by pupils: ${pupils} of 1,840 pupils across 5 schools`,
      ]);
    }
    expect(shares).toBe(475_000);
    expect(await trialBalance(db(), world.authority.id)).toBe(0);
    expect(await checkLedger(db(), world.authority.id)).toEqual([]);
  });

  it("words an equal share and a per-delegate share", () => {
    const base = {
      kind: "collective_share" as const,
      model: "per_delegate" as const,
      schools: 5,
      tierUnitPricePence: 12_500,
      units: 14,
      totalPence: 175_000,
      capAtSolo: true,
    };
    expect(basisSentences({ ...base, method: "per_delegate", mine: 3, of: 14 })).toEqual([
      "14 delegates at £125.00 a delegate, the price for 5 schools: £1,750.00 in all",
      "Per delegate: 3 of 14 delegates across 5 schools",
      "No school pays more than it would buying alone; any excess is shared among the others by the same rule",
    ]);
    expect(basisSentences({ ...base, method: "equal", mine: 1, of: 5, capAtSolo: false })[1]).toBe("Equal share: 1 of 5 schools");
    expect(basisSentences(null)).toEqual([]);
  });
});
