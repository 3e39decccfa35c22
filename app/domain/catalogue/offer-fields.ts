// Names shared by the offer form's page and its schema (safe in the browser bundle).
import type { BuyerType } from "#db/schema";

/** The rows of price tiers the form offers (it works without JavaScript, so the count is fixed). */
export const TIER_ROWS = 5;
export const tierField = (row: number, part: "Min" | "Max" | "Price") => `tier${row}${part}`;
export const VAT_FIELDS: Record<BuyerType, string> = { la_maintained: "vatLaMaintained", academy: "vatAcademy", other: "vatOther" };
