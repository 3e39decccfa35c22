// The money rules of buying: price tiers, cost shares, the pot's contribution, the income split, VAT.
// Pure: numbers in, numbers out, all in integer pence.
import type { BuyerType, EstablishmentType, PriceTier, VatTreatment } from "~/db.server";
import { allocateLargestRemainder } from "~/domain/ledger/allocate";

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

export type ShareMethod = "equal" | "per_pupil" | "per_delegate";
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

export type PotRule = { percentBps?: number; perSchoolPence?: number; capPence?: number };

/**
 * What the consortium pot pays towards a purchase: the rule's amount (a percentage of the
 * total rounded down, or an amount per school; with both, the lesser, as the pot is public
 * money), limited by the cap, by what the pot holds and by the total itself.
 */
export function potContribution({ totalPence, rule, schools, potAvailablePence }: { totalPence: number; rule: PotRule; schools: number; potAvailablePence: number }): number {
  const candidates: number[] = [];
  if (rule.percentBps !== undefined) candidates.push(Math.floor((totalPence * rule.percentBps) / 10_000));
  if (rule.perSchoolPence !== undefined) candidates.push(rule.perSchoolPence * schools);
  if (candidates.length === 0) return 0;
  const limits = [...candidates, totalPence, potAvailablePence];
  if (rule.capPence !== undefined) limits.push(rule.capPence);
  return Math.max(0, Math.min(...limits));
}

export type SplitRule = { providerBps: number; authorityBps: number; potBps: number };

/** Platform defaults when an authority has set no rule of its own. */
export const DEFAULT_SPLIT: SplitRule = { providerBps: 9_000, authorityBps: 500, potBps: 500 };
/** The authority is the provider of its own traded services: it keeps the income and shares some with the pot. */
export const LA_TRADED_SERVICES_SPLIT: SplitRule = { providerBps: 0, authorityBps: 9_000, potBps: 1_000 };

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
