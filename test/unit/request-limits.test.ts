import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, SERVER_TIMEOUTS } from "~/request-limits.server";

describe("body limits", () => {
  it("gives every path the form limit unless a line of the table says otherwise", () => {
    const table = [{ path: /^\/offers\/[^/]+\/attachments$/, bytes: 20 * 1024 * 1024 }];
    expect(bodyLimitFor("/sign-in", table)).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/offers/abc/attachments", table)).toBe(20 * 1024 * 1024);
    // With JavaScript on, Remix posts the same form to the route's .data address.
    expect(bodyLimitFor("/offers/abc/attachments.data", table)).toBe(20 * 1024 * 1024);
    expect(bodyLimitFor("/sign-in.data", table)).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/offers/abc/attachments/x", table)).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/sign-in")).toBe(DEFAULT_BODY_LIMIT);
  });

  it("lets no request take longer than a minute, nor its headers a third of that", () => {
    expect(SERVER_TIMEOUTS.headersTimeout).toBeLessThan(SERVER_TIMEOUTS.requestTimeout);
    expect(SERVER_TIMEOUTS.requestTimeout).toBeLessThanOrEqual(60_000);
  });
});
