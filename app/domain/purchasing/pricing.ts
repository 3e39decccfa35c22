// Pure purchasing rules beside the ledger's money rules: what a school is charged, by which route, and when it may cancel.
import type { PaymentRoute, PriceTier, PricingModel, ProviderKind, ShareMethod, VatTreatment } from "~/db.server";
import { formatPence } from "~/format";
import { potContribution, shareCost, tierFor, vatFor } from "./rules";

export const DAY_MS = 24 * 60 * 60 * 1000;
export const INVOICE_TERMS_DAYS = 30;

/** The units a school is charged for at the unit price: one per school, its delegates, or its pupils. */
export function unitsFor(model: PricingModel, { delegates, pupils }: { delegates: number; pupils: number }) {
  if (model === "per_delegate") return delegates;
  if (model === "per_pupil") return pupils;
  return 1;
}

/**
 * The routes a school may pay by. Internal recharge is a transfer inside the authority, so it is open
 * only to a maintained school (with a cost centre to charge) buying the authority's own traded service.
 * Card is not offered yet.
 */
export function paymentRoutesFor({ laMaintained, costCentre, providerKind, consortiumId = null }: { laMaintained: boolean; costCentre: string | null; providerKind: ProviderKind; consortiumId?: string | null }): PaymentRoute[] {
  const routes: PaymentRoute[] = laMaintained && costCentre && providerKind === "la_traded_services" ? ["internal_recharge", "invoice"] : ["invoice"];
  // Buying on its own, a school may ask its consortium's lead to pay from the pot (given with its consortium).
  return consortiumId ? [...routes, "consortium_pot"] : routes;
}

export type SingleQuote = { unitPricePence: number; quantity: number; netPence: number; vatPence: number; grossPence: number };

/** A school buying on its own pays the first tier's price. */
export function quoteSingle({ tiers, model, delegates, pupils, treatment }: { tiers: PriceTier[]; model: PricingModel; delegates: number; pupils: number; treatment: VatTreatment }): SingleQuote | null {
  const tier = tierFor(tiers, 1);
  if (!tier) return null;
  const quantity = unitsFor(model, { delegates, pupils });
  const netPence = tier.unitPricePence * quantity;
  const vatPence = vatFor({ netPence, treatment });
  return { unitPricePence: tier.unitPricePence, quantity, netPence, vatPence, grossPence: netPence + vatPence };
}

export type Participant = { id: string; pupils: number; delegates: number };
export type ParticipantCharge = { id: string; quantity: number; netPence: number; potPence: number; payableNetPence: number };
export type CollectiveQuote = { unitPricePence: number; totalPence: number; potPence: number; charges: ParticipantCharge[] };

/**
 * The close of a collective purchase: the tier reached by the number of schools sets the unit price;
 * the pot pays what the funding rule allows (within its available balance); the rest is shared by the
 * chosen method. The pot's part is spread with the same method so every order carries its own share,
 * and each school's net is its pot part plus its own part: the orders add up to the total exactly.
 */
export function quoteCollective({
  tiers,
  model,
  participants,
  rule,
  method,
  potAvailablePence,
}: {
  tiers: PriceTier[];
  model: PricingModel;
  participants: Participant[];
  rule: { percentBps?: number; perSchoolPence?: number; capPence?: number };
  method: ShareMethod;
  potAvailablePence: number;
}): CollectiveQuote | null {
  const tier = tierFor(tiers, participants.length);
  if (!tier || participants.length === 0) return null;
  const quantities = participants.map((p) => unitsFor(model, p));
  const totalPence = tier.unitPricePence * quantities.reduce((a, b) => a + b, 0);
  const potPence = potContribution({ totalPence, rule, schools: participants.length, potAvailablePence });
  // The share method is the lead's choice, separate from the pricing model: a per-pupil price may still be shared equally.
  const own = shareCost({ totalPence: totalPence - potPence, method, participants });
  const pot = shareCost({ totalPence: potPence, method, participants });
  const charges = participants.map((p, i) => {
    const potShare = pot.get(p.id) ?? 0;
    const payableNetPence = own.get(p.id) ?? 0;
    return { id: p.id, quantity: quantities[i], netPence: potShare + payableNetPence, potPence: potShare, payableNetPence };
  });
  return { unitPricePence: tier.unitPricePence, totalPence, potPence, charges };
}

/** Cancellation is allowed before delivery and no later than the offer's notice period before it starts. */
export function cancellationRefusal({ status, deliveryStartsOn, noticeDays, now }: { status: string; deliveryStartsOn: string | null; noticeDays: number; now: Date }): string | null {
  if (status === "cancelled") return "This purchase has already been cancelled";
  if (status === "delivered") return "This purchase has been delivered, so it can no longer be cancelled";
  if (deliveryStartsOn) {
    const lastDay = new Date(Date.parse(`${deliveryStartsOn}T00:00:00Z`) - noticeDays * DAY_MS);
    if (now.getTime() >= lastDay.getTime()) {
      return `The provider's terms allow cancellation up to ${noticeDays} days before delivery starts, and that time has passed`;
    }
  }
  return null;
}

/** "ARD" for Arden: the authority's short code on its invoices. */
export const documentPrefix = (slug: string) => (slug.replace(/[^a-z0-9]/gi, "").slice(0, 3) || "INV").toUpperCase();

/** ARD-2026-000123, or ARD-CN-2026-000007 for a credit note. */
export function documentNumber({ prefix, series, year, value }: { prefix: string; series: "invoice" | "credit_note"; year: number; value: number }) {
  return `${prefix}-${series === "credit_note" ? "CN-" : ""}${year}-${String(value).padStart(6, "0")}`;
}

/** Due date as an ISO date, `days` after issue (London calendar is close enough at day resolution in UTC). */
export const dueOn = (issuedAt: Date, days = INVOICE_TERMS_DAYS) => new Date(issuedAt.getTime() + days * DAY_MS).toISOString().slice(0, 10);

const UNIT: Record<PricingModel, string> = { per_school: "each", fixed_package: "each", per_delegate: "per delegate", per_pupil: "per pupil" };

/** "1 to 4 schools: £900.00 each; 5 to 9 schools: £750.00 each; 10 or more schools: £600.00 each." */
export function describeTiers(tiers: PriceTier[], model: PricingModel) {
  return (
    [...tiers]
      .sort((a, b) => a.minSchools - b.minSchools)
      .map((tier) => {
        const range = tier.maxSchools === null ? `${tier.minSchools} or more schools` : tier.maxSchools === tier.minSchools ? `${tier.minSchools} ${tier.minSchools === 1 ? "school" : "schools"}` : `${tier.minSchools} to ${tier.maxSchools} schools`;
        return `${range}: ${formatPence(tier.unitPricePence)} ${UNIT[model]}`;
      })
      .join("; ") + "."
  );
}

export const unitLabel = (model: PricingModel) => UNIT[model];
