import { eq } from "drizzle-orm";
import { schema, type Database, type PaymentRoute, type VatTreatment } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { AppError } from "~/domain/errors";
import { ensureCan, type Actor } from "~/domain/actor";
import { createAndChargeOrders } from "./charge.server";
import { loadOfferForSale, loadSchool, type LoadedOffer, type LoadedSchool } from "./load.server";
import { tellOrderPlaced, tellPotRequested } from "./notify.server";
import { buyerType, orderAmounts, paymentRoutesFor, quoteSingle, vatTreatmentFor } from "./rules";
import { t } from "~/i18n";
import { message } from "~/domain/ledger/described";

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
  /** For the links in the emails that tell the school and the provider. */
  appUrl: string;
  /** Stripe is set up here, so card is a route (an invoice the school pays at once online). */
  stripeEnabled?: boolean;
  now?: Date;
};

/** Everything the buyer sees before confirming: the price, VAT and the routes open to the school. */
export function quoteOrder(offer: LoadedOffer, school: LoadedSchool, delegates: number, { online = false }: { online?: boolean } = {}) {
  const buyer = buyerType(school);
  const treatment = vatTreatmentFor({ buyer, providerKind: offer.providerKind, offerTreatment: offer.vatTreatment });
  const quote = quoteSingle({ tiers: offer.priceTiers, model: offer.pricingModel, delegates, pupils: school.numberOnRoll, treatment });
  return {
    quote,
    buyer,
    treatment,
    routes: paymentRoutesFor({
      laMaintained: school.laMaintained,
      costCentre: school.costCentre,
      providerKind: offer.providerKind,
      consortiumId: school.consortiumId,
      online,
    }),
  };
}

export async function loadPurchaseContext(
  db: Database,
  { actor, authorityId, schoolId, offerId, now = new Date() }: Pick<PlaceOrderOptions, "actor" | "authorityId" | "schoolId" | "offerId" | "now">,
) {
  const school = await loadSchool(db, { authorityId, schoolId, now });
  ensureCan(actor, "buy:offer", { organisationId: school.id, authorityId }, t("refusal.purchasing.buyNotBuyer"));
  const offer = await loadOfferForSale(db, { authorityId, offerId, now });
  return { school, offer };
}

/** A school buys an offer on its own, paying by invoice or internal recharge. */
export async function placeOrder(db: Database, options: PlaceOrderOptions) {
  const { actor, authorityId, delegates, poNumber, paymentRoute, idempotencyKey, now = new Date() } = options;
  const [replayed] = await db.select().from(schema.orders).where(eq(schema.orders.idempotencyKey, idempotencyKey));
  if (replayed) {
    if (replayed.authorityId !== authorityId || replayed.schoolId !== options.schoolId)
      throw new AppError("CONFLICT", t("refusal.purchasing.purchaseWasAlreadySubmitted"));
    return { order: replayed, created: false };
  }
  const { school, offer } = await loadPurchaseContext(db, options);
  const { quote, buyer, treatment, routes } = quoteOrder(offer, school, delegates, { online: options.stripeEnabled });
  if (paymentRoute === "card" && !routes.includes("card"))
    throw new AppError("INVALID_INPUT", t(options.stripeEnabled ? "payments.error.routeNotOnline" : "payments.unavailable"));
  if (!routes.includes(paymentRoute)) {
    throw new AppError(
      "INVALID_INPUT",
      paymentRoute === "consortium_pot" ? t("refusal.purchasing.potOnlyForConsortiumSchools") : t("refusal.purchasing.internalRechargeMaintainedSchools"),
    );
  }
  if (!quote) throw new AppError("INVALID_STATE", t("refusal.purchasing.offerNoPriceSingle"));
  if (paymentRoute === "consortium_pot") return requestPotPayment(db, { ...options, now }, { school, offer, quote, buyer, treatment });

  return db.transaction(async (tx) => {
    const [order] = await createAndChargeOrders(
      tx,
      {
        authorityId,
        actorUserId: actor.id,
        now,
        offer,
        collectivePurchaseId: null,
        payingConsortiumId: null,
        describe: message("ledgerText.describe.orderFor", { offer: offer.title, school: school.name }),
      },
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
    await tellOrderPlaced(tx, {
      authorityId,
      order,
      schoolName: school.name,
      providerName: offer.providerName,
      offerTitle: offer.title,
      appUrl: options.appUrl,
    });
    return { order, created: true };
  });
}

/**
 * Paying from the consortium pot needs the lead's approval: the order waits, nothing is charged,
 * until the lead approves (see decide-pot-request) or refuses. The pot pays the net; VAT on the
 * whole supply is the school's to pay, invoiced when the lead approves.
 */
async function requestPotPayment(
  db: Database,
  { actor, authorityId, delegates, poNumber, idempotencyKey, now, appUrl }: PlaceOrderOptions & { now: Date },
  {
    school,
    offer,
    quote,
    buyer,
    treatment,
  }: {
    school: LoadedSchool;
    offer: LoadedOffer;
    quote: NonNullable<ReturnType<typeof quoteOrder>["quote"]>;
    buyer: ReturnType<typeof buyerType>;
    treatment: VatTreatment;
  },
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
        vatTreatment: treatment,
        ...orderAmounts({ netPence: quote.netPence, potPence: quote.netPence, vatTreatment: treatment }),
        potContributionPence: quote.netPence,
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
    await tellPotRequested(tx, { authorityId, order, consortiumId: school.consortiumId!, schoolName: school.name, offerTitle: offer.title, appUrl });
    return { order, created: true };
  });
}
