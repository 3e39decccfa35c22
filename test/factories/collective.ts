// Collective purchases of a purchasing world's offer: opened for its consortium, joined by its schools, closed.
import { eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client";
import { schema, type PaymentRoute } from "~/db.server";
import { answerCollectivePurchase } from "~/domain/purchasing/answer-collective-purchase.server";
import { closeCollectivePurchase } from "~/domain/purchasing/close-collective-purchase.server";
import { openCollectivePurchase, type OpenCollectivePurchaseOptions } from "~/domain/purchasing/open-collective-purchase.server";
import { actorFor, financeRecordsPayment, type PurchasingWorld } from "./purchasing";
import { idsOf } from "~/domain/ids";

const APP_URL = "http://localhost:3000";
const DAY = 86_400_000;

type CollectiveWorld = Pick<PurchasingWorld, "authority" | "consortium" | "offer" | "lead" | "members">;
type Person = { id: string; name: string };
/** Where a collective purchase is opened: the authority, its consortium and lead, and the offer. */
type CollectivePlace = { authority: { id: string }; consortium: { id: string }; offer: { id: string }; lead: Person };

export type OpenCollectiveOptions = Partial<Omit<OpenCollectivePurchaseOptions, "actor">> & {
  /** Who opens it: the world's consortium lead unless told. */
  by?: Person;
};

/**
 * A collective purchase of the world's offer for its consortium, opened by its lead: at least 3 schools,
 * one delegate each, nothing from the pot, shared equally, closing in 30 days.
 */
export async function openCollective(db: Database, world: CollectivePlace, { by = world.lead, ...options }: OpenCollectiveOptions = {}) {
  return openCollectivePurchase(db, {
    actor: await actorFor(db, by, world.authority.id),
    authorityId: world.authority.id,
    consortiumId: world.consortium.id,
    offerId: world.offer.id,
    closesAt: new Date(Date.now() + 30 * DAY),
    minSchools: 3,
    maxSchools: null,
    delegatesPerSchool: 1,
    potPercentBps: null,
    potPerSchoolPence: null,
    potCapPence: null,
    shareMethod: "equal",
    message: "",
    appUrl: APP_URL,
    ...options,
  });
}

export type JoinCollectiveOptions = {
  /** The schools that join: every member of the world unless told. */
  members?: CollectiveWorld["members"];
  /** How the school at this index (of `members`) pays: by invoice unless told. */
  paymentRoute?: (i: number) => PaymentRoute;
  delegates?: (i: number) => number;
  poNumber?: (i: number) => string | null;
  now?: Date;
};

/** Each of these schools' heads joins the purchase: one delegate, no purchase order number, paying by invoice unless told. */
export async function joinCollective(
  db: Database,
  world: CollectiveWorld,
  purchaseId: string,
  { members = world.members, paymentRoute = () => "invoice", delegates = () => 1, poNumber = () => null, now }: JoinCollectiveOptions = {},
) {
  for (const [i, m] of members.entries()) {
    await answerCollectivePurchase(db, {
      actor: await actorFor(db, m.head, world.authority.id),
      authorityId: world.authority.id,
      collectivePurchaseId: purchaseId,
      schoolId: m.school.id,
      answer: "join",
      delegates: delegates(i),
      poNumber: poNumber(i),
      paymentRoute: paymentRoute(i),
      now,
    });
  }
}

/** This school's head declines the purchase, or withdraws the school from it. */
export async function schoolLeaves(
  db: Database,
  world: CollectiveWorld,
  purchaseId: string,
  member: CollectiveWorld["members"][number],
  answer: "decline" | "withdraw",
  { now }: { now?: Date } = {},
) {
  return answerCollectivePurchase(db, {
    actor: await actorFor(db, member.head, world.authority.id),
    authorityId: world.authority.id,
    collectivePurchaseId: purchaseId,
    schoolId: member.school.id,
    answer,
    now,
  });
}

/** The world's lead closes the purchase early. */
export async function closeCollective(db: Database, world: CollectiveWorld, purchaseId: string, { now }: { now?: Date } = {}) {
  return closeCollectivePurchase(db, {
    actor: await actorFor(db, world.lead, world.authority.id),
    authorityId: world.authority.id,
    collectivePurchaseId: purchaseId,
    appUrl: APP_URL,
    now,
  });
}

/** A collective purchase of the world's offer for its consortium, by its lead, written straight to its table: no checks, no emails. */
export async function insertCollectivePurchase(
  db: Database,
  world: Omit<CollectiveWorld, "members">,
  values: { closesAt: Date } & Partial<typeof schema.collectivePurchases.$inferInsert>,
) {
  const [purchase] = await db
    .insert(schema.collectivePurchases)
    .values({
      authorityId: world.authority.id,
      consortiumId: world.consortium.id,
      offerId: world.offer.id,
      revisionId: world.offer.liveRevisionId,
      openedBy: world.lead.id,
      minSchools: 1,
      ...values,
    })
    .returning();
  return purchase;
}

/** The orders a collective purchase made when it closed. */
export const ordersOfCollective = (db: Database, purchaseId: string) =>
  db.select().from(schema.orders).where(eq(schema.orders.collectivePurchaseId, purchaseId));

/** The invoices raised for these orders. */
export const invoicesOfOrders = (db: Database, orders: { id: string }[]) =>
  db
    .select()
    .from(schema.invoices)
    .where(inArray(schema.invoices.orderId, idsOf(orders)));

/** The world's finance officer records each invoice paid in full by BACS, one after another. */
export async function payInvoicesInFull(
  db: Database,
  world: Pick<PurchasingWorld, "authority" | "finance">,
  invoices: { id: string; grossPence: number }[],
  { keyPrefix, receivedOn, now }: { keyPrefix: string; receivedOn: string; now?: Date },
) {
  for (const invoice of invoices) await financeRecordsPayment(db, world, invoice, { receivedOn, idempotencyKey: `${keyPrefix}:${invoice.id}`, now });
}
