import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareRatings,
  movement,
  movementCounts,
  movements,
  ratingRank,
  READINESS_GROUPS,
  READINESS_JUDGEMENTS,
  READINESS_RATINGS,
  type Ratings,
} from "~/domain/readiness/rules";

const rating = fc.constantFrom(...READINESS_RATINGS);
const ratings = fc.dictionary(fc.constantFrom(...READINESS_JUDGEMENTS), rating) as fc.Arbitrary<Ratings>;

describe("the readiness review's judgements and ratings", () => {
  it("are twelve judgements in three groups of four, rated from red up to green", () => {
    expect(Object.values(READINESS_GROUPS).map((g) => g.length)).toEqual([4, 4, 4]);
    expect(new Set(READINESS_JUDGEMENTS).size).toBe(12);
    expect(READINESS_RATINGS).toEqual(["red", "amber_red", "amber_green", "green"]);
    expect(compareRatings("amber_green", "amber_red")).toBeGreaterThan(0);
    expect(compareRatings("red", "green")).toBeLessThan(0);
  });

  it("orders ratings as a total order: antisymmetric, transitive, zero only for the same rating", () => {
    fc.assert(
      fc.property(rating, rating, rating, (a, b, c) => {
        expect(Math.sign(compareRatings(a, b)) + Math.sign(compareRatings(b, a))).toBe(0);
        expect(compareRatings(a, b) === 0).toBe(a === b);
        if (compareRatings(a, b) <= 0 && compareRatings(b, c) <= 0) expect(compareRatings(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("moves up when the rating is stronger than before, down when weaker, and is the same otherwise", () => {
    expect(movement("amber_red", "amber_green")).toBe("up");
    expect(movement("green", "red")).toBe("down");
    expect(movement("red", "red")).toBe("same");
    expect(movement(null, "green")).toBe("new");
    fc.assert(
      fc.property(rating, rating, (before, after) => {
        const m = movement(before, after);
        expect(m).toBe(ratingRank(after) > ratingRank(before) ? "up" : ratingRank(after) < ratingRank(before) ? "down" : "same");
        // Going back is the opposite movement.
        const back = movement(after, before);
        expect({ up: "down", down: "up", same: "same" }[m as "up" | "down" | "same"]).toBe(back);
      }),
    );
  });

  it("gives every judgement of the current snapshot one movement, counted once", () => {
    fc.assert(
      fc.property(fc.option(ratings, { nil: null }), ratings, (previous, current) => {
        const moves = movements(previous, current);
        expect(Object.keys(moves).sort()).toEqual(Object.keys(current).sort());
        for (const [j, m] of Object.entries(moves)) expect(m).toBe(movement(previous?.[j as keyof Ratings] ?? null, current[j as keyof Ratings]!));
        const counts = movementCounts(moves);
        expect(counts.up + counts.down + counts.same + counts.new).toBe(Object.keys(current).length);
        expect(movements(current, current)).toEqual(Object.fromEntries(Object.keys(current).map((j) => [j, "same"])));
      }),
    );
  });
});
