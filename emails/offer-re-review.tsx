import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type OfferReReviewProps = {
  name: string;
  offerTitle: string;
  providerName: string;
  /** "2.2" */
  average: string;
  evaluations: number;
  /** "2.5" */
  threshold: string;
  /** Who reads it: the lead commissioner, or the provider whose offer it is. */
  audience: "commissioner" | "provider";
  url: string;
};

export const subject = (p: OfferReReviewProps) => t("email.offerReReview.subject", { offer: p.offerTitle });

export default function OfferReReview(p: OfferReReviewProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Dear name={p.name} />
      <Text>
        {t("email.offerReReview.body", { offer: p.offerTitle, provider: p.providerName, average: p.average, count: p.evaluations, threshold: p.threshold })}
      </Text>
      <Text>{t(`email.offerReReview.${p.audience}`)}</Text>
      <ActionLink url={p.url} label={t("email.seeTheOffer")} />
    </EmailLayout>
  );
}

OfferReReview.PreviewProps = {
  name: "Rachel Dunmore",
  offerTitle: "Phonics leadership programme",
  providerName: "Arden Traded Services",
  average: "2.2",
  evaluations: 3,
  threshold: "2.5",
  audience: "commissioner",
  url: "http://localhost:3000/commissioning/offers/00000000-0000-0000-0000-000000000000",
} satisfies OfferReReviewProps;
