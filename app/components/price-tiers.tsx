import type { PriceTier, PricingModel } from "~/db.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";

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
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {t("offer.tiers.schools")}
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            {t("offer.tiers.price")}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {byMinSchools(tiers).map((tier) => (
          <tr className="govuk-table__row" key={tier.minSchools}>
            <th scope="row" className="govuk-table__header">
              {tierRangeText(tier)}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{unitPriceText(tier.unitPricePence, pricingModel)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
