import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type CommissioningDecisionProps = {
  decision: "commissioned" | "not_chosen";
  providerName: string;
  needTitle: string;
  offerTitle: string;
  url: string;
};

export const subject = (p: CommissioningDecisionProps) => t(`email.commissioningDecision.subject.${p.decision}`, { need: p.needTitle });

export default function CommissioningDecision(p: CommissioningDecisionProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>{t(`email.commissioningDecision.body.${p.decision}`, { offer: p.offerTitle, provider: p.providerName, need: p.needTitle })}</Text>
      <ActionLink url={p.url} label={t("email.seeYourOffer")} />
    </EmailLayout>
  );
}

CommissioningDecision.PreviewProps = {
  decision: "commissioned",
  providerName: "Arden Teaching School Alliance",
  needTitle: "Early reading in Key Stage 1",
  offerTitle: "Phonics leadership programme",
  url: "http://localhost:3000/provider/offers/00000000-0000-0000-0000-000000000000",
} satisfies CommissioningDecisionProps;
