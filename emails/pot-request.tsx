import { Text } from "@react-email/components";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type PotRequestProps = {
  consortiumName: string;
  schoolName: string;
  offerTitle: string;
  amountPence: number;
  url: string;
};

export const subject = (p: PotRequestProps) => t("email.potRequest.subject", { school: p.schoolName, consortium: p.consortiumName });

export default function PotRequest(p: PotRequestProps) {
  return (
    <EmailLayout preview={subject(p)} heading={t("email.potRequest.heading")}>
      <Text>{t("email.potRequest.body", { school: p.schoolName, offer: p.offerTitle, amount: formatPence(p.amountPence), consortium: p.consortiumName })}</Text>
      <ActionLink url={p.url} label={t("email.potRequest.button")} />
    </EmailLayout>
  );
}

PotRequest.PreviewProps = {
  consortiumName: "Avon Valley Consortium",
  schoolName: "Riverside Primary School",
  offerTitle: "Phonics leadership programme",
  amountPence: 95_000,
  url: "http://localhost:3000/consortia/00000000-0000-0000-0000-000000000000",
} satisfies PotRequestProps;
