import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type OfferSubmittedProps = {
  reviewerName: string;
  offerTitle: string;
  providerName: string;
  revisionNumber: number;
  url: string;
};

export const subject = (p: OfferSubmittedProps) => t("email.offerSubmitted.subject", { offer: p.offerTitle });

export default function OfferSubmitted(p: OfferSubmittedProps) {
  return (
    <EmailLayout preview={subject(p)} heading={t("email.offerSubmitted.heading")}>
      <Dear name={p.reviewerName} />
      <Text>{t("email.offerSubmitted.body", { provider: p.providerName, offer: p.offerTitle, revision: p.revisionNumber })}</Text>
      <Text>{t("email.offerSubmitted.conflict")}</Text>
      <ActionLink url={p.url} label={t("email.offerSubmitted.button")} />
    </EmailLayout>
  );
}

OfferSubmitted.PreviewProps = {
  reviewerName: "Sam Patel",
  offerTitle: "Talk for Writing: whole-school training",
  providerName: "Kingsbury Teaching School Alliance",
  revisionNumber: 1,
  url: "http://localhost:3000/qa/reviews/example",
} satisfies OfferSubmittedProps;
