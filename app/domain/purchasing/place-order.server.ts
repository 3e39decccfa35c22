import { eq } from "drizzle-orm";
import { schema, type Database, type PaymentRoute } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ensureCan, type Actor } from "./actor";
import { createAndChargeOrders } from "./charge.server";
import { loadOfferForSale, loadSchool, type LoadedOffer, type LoadedSchool } from "./load.server";
import { paymentRoutesFor, quoteSingle } from "./pricing";
import { buyerType } from "./rules";

export type PlaceOrderOptions = {
  actor: Actor;
  authorityId: string;
  schoolId: string;
  offerId: string;
  delegates: number;
  poNumber: string | null;
  paymentRoute: PaymentRoute;
  /** From the form the buyer confirmed: submitting it twice places one order. */
  idempotencyKey: string;
  now?: Date;
};

/** Everything the buyer sees before confirming: the price, VAT and the routes open to the school. */
export function quoteOrder(offer: LoadedOffer, school: LoadedSchool, delegates: number) {
  const buyer = buyerType(school);
  const treatment = offer.vatTreatment?.[buyer] ?? "standard";
  const quote = quoteSingle({ tiers: offer.priceTiers, model: offer.pricingModel, delegates, pupils: school.numberOnRoll, treatment });
  return { quote, buyer, treatment, routes: paymentRoutesFor({ laMaintained: school.laMaintained, costCentre: school.costCentre, providerKind: offer.providerKind, consortiumId: school.consortiumId }) };
}

export async function loadPurchaseContext(db: Database, { actor, authorityId, schoolId, offerId, now = new Date() }: Pick<PlaceOrderOptions, "actor" | "authorityId" | "schoolId" | "offerId" | "now">) {
  const school = await loadSchool(db, { authorityId, schoolId });
  ensureCan(actor, "buy:offer", { organisationId: school.id, authorityId }, "Only the school's headteacher or business manager can buy for it");
  const offer = await loadOfferForSale(db, { authorityId, offerId, now });
  return { school, offer };
}

/** A school buys an offer on its own, paying by invoice or internal recharge. */
export async function placeOrder(db: Database, options: PlaceOrderOptions) {
  const { actor, authorityId, delegates, poNumber, paymentRoute, idempotencyKey, now = new Date() } = options;
  const [replayed] = await db.select().from(schema.orders).where(eq(schema.orders.idempotencyKey, idempotencyKey));
  if (replayed) {
    if (replayed.authorityId !== authorityId || replayed.schoolId !== options.schoolId) throw new AppError("CONFLICT", "This purchase was already submitted");
    return { order: replayed, created: false };
  }
  const { school, offer } = await loadPurchaseContext(db, options);
  if (paymentRoute === "card") throw new AppError("INVALID_INPUT", "Paying by card is coming soon: choose another way to pay");
  const { quote, buyer, treatment, routes } = quoteOrder(offer, school, delegates);
  if (!routes.includes(paymentRoute)) {
    throw new AppError("INVALID_INPUT", paymentRoute === "consortium_pot" ? "Only a school of a consortium can ask to pay from its pot" : "Internal recharge is only for maintained schools buying the authority's own traded services");
  }
  if (!quote) throw new AppError("INVALID_STATE", "This offer has no price for a single school: buy it with your consortium");
  if (paymentRoute === "consortium_pot") return requestPotPayment(db, { ...options, now }, { school, offer, quote, buyer });

  return db.transaction(async (tx) => {
    const [order] = await createAndChargeOrders(
      tx,
      { authorityId, actorUserId: actor.id, now, offer, collectivePurchaseId: null, payingConsortiumId: null, describe: `${offer.title} for ${school.name}` },
      [
        {
          schoolId: school.id,
          quantity: quote.quantity,
          delegates,
          unitPricePence: quote.unitPricePence,
          netPence: quote.netPence,
          potPence: 0,
          buyerType: buyer,
          vatTreatment: treatment,
          paymentRoute,
          poNumber,
          costCentre: school.costCentre,
          consortiumId: school.consortiumId,
          idempotencyKey,
          lineDescription: offer.title,
        },
      ],
    );
    if (!order) {
      // A concurrent submission of the same form won the race.
      const [existing] = await tx.select().from(schema.orders).where(eq(schema.orders.idempotencyKey, idempotencyKey));
      return { order: existing, created: false };
    }
    await audit(tx, { authorityId, actorUserId: actor.id, action: "order.place", entityType: "order", entityId: order.id, after: order });
    return { order, created: true };
  });
}

/**
 * Paying from the consortium pot needs the lead's approval: the order waits, nothing is charged,
 * until the lead approves (see decide-pot-request) or refuses. The pot's money is a grant
 * outside the scope of VAT, so the order carries none.
 */
async function requestPotPayment(
  db: Database,
  { actor, authorityId, delegates, poNumber, idempotencyKey, now }: PlaceOrderOptions & { now: Date },
  { school, offer, quote, buyer }: { school: LoadedSchool; offer: LoadedOffer; quote: NonNullable<ReturnType<typeof quoteOrder>["quote"]>; buyer: ReturnType<typeof buyerType> },
) {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .insert(schema.orders)
      .values({
        authorityId,
        schoolId: school.id,
        offerId: offer.offerId,
        revisionId: offer.revisionId,
        providerId: offer.providerId,
        consortiumId: school.consortiumId,
        pricingModel: offer.pricingModel,
        quantity: quote.quantity,
        delegates,
        unitPricePence: quote.unitPricePence,
        buyerType: buyer,
        vatTreatment: "outside_scope",
        netPence: quote.netPence,
        potContributionPence: quote.netPence,
        vatPence: 0,
        grossPence: quote.netPence,
        payablePence: 0,
        paymentRoute: "consortium_pot",
        poNumber,
        status: "placed",
        potRequest: "requested",
        idempotencyKey,
        placedBy: actor.id,
        createdAt: now,
      })
      .onConflictDoNothing({ target: schema.orders.idempotencyKey })
      .returning();
    if (!order) {
      const [existing] = await tx.select().from(schema.orders).where(eq(schema.orders.idempotencyKey, idempotencyKey));
      return { order: existing, created: false };
    }
    await audit(tx, { authorityId, actorUserId: actor.id, action: "order.request_pot", entityType: "order", entityId: order.id, after: order });
    return { order, created: true };
  });
}
