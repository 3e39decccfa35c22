// The rules of buying, in one place: price tiers, cost shares, the pot's contribution, the income
// split, VAT, what a school is charged and by which route, and when it may cancel.
// Pure: numbers in, numbers out, all in integer pence.
import type { BuyerType, EstablishmentType, PaymentRoute, PriceTier, PricingModel, ProviderKind, ShareMethod, VatTreatment } from "~/db.server";
import { allocateLargestRemainder } from "~/domain/ledger/allocate";
import type { SplitRule } from "~/domain/ledger/split";
import { TZDate } from "@date-fns/tz";
import { t } from "~/i18n";

const byMinSchools = (tiers: PriceTier[]) => [...tiers].sort((a, b) => a.minSchools - b.minSchools);

/** The tier that applies to this many schools, or null when none covers it. */
export function tierFor(tiers: PriceTier[], schools: number): PriceTier | null {
  let found: PriceTier | null = null;
  // With overlapping tiers the one that starts latest (the bulk price) wins.
  for (const tier of byMinSchools(tiers)) {
    if (schools >= tier.minSchools && (tier.maxSchools === null || schools <= tier.maxSchools)) found = tier;
  }
  return found;
}

/** What it takes to reach the next cheaper tier: "3 more schools bring the price to £600 each". */
export function nextTierHint(tiers: PriceTier[], schools: number): { schoolsNeeded: number; unitPricePence: number } | null {
  const current = tierFor(tiers, schools);
  for (const tier of byMinSchools(tiers)) {
    if (tier.minSchools <= schools) continue;
    if (current === null || tier.unitPricePence < current.unitPricePence) {
      return { schoolsNeeded: tier.minSchools - schools, unitPricePence: tier.unitPricePence };
    }
  }
  return null;
}

export type { ShareMethod };
export type Participant = { id: string; pupils: number; delegates: number };

/**
 * Each participant's share of a total, to the penny. When every weight is zero (no pupils or
 * no delegates recorded anywhere) the cost is shared equally rather than refused.
 */
export function shareCost({ totalPence, method, participants }: { totalPence: number; method: ShareMethod; participants: Participant[] }): Map<string, number> {
  if (new Set(participants.map((p) => p.id)).size !== participants.length) throw new RangeError("Each participant may appear only once");
  if (participants.length === 0) {
    if (totalPence === 0) return new Map();
    throw new RangeError("Cannot share a cost among nobody");
  }
  let weights = participants.map((p) => (method === "per_pupil" ? p.pupils : method === "per_delegate" ? p.delegates : 1));
  if (weights.every((w) => w === 0)) weights = participants.map(() => 1);
  const parts = allocateLargestRemainder(totalPence, weights);
  return new Map(participants.map((p, i) => [p.id, parts[i]]));
}

/**
 * Shares by the method, with no school paying more than `soloPence` (what it would pay buying
 * alone): a school over its solo price pays exactly that, and the excess is spread over the others
 * by the same method, again and again until nobody is over. Every penny is allocated. When the
 * solo prices together are less than the total the cap cannot hold, and the plain shares stand.
 */
export function shareCostCappedAtSolo({
  totalPence,
  method,
  participants,
  soloPence,
}: {
  totalPence: number;
  method: ShareMethod;
  participants: Participant[];
  soloPence: Map<string, number>;
}): Map<string, number> {
  const solo = (p: Participant) => soloPence.get(p.id) ?? Number.POSITIVE_INFINITY;
  const feasible = participants.reduce((sum, p) => sum + solo(p), 0) >= totalPence;
  if (!feasible) return shareCost({ totalPence, method, participants });
  const result = new Map<string, number>();
  let remaining = totalPence;
  let active = participants;
  for (;;) {
    const shares = shareCost({ totalPence: remaining, method, participants: active });
    const over = active.filter((p) => shares.get(p.id)! > solo(p));
    if (over.length === 0) {
      for (const p of active) result.set(p.id, shares.get(p.id)!);
      break;
    }
    for (const p of over) {
      result.set(p.id, solo(p));
      remaining -= solo(p);
    }
    active = active.filter((p) => !over.includes(p));
  }
  return new Map(participants.map((p) => [p.id, result.get(p.id) ?? 0]));
}

export type PotRule = { percentBps?: number; perSchoolPence?: number; capPence?: number };

/**
 * What the consortium pot pays towards a purchase: the rule's amount (a percentage of the
 * total rounded down, or an amount per school; with both, the lesser, as the pot is public
 * money), limited by the cap, by what the pot holds and by the total itself.
 */
export function potContribution({
  totalPence,
  rule,
  schools,
  potAvailablePence,
}: {
  totalPence: number;
  rule: PotRule;
  schools: number;
  potAvailablePence: number;
}): number {
  const candidates: number[] = [];
  if (rule.percentBps !== undefined) candidates.push(Math.floor((totalPence * rule.percentBps) / 10_000));
  if (rule.perSchoolPence !== undefined) candidates.push(rule.perSchoolPence * schools);
  if (candidates.length === 0) return 0;
  const limits = [...candidates, totalPence, potAvailablePence];
  if (rule.capPence !== undefined) limits.push(rule.capPence);
  return Math.max(0, Math.min(...limits));
}

/** Share a paid amount between provider, authority and the buying consortium's pot, to the penny. */
export function incomeSplit({ amountPence, rule }: { amountPence: number; rule: SplitRule }) {
  const { providerBps, authorityBps, potBps } = rule;
  if (providerBps + authorityBps + potBps !== 10_000) throw new RangeError("An income split must add up to 10,000 basis points");
  const [providerPence, authorityPence, potPence] = allocateLargestRemainder(amountPence, [providerBps, authorityBps, potBps]);
  return { providerPence, authorityPence, potPence };
}

export const STANDARD_VAT_RATE_PERCENT = 20;

/** VAT on a net amount: standard rate 20%, rounded half up to the penny (half away from zero for credits). */
export function vatFor({ netPence, treatment }: { netPence: number; treatment: VatTreatment }): number {
  if (treatment !== "standard") return 0;
  if (netPence < 0) return -vatFor({ netPence: -netPence, treatment });
  return Math.floor((netPence * STANDARD_VAT_RATE_PERCENT * 2 + 100) / 200);
}

/** How VAT sees a buying school: maintained by the authority, an academy (free schools are academies), or other. */
export function buyerType(school: { establishmentType: EstablishmentType; laMaintained: boolean }): BuyerType {
  if (school.laMaintained) return "la_maintained";
  if (school.establishmentType === "academy" || school.establishmentType === "free") return "academy";
  return "other";
}

/**
 * The VAT treatment of a sale to this buyer (docs/decisions/0010-vat-on-shared-purchases.md). A
 * maintained school is part of the authority: buying the authority's own traded services it makes
 * no supply to itself, so there is no VAT (outside the scope). Everyone else pays by the offer's
 * treatment for their buyer type.
 */
export function vatTreatmentFor({
  buyer,
  providerKind,
  offerTreatment,
}: {
  buyer: BuyerType;
  providerKind: ProviderKind;
  offerTreatment: Partial<Record<BuyerType, VatTreatment>> | null | undefined;
}): VatTreatment {
  if (buyer === "la_maintained" && providerKind === "la_traded_services") return "outside_scope";
  return offerTreatment?.[buyer] ?? "standard";
}

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
 * Card (an invoice paid at once through Stripe, from the school's own account) is open wherever
 * Stripe is set up (`online`).
 */
export function paymentRoutesFor({
  laMaintained,
  costCentre,
  providerKind,
  consortiumId = null,
  online = false,
}: {
  laMaintained: boolean;
  costCentre: string | null;
  providerKind: ProviderKind;
  consortiumId?: string | null;
  online?: boolean;
}): PaymentRoute[] {
  const base: PaymentRoute[] = laMaintained && costCentre && providerKind === "la_traded_services" ? ["internal_recharge", "invoice"] : ["invoice"];
  const routes: PaymentRoute[] = online ? [...base, "card"] : base;
  // Buying on its own, a school may ask its consortium's lead to pay from the pot (given with its consortium).
  return consortiumId ? [...routes, "consortium_pot"] : routes;
}

export type SingleQuote = { unitPricePence: number; quantity: number; netPence: number; vatPence: number; grossPence: number };

/** A school buying on its own pays the first tier's price. */
export function quoteSingle({
  tiers,
  model,
  delegates,
  pupils,
  treatment,
}: {
  tiers: PriceTier[];
  model: PricingModel;
  delegates: number;
  pupils: number;
  treatment: VatTreatment;
}): SingleQuote | null {
  const tier = tierFor(tiers, 1);
  if (!tier) return null;
  const quantity = unitsFor(model, { delegates, pupils });
  const netPence = tier.unitPricePence * quantity;
  const vatPence = vatFor({ netPence, treatment });
  return { unitPricePence: tier.unitPricePence, quantity, netPence, vatPence, grossPence: netPence + vatPence };
}

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
  capAtSolo = false,
}: {
  tiers: PriceTier[];
  model: PricingModel;
  participants: Participant[];
  rule: { percentBps?: number; perSchoolPence?: number; capPence?: number };
  method: ShareMethod;
  potAvailablePence: number;
  /** No school's share (its pot part included) above what it would pay buying alone. */
  capAtSolo?: boolean;
}): CollectiveQuote | null {
  const tier = tierFor(tiers, participants.length);
  if (!tier || participants.length === 0) return null;
  const quantities = participants.map((p) => unitsFor(model, p));
  const totalPence = tier.unitPricePence * quantities.reduce((a, b) => a + b, 0);
  const potPence = potContribution({ totalPence, rule, schools: participants.length, potAvailablePence });
  if (capAtSolo) {
    const soloTier = tierFor(tiers, 1);
    const soloPence = new Map(participants.map((p, i) => [p.id, soloTier ? soloTier.unitPricePence * quantities[i] : Number.POSITIVE_INFINITY]));
    const net = shareCostCappedAtSolo({ totalPence, method, participants, soloPence });
    // The pot's part follows each school's share, so a capped school gets no more of the pot than its share's weight.
    const potParts =
      totalPence > 0
        ? allocateLargestRemainder(
            potPence,
            participants.map((p) => net.get(p.id)!),
          )
        : participants.map(() => 0);
    const charges = participants.map((p, i) => ({
      id: p.id,
      quantity: quantities[i],
      netPence: net.get(p.id)!,
      potPence: potParts[i],
      payableNetPence: net.get(p.id)! - potParts[i],
    }));
    return { unitPricePence: tier.unitPricePence, totalPence, potPence, charges };
  }
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

/**
 * An order's amounts. VAT is due on the whole consideration for the supply, whoever pays it: the
 * pot's part is third-party consideration, so VAT is charged on the whole net and the school, the
 * customer, pays it with its own part (docs/decisions/0010-vat-on-shared-purchases.md).
 * The one place charges, invoices and confirmation steps get these figures from.
 */
export function orderAmounts({ netPence, potPence, vatTreatment }: { netPence: number; potPence: number; vatTreatment: VatTreatment }) {
  const vatPence = vatFor({ netPence, treatment: vatTreatment });
  const grossPence = netPence + vatPence;
  return { netPence, potPence, vatPence, grossPence, payablePence: grossPence - potPence };
}

export type CancellableOrder = { status: string; paymentRoute: string; payablePence: number; potContributionPence: number; invoiceStatus: string | null };

/**
 * What cancelling these orders undoes: the schools' charges credited (invoices with a credit
 * note, recharges reversed), the pot refunded, and what had been paid by bank already (it stays
 * with the authority, owed back to the school).
 */
export function cancellationEffect(orders: CancellableOrder[]) {
  const live = orders.filter((o) => o.status !== "cancelled");
  const charged = live.filter((o) => o.payablePence > 0);
  return {
    orders: live.length,
    creditedPence: charged.reduce((sum, o) => sum + o.payablePence, 0),
    potRefundPence: live.reduce((sum, o) => sum + o.potContributionPence, 0),
    paidByBankPence: charged.filter((o) => o.invoiceStatus === "paid").reduce((sum, o) => sum + o.payablePence, 0),
  };
}

/** Cancellation is allowed before delivery and no later than the offer's notice period before it starts. */
export function cancellationRefusal({
  status,
  deliveryStartsOn,
  noticeDays,
  now,
}: {
  status: string;
  deliveryStartsOn: string | null;
  noticeDays: number;
  now: Date;
}): string | null {
  if (status === "cancelled") return t("refusal.purchasing.alreadyCancelled");
  if (status === "delivered") return t("refusal.purchasing.alreadyDelivered");
  if (deliveryStartsOn) {
    const lastDay = new Date(Date.parse(`${deliveryStartsOn}T00:00:00Z`) - noticeDays * DAY_MS);
    if (now.getTime() >= lastDay.getTime()) {
      return t("refusal.purchasing.noticePassed", { count: noticeDays });
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

/** ARD-RC-2026-000042: the reference finance quotes for a recharge in the budget journal. */
export const rechargeReference = ({ prefix, year, value }: { prefix: string; year: number; value: number }) =>
  `${prefix}-RC-${year}-${String(value).padStart(6, "0")}`;

/** Due date as an ISO date, `days` after issue (London calendar is close enough at day resolution in UTC). */
export const dueOn = (issuedAt: Date, days = INVOICE_TERMS_DAYS) => new Date(issuedAt.getTime() + days * DAY_MS).toISOString().slice(0, 10);

export type ShareEstimate = { schools: number; unitPricePence: number; netPence: number; potPence: number; vatPence: number; payablePence: number };

/**
 * What a school would pay if it joined now (with the schools already in) and if enough more joined
 * to reach the next cheaper tier (those assumed like this school). An estimate: others may still
 * join or withdraw, and the pot pays from what it holds at the close.
 */
export function estimateShare({
  tiers,
  model,
  joined,
  school,
  rule,
  method,
  capAtSolo,
  potAvailablePence,
  vatTreatment,
  nextSchoolsNeeded,
}: {
  tiers: PriceTier[];
  model: PricingModel;
  joined: Participant[];
  school: Participant;
  rule: { percentBps?: number; perSchoolPence?: number; capPence?: number };
  method: ShareMethod;
  capAtSolo: boolean;
  potAvailablePence: number;
  vatTreatment: VatTreatment;
  nextSchoolsNeeded: number | null;
}): { now: ShareEstimate | null; next: ShareEstimate | null } {
  const others = joined.filter((p) => p.id !== school.id);
  const at = (participants: Participant[]): ShareEstimate | null => {
    const quote = quoteCollective({ tiers, model, participants, rule, method, potAvailablePence, capAtSolo });
    const mine = quote?.charges.find((c) => c.id === school.id);
    if (!quote || !mine) return null;
    const amounts = orderAmounts({ netPence: mine.netPence, potPence: mine.potPence, vatTreatment });
    return {
      schools: participants.length,
      unitPricePence: quote.unitPricePence,
      netPence: mine.netPence,
      potPence: mine.potPence,
      vatPence: amounts.vatPence,
      payablePence: amounts.payablePence,
    };
  };
  const now = at([...others, school]);
  const extra =
    nextSchoolsNeeded && nextSchoolsNeeded > 0
      ? Array.from({ length: Math.max(0, nextSchoolsNeeded - (joined.some((p) => p.id === school.id) ? 0 : 1)) }, (_, i) => ({
          ...school,
          id: `${school.id}:like:${i}`,
        }))
      : null;
  return { now, next: extra ? at([...others, school, ...extra]) : null };
}

/** A collective purchase closing on a day closes at the end of that day in London (23:59:59 GMT or BST). */
export function closesAtEndOf(day: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date, 23, 59, 59, "Europe/London").getTime());
}
