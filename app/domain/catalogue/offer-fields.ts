// Names shared by the offer form's page and its schema (safe in the browser bundle).
import type { BuyerType } from "#db/schema/catalogue-vocabulary";

/** The rows of price tiers the form offers (it works without JavaScript, so the count is fixed). */
export const TIER_ROWS = 5;
export type TierPart = "min" | "max" | "price";
/** A price tier's field, as an item of the list `tiers`: `tiers[0].min` is the first row's "from" (rows count from 0). */
export const tierField = (index: number, part: TierPart) => `tiers[${index}].${part}`;
export const VAT_FIELDS: Record<BuyerType, string> = { la_maintained: "vatLaMaintained", academy: "vatAcademy", other: "vatOther" };
