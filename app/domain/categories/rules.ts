// The authority's categorisation of its schools (no I/O here).
// England: Warwickshire's scheme (scrutiny report, June 2013), eight categories from 1 (outstanding)
// to 4 (inadequate); 3A to 4 trigger differentiated funding for the consortium to decide on.
// Wales: the national support categories, green to red; amber and red schools get the challenge
// adviser's budget for match funding and swift support (Central South business plan, item 21).
import { CATEGORY_SCHEMES } from "#db/schema/tenancy-vocabulary";
import type { MessageKey } from "~/i18n";

export type Nation = keyof typeof CATEGORY_SCHEMES;
export type Category = (typeof CATEGORY_SCHEMES)[Nation][number];

export const categoriesOf = (nation: Nation): readonly string[] => CATEGORY_SCHEMES[nation];

/** The category as the scheme spells it ("2a" -> "2A", "Amber" -> "amber"), or null when it is not one of the nation's. */
export function normaliseCategory(nation: Nation, value: string): string | null {
  const typed = value.trim().toLowerCase();
  return categoriesOf(nation).find((c) => c.toLowerCase() === typed) ?? null;
}

const DIFFERENTIATED: Record<Nation, readonly string[]> = { england: ["3A", "3B", "3C", "3D", "4"], wales: ["amber", "red"] };

/** Does a school in this category draw differentiated funding (or, in Wales, the adviser's budget)? */
export const triggersDifferentiatedFunding = (nation: Nation, category: string) => DIFFERENTIATED[nation].includes(category);

/** The message keys of the category's name and the support it is entitled to. */
export const categoryNameKey = (category: string) => `category.name.${category}` as MessageKey;
export const entitlementKey = (category: string) => `category.entitlement.${category}` as MessageKey;

/** The academic year (September to August) a day falls in: "2025-11-03" -> "2025/26". */
export function academicYearOf(day: string): string {
  const [y, m] = day.split("-").map(Number);
  const start = m >= 9 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** A date as people type it in a spreadsheet, "27/03/2026", "27-03-2026" or "2026-03-27", as yyyy-mm-dd; null when it is not a real date. */
export function parseDay(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]].map(Number) : uk ? [uk[3], uk[2], uk[1]].map(Number) : [NaN, NaN, NaN];
  if (!Number.isInteger(y) || y < 1990 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
