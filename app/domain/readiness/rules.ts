// The readiness review's rules (no I/O): the order of ratings, and how a consortium moved between two snapshots.
import { READINESS_JUDGEMENTS, READINESS_RATINGS, type ReadinessJudgement, type ReadinessRating } from "#db/schema/readiness-vocabulary";

export { READINESS_GROUPS, READINESS_GROUP_KEYS, READINESS_JUDGEMENTS, READINESS_RATINGS } from "#db/schema/readiness-vocabulary";
export type { ReadinessGroup, ReadinessJudgement, ReadinessRating } from "#db/schema/readiness-vocabulary";

export const isRating = (value: unknown): value is ReadinessRating => typeof value === "string" && (READINESS_RATINGS as readonly string[]).includes(value);
export const isJudgement = (value: unknown): value is ReadinessJudgement =>
  typeof value === "string" && (READINESS_JUDGEMENTS as readonly string[]).includes(value);

/** 0 for red up to 3 for green. */
export const ratingRank = (rating: ReadinessRating) => READINESS_RATINGS.indexOf(rating);

/** Orders ratings from weakest to strongest (negative when a is weaker). */
export const compareRatings = (a: ReadinessRating, b: ReadinessRating) => ratingRank(a) - ratingRank(b);

/** "new" where there was no earlier rating of the judgement to move from. */
export type Movement = "up" | "down" | "same" | "new";

export function movement(previous: ReadinessRating | null | undefined, current: ReadinessRating): Movement {
  if (!previous) return "new";
  const d = compareRatings(current, previous);
  return d > 0 ? "up" : d < 0 ? "down" : "same";
}

export type Ratings = Partial<Record<ReadinessJudgement, ReadinessRating>>;

/** Each judgement of the current snapshot against the one before it. */
export function movements(previous: Ratings | null, current: Ratings): Partial<Record<ReadinessJudgement, Movement>> {
  const out: Partial<Record<ReadinessJudgement, Movement>> = {};
  for (const j of READINESS_JUDGEMENTS) {
    const now = current[j];
    if (now) out[j] = movement(previous?.[j] ?? null, now);
  }
  return out;
}

/** How many judgements moved up, down or stayed, for a sentence under the grid. */
export function movementCounts(moves: Partial<Record<ReadinessJudgement, Movement>>) {
  const counts = { up: 0, down: 0, same: 0, new: 0 };
  for (const m of Object.values(moves)) if (m) counts[m] += 1;
  return counts;
}
