import type { PriceTier, PricingModel } from "~/db.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { Table } from "./table";

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

/** The tier price table of an offer. */
export function PriceTierTable({ tiers, pricingModel, caption }: { tiers: readonly PriceTier[]; pricingModel: PricingModel | null; caption: string }) {
  return (
    <Table
      caption={caption}
      columns={[{ label: t("offer.tiers.schools") }, { label: t("offer.tiers.price"), numeric: true }]}
      rows={byMinSchools(tiers).map((tier) => ({ key: tier.minSchools, cells: [tierRangeText(tier), unitPriceText(tier.unitPricePence, pricingModel)] }))}
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
