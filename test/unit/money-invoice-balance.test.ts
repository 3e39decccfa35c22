import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invoiceBalance } from "~/domain/purchasing/invoice-balance";

describe("what an invoice asks for now", () => {
  it("asks for the total while nothing is credited or paid", () => {
    expect(invoiceBalance({ grossPence: 110_000, creditedPence: 0, paidPence: 0 })).toMatchObject({ duePence: 110_000, owedBackPence: 0 });
  });
  it("asks for nothing after a full credit", () => {
    expect(invoiceBalance({ grossPence: 110_000, creditedPence: 110_000, paidPence: 0 })).toMatchObject({ duePence: 0, owedBackPence: 0 });
  });
  it("asks for the remainder after a part credit", () => {
    expect(invoiceBalance({ grossPence: 110_000, creditedPence: 30_000, paidPence: 0 })).toMatchObject({ duePence: 80_000, owedBackPence: 0 });
  });
  it("owes the school its money back when a paid invoice is credited", () => {
    expect(invoiceBalance({ grossPence: 108_000, creditedPence: 108_000, paidPence: 108_000 })).toMatchObject({ duePence: 0, owedBackPence: 108_000 });
  });
  it("always accounts for every penny: total = due + credited + paid − owed back", () => {
    const pence = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(pence, pence, pence, (grossPence, creditedPence, paidPence) => {
        const b = invoiceBalance({ grossPence, creditedPence, paidPence });
        expect(b.duePence).toBeGreaterThanOrEqual(0);
        expect(b.owedBackPence).toBeGreaterThanOrEqual(0);
        expect(b.duePence + creditedPence + paidPence - b.owedBackPence).toBe(grossPence);
      }),
    );
  });
});
