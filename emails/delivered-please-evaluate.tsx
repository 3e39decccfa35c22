import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type DeliveredPleaseEvaluateProps = {
  name: string;
  schoolName: string;
  providerName: string;
  offerTitle: string;
  /** A reminder sent because the school has not evaluated it yet. */
  reminder: boolean;
  url: string;
};

export const subject = (p: DeliveredPleaseEvaluateProps) =>
  t(p.reminder ? "email.pleaseEvaluate.subject.reminder" : "email.pleaseEvaluate.subject", { offer: p.offerTitle });

export default function DeliveredPleaseEvaluate(p: DeliveredPleaseEvaluateProps) {
  const names = { school: p.schoolName, offer: p.offerTitle, provider: p.providerName };
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Dear name={p.name} />
      <Text>{t(p.reminder ? "email.pleaseEvaluate.notYet" : "email.pleaseEvaluate.delivered", names)}</Text>
      <Text>{t("email.pleaseEvaluate.body")}</Text>
      <ActionLink url={p.url} label={t("email.pleaseEvaluate.button")} />
    </EmailLayout>
  );
}

DeliveredPleaseEvaluate.PreviewProps = {
  name: "Rachel Moss",
  schoolName: "Riverside Primary School",
  providerName: "Arden Traded Services",
  offerTitle: "Phonics leadership programme",
  reminder: false,
  url: "http://localhost:3000/purchases/00000000-0000-0000-0000-000000000000/evaluation",
} satisfies DeliveredPleaseEvaluateProps;
