import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { schema } from "~/db.server";
import { insertCollectivePurchase } from "./collective";
import { nextKey } from "./ledger";
import { actorFor, createPurchasingWorld } from "./purchasing";
import { createMember, createOrganisation } from "./tenancy";

/**
 * A purchasing world with what delivery needs around it: a challenge adviser for every school, the
 * offer's lead commissioner (literacy) and a QA panel.
 */
export async function createDeliveryWorld(db: Database, { schools = 5 }: { schools?: number } = {}) {
  const world = await createPurchasingWorld(db, { schools });
  const adviser = await createMember(db, world.office, "challenge_adviser");
  for (const m of world.members)
    await db.insert(schema.schoolAdvisers).values({ schoolId: m.school.id, authorityId: world.authority.id, adviserUserId: adviser.id });
  const commissioner = await createMember(db, world.office, "commissioner");
  await db.insert(schema.subjectLeads).values({ authorityId: world.authority.id, subjectArea: "literacy", commissionerUserId: commissioner.id });
  await db
    .update(schema.offerRevisions)
    .set({ subjectAreas: ["literacy"], outcomes: "More pupils meet the expected standard in the phonics check." })
    .where(eq(schema.offerRevisions.id, world.offer.liveRevisionId));
  const board = await createOrganisation(db, world.authority.id, "improvement_board");
  await db.insert(schema.improvementBoards).values({ organisationId: board.id, authorityId: world.authority.id, phase: "primary" });
  const reviewer = await createMember(db, board, "qa_panel_member");
  const actor = (user: { id: string; name: string }) => actorFor(db, user, world.authority.id);
  return { ...world, adviser, commissioner, reviewer, actor };
}

export type DeliveryWorld = Awaited<ReturnType<typeof createDeliveryWorld>>;

/** An order of the world's offer for one of its schools, written as a confirmed sale (its money is not what these tests are about). */
export async function createOrder(
  db: Database,
  world: DeliveryWorld,
  schoolIndex: number,
  { delegates = 1, collectivePurchaseId = null as string | null, status = "confirmed" as "confirmed" | "delivered", deliveredAt = null as Date | null } = {},
) {
  const school = world.members[schoolIndex].school;
  const [order] = await db
    .insert(schema.orders)
    .values({
      authorityId: world.authority.id,
      schoolId: school.id,
      offerId: world.offer.id,
      revisionId: world.offer.liveRevisionId,
      providerId: world.provider.id,
      collectivePurchaseId,
      consortiumId: world.consortium.id,
      pricingModel: "per_school",
      quantity: 1,
      delegates,
      unitPricePence: 90_000,
      buyerType: "la_maintained",
      vatTreatment: "exempt",
      netPence: 90_000,
      vatPence: 0,
      payablePence: 90_000,
      grossPence: 90_000,
      paymentRoute: "invoice",
      status,
      deliveredAt,
      idempotencyKey: nextKey("order"),
      placedBy: world.members[schoolIndex].head.id,
    })
    .returning();
  return order;
}

/** A collective purchase of the world's offer, confirmed, with an order for each of these schools. */
export async function createCollectiveOrders(db: Database, world: DeliveryWorld, schoolIndexes: number[]) {
  const purchase = await insertCollectivePurchase(db, world, { closesAt: new Date("2026-01-01T00:00:00Z"), status: "confirmed" });
  const orders = [];
  for (const i of schoolIndexes) orders.push(await createOrder(db, world, i, { collectivePurchaseId: purchase.id }));
  return { purchase, orders };
}
