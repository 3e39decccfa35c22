import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs } from "~/integrations/outbox-rules";

describe("outbox retries", () => {
  it("waits twice as long after each failure, from 30 seconds up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(60 * 60_000);
  });

  it("gives up after eight attempts spread over about an hour", () => {
    expect(MAX_ATTEMPTS).toBe(8);
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(60 * 60_000);
    expect(total).toBeLessThan(2 * 60 * 60_000);
  });
});
