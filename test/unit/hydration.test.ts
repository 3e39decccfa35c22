import { describe, expect, it } from "vitest";
import { hydrates, noHydration } from "~/hydration";

describe("whether a page comes to life in the browser", () => {
  it("does unless one of its routes says it need not", () => {
    expect(hydrates([])).toBe(true);
    expect(hydrates([{ handle: undefined }, { handle: { other: 1 } }, { handle: { hydrate: true } }])).toBe(true);
    expect(hydrates([{ handle: undefined }, { handle: noHydration }])).toBe(false);
    expect(hydrates([{ handle: noHydration }, { handle: { hydrate: true } }])).toBe(false);
  });
});
