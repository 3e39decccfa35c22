import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateShare, type Participant, quoteCollective, shareCost, shareCostCappedAtSolo, type ShareMethod } from "~/domain/purchasing/rules";

const methods = fc.constantFrom<ShareMethod>("equal", "per_pupil", "per_delegate");
const school = fc.record({
  pupils: fc.integer({ min: 0, max: 3_000 }),
  delegates: fc.integer({ min: 0, max: 40 }),
  solo: fc.integer({ min: 0, max: 5_000_000 }),
});
const schools = fc.array(school, { minLength: 1, maxLength: 40 });

const setUp = (rows: { pupils: number; delegates: number; solo: number }[]) => {
  const participants: Participant[] = rows.map((r, i) => ({ id: `s${i}`, pupils: r.pupils, delegates: r.delegates }));
  const soloPence = new Map(rows.map((r, i) => [`s${i}`, r.solo]));
  return { participants, soloPence };
};

describe("no school pays more than it would buying alone", () => {
  it("allocates every penny, keeps each school at or under its solo price when that is possible, and answers the same every time", () => {
    fc.assert(
      fc.property(schools, methods, fc.integer({ min: 0, max: 100_000_000 }), (rows, method, totalPence) => {
        const { participants, soloPence } = setUp(rows);
        const shares = shareCostCappedAtSolo({ totalPence, method, participants, soloPence });
        const values = participants.map((p) => shares.get(p.id)!);
        expect(values.reduce((a, b) => a + b, 0)).toBe(totalPence);
        for (const v of values) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        const feasible = rows.reduce((a, r) => a + r.solo, 0) >= totalPence;
        if (feasible) participants.forEach((_, i) => expect(values[i]).toBeLessThanOrEqual(rows[i].solo));
        else expect(shares).toEqual(shareCost({ totalPence, method, participants }));
        expect(shareCostCappedAtSolo({ totalPence, method, participants, soloPence })).toEqual(shares);
      }),
      { numRuns: 500 },
    );
  });

  it("changes nothing when nobody is over their solo price", () => {
    fc.assert(
      fc.property(schools, methods, fc.integer({ min: 0, max: 1_000_000 }), (rows, method, totalPence) => {
        const { participants } = setUp(rows);
        const generous = new Map(participants.map((p) => [p.id, totalPence]));
        expect(shareCostCappedAtSolo({ totalPence, method, participants, soloPence: generous })).toEqual(shareCost({ totalPence, method, participants }));
      }),
    );
  });

  it("a worked example: a large school shared per pupil is capped at its solo price and the excess spread by pupils", () => {
    // £3,000 shared per pupil among 900, 60 and 40 pupils would charge the large school £2,700; alone it pays £1,200.
    const participants = [
      { id: "large", pupils: 900, delegates: 1 },
      { id: "small", pupils: 60, delegates: 1 },
      { id: "tiny", pupils: 40, delegates: 1 },
    ];
    const soloPence = new Map([
      ["large", 120_000],
      ["small", 120_000],
      ["tiny", 120_000],
    ]);
    const shares = shareCostCappedAtSolo({ totalPence: 300_000, method: "per_pupil", participants, soloPence });
    // The £1,800 left is spread 60:40, so £1,080 and £720.
    expect(Object.fromEntries(shares)).toEqual({ large: 120_000, small: 108_000, tiny: 72_000 });
  });

  it("in a collective quote, the pot's part follows the capped shares and the orders add up", () => {
    const quote = quoteCollective({
      tiers: [
        { minSchools: 1, maxSchools: 2, unitPricePence: 1_000 },
        { minSchools: 3, maxSchools: null, unitPricePence: 900 },
      ],
      model: "per_pupil",
      participants: [
        { id: "a", pupils: 100, delegates: 1 },
        { id: "b", pupils: 10, delegates: 1 },
        { id: "c", pupils: 10, delegates: 1 },
      ],
      rule: { percentBps: 1_000 },
      method: "equal",
      potAvailablePence: 1_000_000,
      capAtSolo: true,
    })!;
    // £1,080.00 at 120 pupils × £9.00; equal thirds would charge b and c £360.00 each, above their £100.00 alone.
    expect(quote.totalPence).toBe(108_000);
    const net = Object.fromEntries(quote.charges.map((c) => [c.id, c.netPence]));
    expect(net).toEqual({ a: 88_000, b: 10_000, c: 10_000 });
    expect(quote.charges.reduce((s, c) => s + c.potPence, 0)).toBe(quote.potPence);
    for (const c of quote.charges) expect(c.potPence + c.payableNetPence).toBe(c.netPence);
  });
});

describe("a school's estimated share before it joins", () => {
  const tiers = [
    { minSchools: 1, maxSchools: 4, unitPricePence: 90_000 },
    { minSchools: 5, maxSchools: null, unitPricePence: 75_000 },
  ];
  const joined = [1, 2, 3].map((i) => ({ id: `j${i}`, pupils: 200, delegates: 1 }));
  it("at the tier its joining reaches and at the next", () => {
    const estimate = estimateShare({
      tiers,
      model: "per_school",
      joined,
      school: { id: "me", pupils: 200, delegates: 1 },
      rule: { percentBps: 1_000 },
      method: "equal",
      capAtSolo: false,
      potAvailablePence: 10_000_000,
      vatTreatment: "standard",
      nextSchoolsNeeded: 2,
    });
    // Joining makes 4 schools at £900.00: the pot pays £90.00, VAT £180.00 on the whole £900.00, the school £990.00.
    expect(estimate.now).toEqual({ schools: 4, unitPricePence: 90_000, netPence: 90_000, potPence: 9_000, vatPence: 18_000, payablePence: 99_000 });
    // One more school makes 5 at £750.00: £675.00 + £150.00.
    expect(estimate.next).toEqual({ schools: 5, unitPricePence: 75_000, netPence: 75_000, potPence: 7_500, vatPence: 15_000, payablePence: 82_500 });
  });
});
