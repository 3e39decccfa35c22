import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cancellationRefusal,
  closesAtEndOf,
  documentNumber,
  documentPrefix,
  dueOn,
  paymentRoutesFor,
  quoteCollective,
  quoteSingle,
} from "~/domain/purchasing/rules";

const TIERS = [
  { minSchools: 1, maxSchools: 4, unitPricePence: 90_000 },
  { minSchools: 5, maxSchools: 9, unitPricePence: 75_000 },
  { minSchools: 10, maxSchools: null, unitPricePence: 60_000 },
];

describe("quoteCollective", () => {
  it("prices at the tier the schools reach, the pot paying its rule, the rest shared equally", () => {
    const participants = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, pupils: 100 + i, delegates: 1 }));
    const quote = quoteCollective({
      tiers: TIERS,
      model: "per_school",
      participants,
      rule: { percentBps: 1_000 },
      method: "equal",
      potAvailablePence: 1_000_000,
    })!;
    expect(quote).toMatchObject({ unitPricePence: 75_000, totalPence: 375_000, potPence: 37_500 });
    for (const c of quote.charges) expect(c).toMatchObject({ netPence: 75_000, potPence: 7_500, payableNetPence: 67_500, quantity: 1 });
  });

  it("charges per delegate and per pupil by the units each school brings", () => {
    const participants = [
      { id: "a", pupils: 210, delegates: 3 },
      { id: "b", pupils: 90, delegates: 1 },
    ];
    // One tier for any number of schools; each school's share follows the same unit as the price.
    const quote = (model: "per_delegate" | "per_pupil", unitPricePence: number) =>
      quoteCollective({ tiers: [{ minSchools: 1, maxSchools: null, unitPricePence }], model, participants, rule: {}, method: model, potAvailablePence: 0 })!;
    const delegates = quote("per_delegate", 15_000);
    expect(delegates.totalPence).toBe(60_000);
    expect(delegates.charges.map((c) => c.netPence)).toEqual([45_000, 15_000]);
    const pupils = quote("per_pupil", 3);
    expect(pupils.totalPence).toBe(900);
    expect(pupils.charges.map((c) => c.netPence)).toEqual([630, 270]);
  });

  it("is null when no tier covers the number of schools", () => {
    expect(
      quoteCollective({
        tiers: [{ minSchools: 3, maxSchools: null, unitPricePence: 100 }],
        model: "per_school",
        participants: [{ id: "a", pupils: 1, delegates: 1 }],
        rule: {},
        method: "equal",
        potAvailablePence: 0,
      }),
    ).toBeNull();
  });

  it("always adds up to the penny, never charges a school less than nothing and never takes more than the pot holds", () => {
    const participant = fc.record({ pupils: fc.integer({ min: 0, max: 2_000 }), delegates: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(
        fc.array(participant, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.record({
          percentBps: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
          perSchoolPence: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
          capPence: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
        }),
        fc.constantFrom("equal" as const, "per_pupil" as const, "per_delegate" as const),
        fc.constantFrom("per_school" as const, "per_delegate" as const, "per_pupil" as const, "fixed_package" as const),
        fc.integer({ min: 0, max: 100_000_000 }),
        (people, price, rule, method, model, potAvailablePence) => {
          const participants = people.map((p, i) => ({ id: `s${i}`, ...p }));
          const quote = quoteCollective({
            tiers: [{ minSchools: 1, maxSchools: null, unitPricePence: price }],
            model,
            participants,
            rule,
            method,
            potAvailablePence,
          })!;
          const sum = (f: (c: (typeof quote.charges)[number]) => number) => quote.charges.reduce((s, c) => s + f(c), 0);
          expect(sum((c) => c.netPence)).toBe(quote.totalPence);
          expect(sum((c) => c.potPence)).toBe(quote.potPence);
          expect(quote.potPence).toBeLessThanOrEqual(Math.min(potAvailablePence, quote.totalPence));
          for (const c of quote.charges) {
            expect(c.payableNetPence).toBeGreaterThanOrEqual(0);
            expect(c.potPence).toBeGreaterThanOrEqual(0);
            expect(c.netPence).toBe(c.potPence + c.payableNetPence);
          }
        },
      ),
    );
  });
});

describe("a school buying on its own", () => {
  it("pays the first tier, with VAT by its treatment", () => {
    expect(quoteSingle({ tiers: TIERS, model: "per_school", delegates: 1, pupils: 200, treatment: "standard" })).toEqual({
      unitPricePence: 90_000,
      quantity: 1,
      netPence: 90_000,
      vatPence: 18_000,
      grossPence: 108_000,
    });
    expect(quoteSingle({ tiers: TIERS, model: "per_delegate", delegates: 3, pupils: 200, treatment: "outside_scope" })).toMatchObject({
      quantity: 3,
      netPence: 270_000,
      vatPence: 0,
    });
    expect(
      quoteSingle({ tiers: [{ minSchools: 5, maxSchools: null, unitPricePence: 1 }], model: "per_school", delegates: 1, pupils: 1, treatment: "standard" }),
    ).toBeNull();
  });

  it("may pay by internal recharge only as a maintained school with a cost centre buying the authority's own services", () => {
    expect(paymentRoutesFor({ laMaintained: true, costCentre: "CC1", providerKind: "la_traded_services" })).toEqual(["internal_recharge", "invoice"]);
    expect(paymentRoutesFor({ laMaintained: true, costCentre: null, providerKind: "la_traded_services" })).toEqual(["invoice"]);
    expect(paymentRoutesFor({ laMaintained: false, costCentre: "CC1", providerKind: "la_traded_services" })).toEqual(["invoice"]);
    expect(paymentRoutesFor({ laMaintained: true, costCentre: "CC1", providerKind: "teaching_school" })).toEqual(["invoice"]);
    expect(paymentRoutesFor({ laMaintained: false, costCentre: null, providerKind: "teaching_school", consortiumId: "c1" })).toEqual([
      "invoice",
      "consortium_pot",
    ]);
  });
});

describe("cancellation terms", () => {
  const now = new Date("2026-01-05T10:00:00Z");
  it("allows cancelling before the notice period and refuses after it, after delivery or twice", () => {
    expect(cancellationRefusal({ status: "placed", deliveryStartsOn: null, noticeDays: 14, now })).toBeNull();
    expect(cancellationRefusal({ status: "confirmed", deliveryStartsOn: "2026-01-20", noticeDays: 14, now })).toBeNull();
    expect(cancellationRefusal({ status: "confirmed", deliveryStartsOn: "2026-01-19", noticeDays: 14, now })).toMatch(/14 days/);
    expect(cancellationRefusal({ status: "delivered", deliveryStartsOn: null, noticeDays: 14, now })).toMatch(/delivered/);
    expect(cancellationRefusal({ status: "cancelled", deliveryStartsOn: null, noticeDays: 14, now })).toMatch(/already/);
  });
});

describe("documents", () => {
  it("numbers invoices, credit notes and due dates", () => {
    expect(documentPrefix("arden")).toBe("ARD");
    expect(documentPrefix("glan-teifi")).toBe("GLA");
    expect(documentPrefix("--")).toBe("INV");
    expect(documentNumber({ prefix: "ARD", series: "invoice", year: 2026, value: 123 })).toBe("ARD-2026-000123");
    expect(documentNumber({ prefix: "ARD", series: "credit_note", year: 2026, value: 7 })).toBe("ARD-CN-2026-000007");
    expect(dueOn(new Date("2026-01-05T10:00:00Z"))).toBe("2026-02-04");
  });
});

describe("when a collective purchase closes", () => {
  it("is the end of its closing day in London, summer or winter", () => {
    expect(closesAtEndOf("2026-07-15").toISOString()).toBe("2026-07-15T22:59:59.000Z");
    expect(closesAtEndOf("2026-12-15").toISOString()).toBe("2026-12-15T23:59:59.000Z");
    expect(closesAtEndOf("2026-03-29").toISOString()).toBe("2026-03-29T22:59:59.000Z");
    expect(closesAtEndOf("2026-10-25").toISOString()).toBe("2026-10-25T23:59:59.000Z");
  });
});
