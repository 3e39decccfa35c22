import type { PurchasingWorld } from "../factories/purchasing";

/** The purchase page's form, confirmed: the world's first school buys one place of its offer. */
export function confirmedPurchaseForm(world: PurchasingWorld, paymentRoute: "invoice" | "internal_recharge") {
  return {
    offerId: world.offer.id,
    schoolId: world.members[0].school.id,
    delegates: "1",
    poNumber: "",
    paymentRoute,
    intent: "confirm",
    idempotencyKey: crypto.randomUUID(),
  };
}
