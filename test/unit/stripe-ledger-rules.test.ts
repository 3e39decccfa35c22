import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disputeStatusOf, isHandledEvent, milestoneParts, providerShareAfterRefunds } from "~/domain/payments/rules";
import "../setup/property-runs";

describe("a provider's share paid milestone by milestone", () => {
  it("is split evenly, the last milestone taking the odd pence", () => {
    expect(milestoneParts(100_000, 3)).toEqual([33_333, 33_333, 33_334]);
    expect(milestoneParts(90_000, 3)).toEqual([30_000, 30_000, 30_000]);
    expect(milestoneParts(5, 4)).toEqual([1, 1, 1, 2]);
    expect(milestoneParts(1, 3)).toEqual([0, 0, 1]);
    expect(milestoneParts(1_000, 0)).toEqual([]);
  });

  it("adds up to the share exactly, in whole pence that differ by less than the number of milestones", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 12 }), (share, count) => {
        const parts = milestoneParts(share, count);
        expect(parts).toHaveLength(count);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(share);
        expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
        expect(parts[count - 1] - parts[0]).toBeLessThan(count);
        expect(new Set(parts.slice(0, -1)).size).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("the provider's share after refunds", () => {
  it("is the share less the refunded proportion, rounded in the provider's favour, and nothing after a full refund", () => {
    expect(providerShareAfterRefunds({ sharePence: 90_000, refundedPence: 0, paidPence: 120_000 })).toBe(90_000);
    expect(providerShareAfterRefunds({ sharePence: 90_000, refundedPence: 30_000, paidPence: 120_000 })).toBe(67_500);
    expect(providerShareAfterRefunds({ sharePence: 100, refundedPence: 1, paidPence: 3 })).toBe(67);
    expect(providerShareAfterRefunds({ sharePence: 90_000, refundedPence: 120_000, paidPence: 120_000 })).toBe(0);
  });

  it("never goes below nothing or above the share, and falls as refunds grow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), fc.nat(), (share, paid, a, b) => {
        const [r1, r2] = [a % (paid + 1), b % (paid + 1)].sort((x, y) => x - y);
        const after = (refundedPence: number) => providerShareAfterRefunds({ sharePence: share, refundedPence, paidPence: paid });
        expect(after(r1)).toBeGreaterThanOrEqual(after(r2));
        expect(after(r1)).toBeLessThanOrEqual(share);
        expect(after(r2)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("a dispute's status", () => {
  it("is open until Stripe closes it won or lost", () => {
    expect(["warning_needs_response", "needs_response", "under_review", "warning_under_review"].map(disputeStatusOf)).toEqual(["open", "open", "open", "open"]);
    expect(disputeStatusOf("won")).toBe("won");
    expect(disputeStatusOf("warning_closed")).toBe("won");
    expect(disputeStatusOf("lost")).toBe("lost");
    expect(isHandledEvent("charge.dispute.closed")).toBe(true);
  });
});
