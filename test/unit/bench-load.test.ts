import { describe, expect, it } from "vitest";
import { combined } from "../bench/load";

describe("runs of a bench against one address, taken together", () => {
  it("count their requests over their time, and average their latencies by requests", () => {
    // 200 requests in 2 s, then 100 in 2 s: 300 in 4 s.
    const whole = combined([
      { requests: 200, errors: 1, rps: 100, p50: 10, p95: 20, p99: 40 },
      { requests: 100, errors: 2, rps: 50, p50: 40, p95: 50, p99: 70 },
    ]);
    expect(whole).toEqual({ requests: 300, errors: 3, rps: 75, p50: 20, p95: 30, p99: 50 });
  });

  it("of none, are nothing", () => {
    expect(combined([])).toMatchObject({ requests: 0, errors: 0, rps: 0 });
  });
});
