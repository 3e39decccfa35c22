// The rules of delivery and evaluation, free of I/O: places and the waiting list, what may be
// marked or confirmed when, how evaluations add up to an offer's rating, and when a poor rating
// sends the offer back to the QA panel.
import { TZDate } from "@date-fns/tz";
import { t } from "~/i18n";

export const LONDON = "Europe/London";

/** An evaluation scores quality, impact and value for money from 1 to 4 each. */
export const SCORES = [1, 2, 3, 4] as const;
export type Score = (typeof SCORES)[number];
export type Scores = { quality: number; impact: number; valueForMoney: number };

/** The default line: under 2.5 from 3 or more evaluations. */
export const DEFAULT_RATING_SETTINGS = { thresholdHundredths: 250, minEvaluations: 3 } as const;
export type RatingSettings = { thresholdHundredths: number; minEvaluations: number };
export type RatingTotals = { evaluations: number; scoreSum: number };

/** One evaluation's contribution to the offer's rating: quality + impact + value for money (3 to 12). */
export const scoreOf = (s: Scores) => s.quality + s.impact + s.valueForMoney;

/** The offer's average, 1 to 4, or null before any evaluation. */
export const averageRating = ({ evaluations, scoreSum }: RatingTotals): number | null => (evaluations > 0 ? scoreSum / (3 * evaluations) : null);

/** The average rounded to one decimal as people read it ("3.4"). */
export const ratingLabel = (totals: RatingTotals) => {
  const average = averageRating(totals);
  return average === null ? null : (Math.round(average * 10) / 10).toFixed(1);
};

/** An evaluation's overall score as a whole point, halves rounded up: the bar it adds to in the distribution. */
export const overallPoint = (s: Scores): Score => {
  // (sum / 3) rounded half up, in integers: floor((2 * sum + 3) / 6).
  const point = Math.floor((2 * scoreOf(s) + 3) / 6);
  return Math.min(4, Math.max(1, point)) as Score;
};

/** How many evaluations landed on each whole point, 4 first as people read a rating. */
export function ratingDistribution(evaluations: readonly Scores[]): { point: Score; count: number }[] {
  const counts = new Map<Score, number>(SCORES.map((s) => [s, 0]));
  for (const e of evaluations) counts.set(overallPoint(e), counts.get(overallPoint(e))! + 1);
  return [...SCORES].reverse().map((point) => ({ point, count: counts.get(point)! }));
}

/** Adding (or taking back) one evaluation's scores. */
export const addEvaluation = (totals: RatingTotals, s: Scores): RatingTotals => ({
  evaluations: totals.evaluations + 1,
  scoreSum: totals.scoreSum + scoreOf(s),
});

/**
 * Below the authority's line over enough evaluations. In integers, so a rating of exactly the
 * threshold is never below it by a rounding error: sum / (3n) < T / 100  <=>  100 sum < 3 n T.
 */
export function isBelowThreshold(totals: RatingTotals, settings: RatingSettings): boolean {
  return (
    totals.evaluations >= settings.minEvaluations && totals.evaluations > 0 && 100 * totals.scoreSum < 3 * totals.evaluations * settings.thresholdHundredths
  );
}

/**
 * A poor rating sends the offer back to the panel once per approval: not again while the
 * re-review it started is under way, but again if the panel re-approves and ratings stay poor.
 */
export function triggersReReview({
  totals,
  settings,
  reReviewRequestedAt,
  approvedAt,
}: {
  totals: RatingTotals;
  settings: RatingSettings;
  reReviewRequestedAt: Date | null;
  approvedAt: Date | null;
}): boolean {
  if (!isBelowThreshold(totals, settings)) return false;
  if (!reReviewRequestedAt) return true;
  return approvedAt !== null && approvedAt.getTime() > reReviewRequestedAt.getTime();
}

export type PlaceForList = { id: string; status: "booked" | "waiting" | "cancelled"; requestedAt: Date };

/** A new request gets a place while the session has one free, otherwise joins the waiting list. */
export const statusOnRequest = ({ capacity, booked }: { capacity: number; booked: number }): "booked" | "waiting" => (booked < capacity ? "booked" : "waiting");

/** The waiting list in its order: first asked, first offered (ties by id, so the order is total). */
export function waitingList<P extends PlaceForList>(places: readonly P[]): P[] {
  return places
    .filter((p) => p.status === "waiting")
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The waiting places that now get a place: as many as are free, from the head of the list. */
export function promotions<P extends PlaceForList>({ capacity, places }: { capacity: number; places: readonly P[] }): P[] {
  const booked = places.filter((p) => p.status === "booked").length;
  const free = Math.max(0, capacity - booked);
  return waitingList(places).slice(0, free);
}

/** A school names at most as many delegates on a session as it bought places for (at least one). */
export const mayNameAnother = ({ bought, named }: { bought: number; named: number }) => named < Math.max(1, bought);

export type OrderForDelivery = { status: "placed" | "confirmed" | "cancelled" | "delivered"; potRequest: "requested" | "approved" | "refused" | null };

/** Why the provider cannot mark this order delivered, or null. */
export function deliveryRefusal(order: OrderForDelivery, milestones: readonly { deliveredAt: Date | null }[]): string | null {
  if (order.status === "cancelled") return t("delivery.refusal.cancelled");
  if (order.status === "delivered") return t("delivery.refusal.alreadyDelivered");
  if (order.potRequest === "requested" || order.potRequest === "refused") return t("delivery.refusal.waitingForPot");
  if (milestones.some((m) => !m.deliveredAt)) return t("delivery.refusal.milestonesFirst");
  return null;
}

/** Why the school cannot confirm or dispute the delivery, or null. */
export function confirmationRefusal(order: Pick<OrderForDelivery, "status">, answered: boolean): string | null {
  if (order.status !== "delivered") return t("delivery.refusal.notDeliveredYet");
  if (answered) return t("delivery.refusal.alreadyAnswered");
  return null;
}

/** Why the order cannot be evaluated yet, or null. */
export function evaluationRefusal(order: Pick<OrderForDelivery, "status">, confirmation: "confirmed" | "disputed" | null, evaluated: boolean): string | null {
  if (order.status !== "delivered") return t("delivery.refusal.evaluateOnceDelivered");
  if (confirmation === "disputed") return t("delivery.refusal.disputed");
  if (evaluated) return t("delivery.refusal.alreadyEvaluated");
  return null;
}

export const REMINDER_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

/** A delivered order nobody has evaluated is reminded two weeks after delivery, then every two weeks. */
export function dueForReminder({
  deliveredAt,
  remindedAt,
  evaluated,
  now,
}: {
  deliveredAt: Date;
  remindedAt: Date | null;
  evaluated: boolean;
  now: Date;
}): boolean {
  if (evaluated) return false;
  const since = remindedAt ?? deliveredAt;
  return now.getTime() - since.getTime() >= REMINDER_DAYS * DAY;
}

/** "14:30" or "9:05" as hours and minutes, or null. */
export function parseTime(value: string): { hours: number; minutes: number } | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? { hours, minutes } : null;
}

/** The instant a London wall-clock time names ("2026-03-29", 10:30 is 09:30 UTC in summer time). */
export function londonInstant(day: string, time: { hours: number; minutes: number }): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date, time.hours, time.minutes, 0, LONDON).getTime());
}
