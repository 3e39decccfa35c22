import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { ensureAccount } from "~/domain/ledger/accounts.server";
import { checkLedger, trialBalance } from "~/domain/ledger/balances.server";
import { closeCollectivePurchase, closeDueCollectivePurchases } from "~/domain/purchasing/close-collective-purchase.server";
import { decideCollectivePot } from "~/domain/purchasing/decide-collective-pot.server";
import { closeCollective, joinCollective, openCollective } from "../factories/collective";
import { useTestDatabase } from "../factories/database";
import { actorFor, createPurchasingWorld, type PurchasingWorld } from "../factories/purchasing";
import { createMember } from "../factories/tenancy";

const APP_URL = "http://localhost:3000";
const NOW = new Date("2026-01-05T10:00:00Z");
const LATER = new Date("2026-02-05T10:00:00Z");

describe("a consortium's pot is spent only with its lead's approval", () => {
  const db = useTestDatabase();

  const potBalance = async (world: PurchasingWorld) => {
    const { id } = await ensureAccount(db(), { authorityId: world.authority.id, kind: "consortium_pot", ownerId: world.consortium.id });
    const [row] = await db().select({ balance: schema.ledgerAccounts.balancePence }).from(schema.ledgerAccounts).where(eq(schema.ledgerAccounts.id, id));
    return row.balance;
  };

  async function commissionerOpens(world: PurchasingWorld, closesAt = LATER) {
    const commissioner = await createMember(db(), world.office, "commissioner");
    const purchase = await openCollective(db(), world, { by: commissioner, closesAt, potPercentBps: 10_000, now: NOW });
    await joinCollective(db(), world, purchase.id, { now: NOW });
    return { purchase, commissioner };
  }

  it("a commissioner's potPercent=100 purchase takes nothing from the pot until the lead approves", async () => {
    const world = await createPurchasingWorld(db(), { schools: 5 });
    const potBefore = await potBalance(world);
    const { purchase, commissioner } = await commissionerOpens(world);
    expect(purchase.potApproval).toBe("requested");

    // The commissioner cannot close it, nor approve it.
    const commissionerActor = await actorFor(db(), commissioner, world.authority.id);
    await expect(
      closeCollectivePurchase(db(), {
        actor: commissionerActor,
        authorityId: world.authority.id,
        collectivePurchaseId: purchase.id,
        appUrl: APP_URL,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "POT_NOT_APPROVED" });
    await expect(
      decideCollectivePot(db(), { actor: commissionerActor, authorityId: world.authority.id, collectivePurchaseId: purchase.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await potBalance(world)).toBe(potBefore);

    // The lead approves: the close takes the whole price from the pot.
    const lead = await actorFor(db(), world.lead, world.authority.id);
    const decided = await decideCollectivePot(db(), {
      actor: lead,
      authorityId: world.authority.id,
      collectivePurchaseId: purchase.id,
      decision: "approve",
      now: NOW,
    });
    expect(decided.purchase).toMatchObject({ potApproval: "approved", potDecidedBy: world.lead.id });
    // A second click lands on the same outcome.
    expect(
      (await decideCollectivePot(db(), { actor: lead, authorityId: world.authority.id, collectivePurchaseId: purchase.id, decision: "approve" })).changed,
    ).toBe(false);
    const audits = await db().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, purchase.id));
    expect(audits.map((a) => a.action)).toContain("collective_purchase.pot_approved");

    const closed = await closeCollectivePurchase(db(), {
      actor: commissionerActor,
      authorityId: world.authority.id,
      collectivePurchaseId: purchase.id,
      appUrl: APP_URL,
      now: NOW,
    });
    expect(closed.status).toBe("confirmed");
    // 5 schools at £750: £3,750.00 from the pot; each school is invoiced only the VAT on its £750.00.
    expect(await potBalance(world)).toBe(potBefore + 375_000);
    const orders = await db().select().from(schema.orders).where(eq(schema.orders.collectivePurchaseId, purchase.id));
    expect(orders.map((o) => [o.potContributionPence, o.vatPence, o.payablePence])).toEqual(Array(5).fill([75_000, 15_000, 15_000]));
    expect(await trialBalance(db(), world.authority.id)).toBe(0);
    expect(await checkLedger(db(), world.authority.id)).toEqual([]);
  });

  it("refused, the schools share the whole price and the pot is untouched", async () => {
    const world = await createPurchasingWorld(db(), { schools: 5 });
    const potBefore = await potBalance(world);
    const { purchase } = await commissionerOpens(world);
    const lead = await actorFor(db(), world.lead, world.authority.id);
    await decideCollectivePot(db(), { actor: lead, authorityId: world.authority.id, collectivePurchaseId: purchase.id, decision: "refuse" });
    await expect(
      decideCollectivePot(db(), { actor: lead, authorityId: world.authority.id, collectivePurchaseId: purchase.id, decision: "approve" }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await closeCollective(db(), world, purchase.id, { now: NOW });
    const [after] = await db().select().from(schema.collectivePurchases).where(eq(schema.collectivePurchases.id, purchase.id));
    expect(after).toMatchObject({ status: "confirmed", potContributionPence: 0, totalPence: 375_000 });
    // Nothing paid yet (invoices), so nothing taken from the pot nor shared back to it.
    expect(await potBalance(world)).toBe(potBefore);
  });

  it("undecided at the closing date, the purchase is cancelled and nobody is charged", async () => {
    const world = await createPurchasingWorld(db(), { schools: 5 });
    const potBefore = await potBalance(world);
    const { purchase } = await commissionerOpens(world, new Date(NOW.getTime() + 60_000));
    await closeDueCollectivePurchases(db(), new Date(NOW.getTime() + 120_000), { appUrl: APP_URL });
    const [after] = await db().select().from(schema.collectivePurchases).where(eq(schema.collectivePurchases.id, purchase.id));
    expect(after.status).toBe("cancelled");
    expect(after.cancelledReason).toMatch(/did not approve/);
    expect(await db().select().from(schema.orders).where(eq(schema.orders.collectivePurchaseId, purchase.id))).toEqual([]);
    expect(await potBalance(world)).toBe(potBefore);
  });

  it("the lead's own pot rule needs no further approval", async () => {
    const world = await createPurchasingWorld(db(), { schools: 3 });
    const purchase = await openCollective(db(), world, { closesAt: LATER, minSchools: 1, potPercentBps: 5_000, now: NOW });
    expect(purchase.potApproval).toBe("approved");
  });
});
