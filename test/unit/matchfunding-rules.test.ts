import { describe, expect, it } from "vitest";
import {
  adjustments,
  allocate,
  chargedByRecharge,
  countDocuments,
  matchDocuments,
  paysMatchByRecharge,
  postingLines,
  type MatchHolding,
  type PostingLine,
  type SchoolInput,
} from "~/domain/funding/rules";

const line = (schoolId: string, amountPence: number): PostingLine => ({ key: `match:${schoolId}`, kind: "match", consortiumId: "c", schoolId, amountPence });
const holding = (over: Partial<MatchHolding> = {}): MatchHolding => ({ byRecharge: false, invoices: [], recharged: false, ...over });

describe("raising schools' match funding as documents", () => {
  it("recharges a maintained school with a cost centre unless the authority invoices it, and invoices any other", () => {
    expect(paysMatchByRecharge({ laMaintained: true, costCentre: "K2001", byInvoice: false })).toBe(true);
    expect(paysMatchByRecharge({ laMaintained: true, costCentre: "K2001", byInvoice: true })).toBe(false);
    expect(paysMatchByRecharge({ laMaintained: true, costCentre: null, byInvoice: false })).toBe(false);
    expect(paysMatchByRecharge({ laMaintained: false, costCentre: "X", byInvoice: false })).toBe(false);
  });

  it("raises an invoice or a recharge line for each signed school's match, to the penny, and nothing for the pots' lines", () => {
    const schools: SchoolInput[] = [
      { id: "a", name: "A", consortiumId: "c", pupils: 211, phase: "primary", category: null, signedMou: true, byRecharge: false },
      { id: "b", name: "B", consortiumId: "c", pupils: 99, phase: "primary", category: null, signedMou: true, byRecharge: true },
      { id: "u", name: "U", consortiumId: "c", pupils: 500, phase: "primary", category: null, signedMou: false, byRecharge: false },
    ];
    const allocation = allocate(
      [
        { kind: "match", label: "Match", ratePence: 537 },
        { kind: "per_pupil", label: "Per pupil", phase: "all", basis: "rate", amountPence: 100 },
      ],
      [{ id: "c", name: "C" }],
      schools,
    );
    const lines = postingLines(allocation);
    const docs = matchDocuments(
      lines,
      new Map([
        ["a", holding()],
        ["b", holding({ byRecharge: true })],
        ["u", holding()],
      ]),
    );
    expect(docs).toEqual([
      { schoolId: "a", how: "invoice", amountPence: 211 * 537 },
      { schoolId: "b", how: "recharge", amountPence: 99 * 537 },
    ]);
    expect(countDocuments(docs)).toEqual({ invoice: 1, recharge: 1, credit_note: 0, ledger_only: 0 });
    // Applied again with the same figures, the difference is nothing and nothing is raised.
    const posted = new Map(lines.map((l) => [l.key, l]));
    expect(matchDocuments(adjustments(lines, posted), new Map())).toEqual([]);
  });

  it("raises only the difference of a revision: an extra invoice when more, credit notes newest first when less", () => {
    expect(
      matchDocuments([line("a", 1_000)], new Map([["a", holding({ invoices: [{ invoiceId: "i1", number: "ARD-2026-000001", creditablePence: 5_000 }] })]])),
    ).toEqual([{ schoolId: "a", how: "invoice", amountPence: 1_000 }]);
    const held = holding({
      invoices: [
        { invoiceId: "i2", number: "ARD-2026-000009", creditablePence: 1_000 },
        { invoiceId: "i1", number: "ARD-2026-000001", creditablePence: 5_000 },
      ],
    });
    const [doc] = matchDocuments([line("a", -2_500)], new Map([["a", held]]));
    expect(doc).toEqual({
      schoolId: "a",
      how: "credit_note",
      amountPence: -2_500,
      credits: [
        { invoiceId: "i2", number: "ARD-2026-000009", amountPence: 1_000 },
        { invoiceId: "i1", number: "ARD-2026-000001", amountPence: 1_500 },
      ],
    });
    expect(chargedByRecharge(doc, held)).toBe(false);
    expect(countDocuments([doc])).toEqual({ invoice: 0, recharge: 0, credit_note: 2, ledger_only: 0 });
    // More taken back than is left on the invoices: the rest falls on the newest, which then owes the school.
    const [over] = matchDocuments([line("a", -7_000)], new Map([["a", held]]));
    expect(over.how === "credit_note" && over.credits).toEqual([
      { invoiceId: "i2", number: "ARD-2026-000009", amountPence: 2_000 },
      { invoiceId: "i1", number: "ARD-2026-000001", amountPence: 5_000 },
    ]);
  });

  it("takes a recharged school's lower match back by a negative recharge line, and keeps a lower match with nothing raised before in the ledger only", () => {
    const recharged = holding({ byRecharge: true, recharged: true });
    const [back] = matchDocuments([line("b", -300)], new Map([["b", recharged]]));
    expect(back).toEqual({ schoolId: "b", how: "recharge", amountPence: -300 });
    expect(chargedByRecharge(back, recharged)).toBe(true);
    const [bare] = matchDocuments([line("c", -300)], new Map([["c", holding()]]));
    expect(bare).toEqual({ schoolId: "c", how: "ledger_only", amountPence: -300 });
    expect(chargedByRecharge(bare, holding())).toBe(false);
    expect(chargedByRecharge(bare, holding({ byRecharge: true }))).toBe(true);
  });
});
