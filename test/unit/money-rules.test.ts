import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PriceTier } from "~/db.server";
import { displayBalance } from "~/domain/ledger/accounts";
import { allocateLargestRemainder } from "~/domain/ledger/allocate";
import { buyerType, incomeSplit, nextTierHint, potContribution, shareCost, tierFor, vatFor } from "~/domain/purchasing/rules";

const TEN_MILLION_POUNDS = 1_000_000_000;

/** |part - total x weight / sum| < 1 penny, in exact integer arithmetic. */
const withinAPenny = (part: number, total: number, weight: number, sum: number) => {
  const diff = BigInt(part) * BigInt(sum) - BigInt(total) * BigInt(weight);
  return (diff < 0n ? -diff : diff) < BigInt(sum);
};

const pence = fc.integer({ min: 0, max: TEN_MILLION_POUNDS });
const weights = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0));

describe("allocateLargestRemainder", () => {
  it("adds up to the total exactly, with no negative part and each within a penny of its exact share", () => {
    fc.assert(
      fc.property(pence, weights, (total, ws) => {
        const parts = allocateLargestRemainder(total, ws);
        const sum = ws.reduce((a, b) => a + b, 0);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        for (let i = 0; i < ws.length; i++) {
          expect(parts[i]).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(parts[i])).toBe(true);
          expect(withinAPenny(parts[i], total, ws[i], sum)).toBe(true);
        }
      }),
    );
  });

  it("gives a zero weight nothing and shares a negative total as the mirror of the positive one", () => {
    fc.assert(
      fc.property(pence, weights, (total, ws) => {
        const parts = allocateLargestRemainder(total, ws);
        ws.forEach((w, i) => w === 0 && expect(parts[i]).toBe(0));
        expect(allocateLargestRemainder(-total, ws)).toEqual(parts.map((p) => (p === 0 ? 0 : -p)));
      }),
    );
  });

  it("is deterministic: equal remainders go to the earlier index", () => {
    expect(allocateLargestRemainder(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(allocateLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(10, [3, 3, 3, 1])).toEqual([3, 3, 3, 1]);
    expect(allocateLargestRemainder(11, [3, 3, 3, 1])).toEqual([4, 3, 3, 1]);
  });

  it("is exact beyond 2^53 for huge totals and weights", () => {
    const parts = allocateLargestRemainder(9_007_199_254_740_991, [9_007_199_254_740_991, 1]);
    expect(parts[0] + parts[1]).toBe(9_007_199_254_740_991);
    expect(parts).toEqual([9_007_199_254_740_990, 1]);
  });

  it("refuses what cannot be shared", () => {
    expect(() => allocateLargestRemainder(100, [0, 0])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(100, [])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(10.5, [1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(Number.NaN, [1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(100, [1, -1, 2])).toThrow(RangeError);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
  });
});

const participants = fc.uniqueArray(fc.record({ id: fc.uuid(), pupils: fc.integer({ min: 0, max: 2_500 }), delegates: fc.integer({ min: 0, max: 30 }) }), {
  minLength: 1,
  maxLength: 30,
  selector: (p) => p.id,
});
const method = fc.constantFrom("equal" as const, "per_pupil" as const, "per_delegate" as const);

describe("shareCost", () => {
  it("shares a cost among the schools to the penny, by the chosen weights", () => {
    fc.assert(
      fc.property(pence, method, participants, (totalPence, m, ps) => {
        const shares = shareCost({ totalPence, method: m, participants: ps });
        expect([...shares.keys()]).toEqual(ps.map((p) => p.id));
        expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(totalPence);
        let ws = ps.map((p) => (m === "per_pupil" ? p.pupils : m === "per_delegate" ? p.delegates : 1));
        if (ws.every((w) => w === 0)) ws = ps.map(() => 1);
        const sum = ws.reduce((a, b) => a + b, 0);
        ps.forEach((p, i) => {
          const share = shares.get(p.id)!;
          expect(share).toBeGreaterThanOrEqual(0);
          expect(withinAPenny(share, totalPence, ws[i], sum)).toBe(true);
        });
      }),
    );
  });

  it("shares odd amounts among a prime number of schools", () => {
    const schools = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, pupils: 0, delegates: 0 }));
    const seven = shareCost({ totalPence: 100_000, method: "equal", participants: schools(7) });
    expect([...seven.values()]).toEqual([14_286, 14_286, 14_286, 14_286, 14_286, 14_285, 14_285]);
    const thirteen = shareCost({ totalPence: 1, method: "equal", participants: schools(13) });
    expect([...thirteen.values()].filter((v) => v === 1)).toHaveLength(1);
    expect(thirteen.get("s0")).toBe(1);
    const huge = shareCost({ totalPence: TEN_MILLION_POUNDS, method: "equal", participants: schools(17) });
    expect([...huge.values()].reduce((a, b) => a + b, 0)).toBe(TEN_MILLION_POUNDS);
    expect(Math.max(...huge.values()) - Math.min(...huge.values())).toBe(1);
  });

  it("shares per pupil and per delegate", () => {
    const ps = [
      { id: "small", pupils: 97, delegates: 1 },
      { id: "middle", pupils: 211, delegates: 2 },
      { id: "large", pupils: 419, delegates: 4 },
    ];
    const perPupil = shareCost({ totalPence: 1_000_000, method: "per_pupil", participants: ps });
    // 1,000,000 x 97/727 = 133,424.99..., 211/727 = 290,233.84..., 419/727 = 576,341.15...
    expect(Object.fromEntries(perPupil)).toEqual({ small: 133_425, middle: 290_234, large: 576_341 });
    const perDelegate = shareCost({ totalPence: 99_999, method: "per_delegate", participants: ps });
    // 99,999 / 7 = 14,285.57... per delegate
    expect(Object.fromEntries(perDelegate)).toEqual({ small: 14_286, middle: 28_571, large: 57_142 });
    // Nobody recorded any delegates: shared equally rather than refused.
    const noDelegates = shareCost({ totalPence: 300, method: "per_delegate", participants: ps.map((p) => ({ ...p, delegates: 0 })) });
    expect([...noDelegates.values()]).toEqual([100, 100, 100]);
  });

  it("refuses duplicates and an empty list with a cost", () => {
    expect(() => shareCost({ totalPence: 100, method: "equal", participants: [] })).toThrow();
    expect(shareCost({ totalPence: 0, method: "equal", participants: [] }).size).toBe(0);
    const p = { id: "a", pupils: 1, delegates: 1 };
    expect(() => shareCost({ totalPence: 100, method: "equal", participants: [p, p] })).toThrow();
  });
});

const splitRule = fc
  .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)])
  .map(([lo, hi]) => ({ providerBps: lo, authorityBps: hi - lo, potBps: 10_000 - hi }));

describe("incomeSplit", () => {
  it("splits every penny between provider, authority and pot, each within a penny of its share", () => {
    fc.assert(
      fc.property(pence, splitRule, (amountPence, rule) => {
        const { providerPence, authorityPence, potPence } = incomeSplit({ amountPence, rule });
        expect(providerPence + authorityPence + potPence).toBe(amountPence);
        for (const [part, bps] of [
          [providerPence, rule.providerBps],
          [authorityPence, rule.authorityBps],
          [potPence, rule.potBps],
        ]) {
          expect(part).toBeGreaterThanOrEqual(0);
          expect(withinAPenny(part, amountPence, bps, 10_000)).toBe(true);
        }
      }),
    );
  });

  it("splits the defaults to the penny, and a refund as the mirror of the sale", () => {
    const rule = { providerBps: 9_000, authorityBps: 500, potBps: 500 };
    expect(incomeSplit({ amountPence: 75_000, rule })).toEqual({ providerPence: 67_500, authorityPence: 3_750, potPence: 3_750 });
    expect(incomeSplit({ amountPence: 1, rule })).toEqual({ providerPence: 1, authorityPence: 0, potPence: 0 });
    expect(incomeSplit({ amountPence: 19, rule })).toEqual({ providerPence: 17, authorityPence: 1, potPence: 1 });
    expect(incomeSplit({ amountPence: 33_333, rule })).toEqual({ providerPence: 30_000, authorityPence: 1_667, potPence: 1_666 });
    expect(incomeSplit({ amountPence: -33_333, rule })).toEqual({ providerPence: -30_000, authorityPence: -1_667, potPence: -1_666 });
    expect(incomeSplit({ amountPence: 65_000, rule: { providerBps: 0, authorityBps: 9_000, potBps: 1_000 } })).toEqual({
      providerPence: 0,
      authorityPence: 58_500,
      potPence: 6_500,
    });
    expect(() => incomeSplit({ amountPence: 100, rule: { providerBps: 9_000, authorityBps: 500, potBps: 499 } })).toThrow();
  });
});

describe("potContribution", () => {
  const rule = fc.record(
    { percentBps: fc.integer({ min: 0, max: 10_000 }), perSchoolPence: fc.integer({ min: 0, max: 500_000 }), capPence: fc.integer({ min: 0, max: 5_000_000 }) },
    { requiredKeys: [] },
  );
  it("never pays more than the rule, the cap, the pot or the total, and never less than nothing", () => {
    fc.assert(
      fc.property(pence, rule, fc.integer({ min: 0, max: 60 }), fc.integer({ min: -1_000, max: 10_000_000 }), (totalPence, r, schools, potAvailablePence) => {
        const paid = potContribution({ totalPence, rule: r, schools, potAvailablePence });
        expect(Number.isInteger(paid)).toBe(true);
        expect(paid).toBeGreaterThanOrEqual(0);
        expect(paid).toBeLessThanOrEqual(totalPence);
        expect(paid).toBeLessThanOrEqual(Math.max(0, potAvailablePence));
        if (r.capPence !== undefined) expect(paid).toBeLessThanOrEqual(r.capPence);
        if (r.percentBps !== undefined) expect(paid * 10_000).toBeLessThanOrEqual(totalPence * r.percentBps);
        if (r.perSchoolPence !== undefined) expect(paid).toBeLessThanOrEqual(r.perSchoolPence * schools);
        if (r.percentBps === undefined && r.perSchoolPence === undefined) expect(paid).toBe(0);
        // Whatever binds, the pot pays all of it: the least of the limits.
        const limits = [totalPence, Math.max(0, potAvailablePence), r.capPence ?? Infinity];
        const amount = Math.min(
          r.percentBps !== undefined ? Math.floor((totalPence * r.percentBps) / 10_000) : Infinity,
          r.perSchoolPence !== undefined ? r.perSchoolPence * schools : Infinity,
        );
        if (amount !== Infinity) expect(paid).toBe(Math.min(amount, ...limits));
      }),
    );
  });

  it("binds on the cap, the pot, the total or the rule, whichever is least", () => {
    const base = { totalPence: 1_020_000, schools: 17, potAvailablePence: 2_820_000 };
    expect(potContribution({ ...base, rule: { percentBps: 5_000 } })).toBe(510_000);
    expect(potContribution({ ...base, rule: { percentBps: 5_000, capPence: 250_000 } })).toBe(250_000);
    expect(potContribution({ ...base, rule: { perSchoolPence: 20_000 } })).toBe(340_000);
    expect(potContribution({ ...base, rule: { perSchoolPence: 20_000, percentBps: 2_500 } })).toBe(255_000);
    expect(potContribution({ ...base, potAvailablePence: 123_457, rule: { percentBps: 10_000 } })).toBe(123_457);
    expect(potContribution({ ...base, rule: { perSchoolPence: 100_000 } })).toBe(1_020_000);
    expect(potContribution({ ...base, potAvailablePence: 0, rule: { percentBps: 10_000 } })).toBe(0);
    expect(potContribution({ ...base, rule: { percentBps: 3_333 } })).toBe(339_966);
    expect(potContribution({ ...base, rule: {} })).toBe(0);
  });
});

/** Contiguous tiers from one school, cheaper as they grow: 1-4 £900, 5-9 £750, 10+ £600 and the like. */
const tiers = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 2, max: 40 }), { maxLength: 5 }), fc.integer({ min: 1, max: 200_000 }), fc.boolean())
  .map(([cuts, top, openEnded]) => {
    const starts = [1, ...cuts.sort((a, b) => a - b)];
    return starts.map<PriceTier>((minSchools, i) => ({
      minSchools,
      maxSchools: i + 1 < starts.length ? starts[i + 1] - 1 : openEnded ? null : minSchools + 10,
      unitPricePence: top - i * Math.floor(top / (starts.length + 1)),
    }));
  });

describe("tierFor and nextTierHint", () => {
  it("finds the tier whose range holds the number of schools, and what the next cheaper tier needs", () => {
    fc.assert(
      fc.property(tiers, fc.integer({ min: 0, max: 60 }), (ts, schools) => {
        const tier = tierFor(ts, schools);
        const last = ts[ts.length - 1];
        const covered = schools >= 1 && (last.maxSchools === null || schools <= last.maxSchools);
        expect(tier !== null).toBe(covered);
        if (tier) {
          expect(schools).toBeGreaterThanOrEqual(tier.minSchools);
          if (tier.maxSchools !== null) expect(schools).toBeLessThanOrEqual(tier.maxSchools);
        }
        const hint = nextTierHint(ts, schools);
        if (hint) {
          expect(hint.schoolsNeeded).toBeGreaterThan(0);
          const reached = tierFor(ts, schools + hint.schoolsNeeded);
          expect(reached?.unitPricePence).toBe(hint.unitPricePence);
          if (tier) expect(hint.unitPricePence).toBeLessThan(tier.unitPricePence);
        } else if (tier) {
          expect(ts.filter((t) => t.minSchools > schools && t.unitPricePence < tier.unitPricePence)).toEqual([]);
        }
      }),
    );
  });

  it("reads the brochure's tiers", () => {
    const brochure: PriceTier[] = [
      { minSchools: 10, maxSchools: null, unitPricePence: 60_000 },
      { minSchools: 1, maxSchools: 4, unitPricePence: 90_000 },
      { minSchools: 5, maxSchools: 9, unitPricePence: 75_000 },
    ];
    expect(tierFor(brochure, 0)).toBeNull();
    expect(tierFor(brochure, 1)?.unitPricePence).toBe(90_000);
    expect(tierFor(brochure, 7)?.unitPricePence).toBe(75_000);
    expect(tierFor(brochure, 23)?.unitPricePence).toBe(60_000);
    expect(nextTierHint(brochure, 0)).toEqual({ schoolsNeeded: 1, unitPricePence: 90_000 });
    expect(nextTierHint(brochure, 7)).toEqual({ schoolsNeeded: 3, unitPricePence: 60_000 });
    expect(nextTierHint(brochure, 3)).toEqual({ schoolsNeeded: 2, unitPricePence: 75_000 });
    expect(nextTierHint(brochure, 12)).toBeNull();
    expect(tierFor([], 3)).toBeNull();
    expect(nextTierHint([], 3)).toBeNull();
  });
});

describe("vatFor and buyerType", () => {
  it("charges 20% standard rate rounded half up, and nothing otherwise", () => {
    expect(vatFor({ netPence: 90_000, treatment: "standard" })).toBe(18_000);
    expect(vatFor({ netPence: 1, treatment: "standard" })).toBe(0);
    expect(vatFor({ netPence: 3, treatment: "standard" })).toBe(1);
    expect(vatFor({ netPence: 12, treatment: "standard" })).toBe(2);
    expect(vatFor({ netPence: 13, treatment: "standard" })).toBe(3);
    expect(vatFor({ netPence: -13, treatment: "standard" })).toBe(-3);
    expect(vatFor({ netPence: TEN_MILLION_POUNDS, treatment: "standard" })).toBe(200_000_000);
    for (const treatment of ["exempt", "zero", "outside_scope"] as const) expect(vatFor({ netPence: 90_000, treatment })).toBe(0);
    fc.assert(
      fc.property(pence, (netPence) => {
        const vat = vatFor({ netPence, treatment: "standard" });
        expect(Math.abs(vat * 100 - netPence * 20)).toBeLessThanOrEqual(50);
      }),
    );
  });

  it("sorts buyers for VAT", () => {
    expect(buyerType({ establishmentType: "la_maintained", laMaintained: true })).toBe("la_maintained");
    expect(buyerType({ establishmentType: "special", laMaintained: true })).toBe("la_maintained");
    expect(buyerType({ establishmentType: "academy", laMaintained: false })).toBe("academy");
    expect(buyerType({ establishmentType: "free", laMaintained: false })).toBe("academy");
    expect(buyerType({ establishmentType: "early_years_setting", laMaintained: false })).toBe("other");
    expect(buyerType({ establishmentType: "post_16_college", laMaintained: false })).toBe("other");
  });
});

describe("displayBalance", () => {
  it("shows credit-normal accounts positive and debit-normal ones as stored", () => {
    expect(displayBalance("consortium_pot", -2_420_000)).toBe(2_420_000);
    expect(displayBalance("provider_payable", -100)).toBe(100);
    expect(displayBalance("authority_funding", 2_420_000)).toBe(-2_420_000);
    expect(displayBalance("school_receivable", 100)).toBe(100);
    expect(Object.is(displayBalance("consortium_pot", 0), 0)).toBe(true);
  });
});
