// The words for an invoice line's basis, shared by every page that shows an invoice.
import type { InvoiceLineBasis } from "#db/schema/purchasing-vocabulary";
import { formatPence } from "~/format";
import { t } from "~/i18n";

const count = (n: number) => n.toLocaleString("en-GB");

/** The sentences that explain a share: the tier's price and total, the rule, and the cap when there is one. */
export function basisSentences(basis: InvoiceLineBasis | null | undefined): string[] {
  if (!basis || basis.kind !== "collective_share") return [];
  const sentences = [
    t(`invoiceLine.basis.tier.${basis.model}`, {
      count: basis.schools,
      units: count(basis.units),
      price: formatPence(basis.tierUnitPricePence),
      total: formatPence(basis.totalPence),
    }),
    t(`invoiceLine.basis.share.${basis.method}`, { count: basis.schools, mine: count(basis.mine), of: count(basis.of) }),
  ];
  if (basis.capAtSolo) sentences.push(t("invoiceLine.basis.capAtSolo"));
  return sentences;
}
