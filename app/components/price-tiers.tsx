import type { PriceTier, PricingModel } from "~/db.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { ItemTable } from "./table";

/** "1 to 4 schools", "10 or more schools", "1 school". */
export function tierRangeText({ minSchools, maxSchools }: Pick<PriceTier, "minSchools" | "maxSchools">): string {
  if (maxSchools === null) return t("offer.tiers.from", { min: minSchools });
  if (minSchools === maxSchools) return minSchools === 1 ? t("offer.tiers.one") : t("offer.tiers.exactly", { min: minSchools });
  return t("offer.tiers.range", { min: minSchools, max: maxSchools });
}

/** "£900.00 each school" */
export const unitPriceText = (pence: number, model: PricingModel | null) =>
  model ? t("offer.tiers.unitPrice", { price: formatPence(pence), unit: t(`pricingUnit.${model}`) }) : formatPence(pence);

const byMinSchools = (tiers: readonly PriceTier[]) => [...tiers].sort((a, b) => a.minSchools - b.minSchools);

/**
 * The range of prices by the number of schools buying together, from the tiers: "£950.00 each school
 * for 1 school, down to £750.00 for 10 or more schools"; one tier is just its price.
 */
export function priceRangeText(tiers: readonly PriceTier[], model: PricingModel | null): string | null {
  const sorted = byMinSchools(tiers);
  if (sorted.length === 0) return null;
  const first = sorted[0];
  if (sorted.length === 1) return unitPriceText(first.unitPricePence, model);
  const cheapest = sorted.reduce((best, tier) => (tier.unitPricePence < best.unitPricePence ? tier : best), first);
  if (cheapest === first) return unitPriceText(first.unitPricePence, model);
  return t("offer.tiers.priceRange", {
    first: unitPriceText(first.unitPricePence, model),
    firstSchools: tierRangeText(first),
    low: formatPence(cheapest.unitPricePence),
    lowSchools: tierRangeText(cheapest),
  });
}

/** The tier price table of an offer. */
export function PriceTierTable({ tiers, pricingModel, caption }: { tiers: readonly PriceTier[]; pricingModel: PricingModel | null; caption: string }) {
  return (
    <ItemTable
      caption={caption}
      columns={[
        { label: t("offer.tiers.schools"), cell: (tier) => tierRangeText(tier) },
        { label: t("offer.tiers.price"), numeric: true, cell: (tier) => unitPriceText(tier.unitPricePence, pricingModel) },
      ]}
      items={byMinSchools(tiers)}
      rowKey={(tier) => tier.minSchools}
    />
  );
}

/** The tiers as a short list, for the compare table. */
export function PriceTierList({ tiers, pricingModel }: { tiers: readonly PriceTier[]; pricingModel: PricingModel | null }) {
  return (
    <ul className="govuk-list">
      {byMinSchools(tiers).map((tier) => (
        <li key={tier.minSchools}>
          {tierRangeText(tier)}: {unitPriceText(tier.unitPricePence, pricingModel)}
        </li>
      ))}
    </ul>
  );
}
