import { sql } from "drizzle-orm";

// Raw SQL answers come back as an array (postgres.js) or as { rows } (PGlite).
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/** Sums arrive as numeric text: pence stay exact well beyond 2^31. */
export const pence = (value: unknown) => Number(value ?? 0);

/** Adds the named counts of a row into a running total, and returns the total. */
export function addCounts<K extends string, T extends Record<K, number>>(total: T, row: Record<K, number>, keys: readonly K[]): T {
  for (const key of keys) (total as Record<K, number>)[key] += row[key];
  return total;
}

/**
 * The instant a London calendar day begins, as a constant the planner folds once. Reports compare
 * timestamps with these bounds ("paid_at >= start of 1 April") rather than turning every row's
 * timestamp into a London day: the same rows, but an index range and no per-row time zone work.
 */
export const londonMidnight = (day: string) => sql`((${day}::date)::timestamp at time zone 'Europe/London')`;

/** `column` falls on a London day from `from` up to, not including, `to`. */
export const londonDaysWithin = (column: ReturnType<typeof sql>, from: string, to: string) =>
  sql`${column} >= ${londonMidnight(from)} and ${column} < ${londonMidnight(to)}`;
