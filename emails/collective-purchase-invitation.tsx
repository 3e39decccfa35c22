import { Text } from "@react-email/components";
import type { PriceTier, PricingModel } from "~/db.server";
import { tierRangeText, unitPriceText } from "~/components/price-tiers";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type CollectivePurchaseInvitationProps = {
  consortiumName: string;
  offerTitle: string;
  openedByName: string;
  /** When joining closes, as an ISO instant or day. */
  closesOn: string;
  /** The offer's price tiers and what a tier's price is for. */
  tiers: PriceTier[];
  pricingModel: PricingModel;
  message: string;
  url: string;
};

export const subject = (p: CollectivePurchaseInvitationProps) => t("email.collectiveInvitation.subject", { consortium: p.consortiumName, offer: p.offerTitle });

export default function CollectivePurchaseInvitation(p: CollectivePurchaseInvitationProps) {
  const tiers = [...p.tiers].sort((a, b) => a.minSchools - b.minSchools);
  return (
    <EmailLayout preview={subject(p)} heading={t("email.collectiveInvitation.heading", { offer: p.offerTitle })}>
      <Text>{t("email.collectiveInvitation.body", { openedBy: p.openedByName, offer: p.offerTitle, consortium: p.consortiumName })}</Text>
      <Text>{t("email.collectiveInvitation.prices")}</Text>
      {tiers.map((tier) => (
        <Text key={tier.minSchools} style={{ margin: "4px 0" }}>
          {t("email.collectiveInvitation.tier", { schools: tierRangeText(tier), price: unitPriceText(tier.unitPricePence, p.pricingModel) })}
        </Text>
      ))}
      {p.message ? <Text>{t("email.quoted", { text: p.message })}</Text> : null}
      <Text>{t("email.collectiveInvitation.closes", { closesOn: formatDate(p.closesOn) })}</Text>
      <ActionLink url={p.url} label={t("email.collectivePurchase.button")} />
    </EmailLayout>
  );
}

CollectivePurchaseInvitation.PreviewProps = {
  consortiumName: "Avon Valley Primary Consortium",
  offerTitle: "Talk for Writing: whole-school training",
  openedByName: "Alex Morgan",
  closesOn: "2026-02-05",
  tiers: [
    { minSchools: 1, maxSchools: 4, unitPricePence: 90_000 },
    { minSchools: 5, maxSchools: 9, unitPricePence: 75_000 },
    { minSchools: 10, maxSchools: null, unitPricePence: 60_000 },
  ],
  pricingModel: "per_school",
  message: "Let's reach the £600 tier together.",
  url: "http://localhost:3000/collective-purchases/example",
} satisfies CollectivePurchaseInvitationProps;
