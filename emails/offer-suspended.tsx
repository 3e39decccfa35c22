import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type OfferSuspendedProps = { name: string; offerTitle: string; reason: string; url: string };

export const subject = (p: OfferSuspendedProps) => t("email.offerSuspended.subject", { offer: p.offerTitle });

export default function OfferSuspended(p: OfferSuspendedProps) {
  return (
    <EmailLayout preview={subject(p)} heading={t("email.offerSuspended.heading")}>
      <Dear name={p.name} />
      <Text>{t("email.offerSuspended.body", { offer: p.offerTitle })}</Text>
      <Text>{t("email.offerSuspended.reason", { reason: p.reason })}</Text>
      <ActionLink url={p.url} label={t("email.seeYourOffer")} />
    </EmailLayout>
  );
}

OfferSuspended.PreviewProps = {
  name: "Alex Morgan",
  offerTitle: "Phonics catch-up",
  reason: "Three schools reported sessions cancelled without notice this term.",
  url: "http://localhost:3000/provider/offers/example",
} satisfies OfferSuspendedProps;
