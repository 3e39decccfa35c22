import { Text } from "@react-email/components";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type PotDecisionProps = {
  decision: "approved" | "refused";
  consortiumName: string;
  schoolName: string;
  offerTitle: string;
  amountPence: number;
  url: string;
};

export const subject = (p: PotDecisionProps) => t(`email.potDecision.subject.${p.decision}`, { offer: p.offerTitle });

export default function PotDecision(p: PotDecisionProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>
        {t(`email.potDecision.body.${p.decision}`, {
          consortium: p.consortiumName,
          amount: formatPence(p.amountPence),
          offer: p.offerTitle,
          school: p.schoolName,
        })}
      </Text>
      <ActionLink url={p.url} label={t("email.seeTheOrder")} />
    </EmailLayout>
  );
}

PotDecision.PreviewProps = {
  decision: "approved",
  consortiumName: "Avon Valley Consortium",
  schoolName: "Riverside Primary School",
  offerTitle: "Phonics leadership programme",
  amountPence: 95_000,
  url: "http://localhost:3000/purchases/00000000-0000-0000-0000-000000000000",
} satisfies PotDecisionProps;
