import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type EvaluationSignedOffProps = {
  name: string;
  adviserName: string;
  schoolName: string;
  offerTitle: string;
  /** Signed off, or a question the adviser asks first. */
  outcome: "signed_off" | "question";
  question: string | null;
  url: string;
};

export const subject = (p: EvaluationSignedOffProps) => t(`email.evaluationSignedOff.subject.${p.outcome}`, { offer: p.offerTitle });

export default function EvaluationSignedOff(p: EvaluationSignedOffProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Dear name={p.name} />
      <Text>
        {t(`email.evaluationSignedOff.body.${p.outcome}`, { adviser: p.adviserName, school: p.schoolName, offer: p.offerTitle, question: p.question ?? "" })}
      </Text>
      <ActionLink url={p.url} label={t("email.evaluationSignedOff.button")} />
    </EmailLayout>
  );
}

EvaluationSignedOff.PreviewProps = {
  name: "Rachel Moss",
  adviserName: "David Okafor",
  schoolName: "Riverside Primary School",
  offerTitle: "Phonics leadership programme",
  outcome: "signed_off",
  question: null,
  url: "http://localhost:3000/purchases/00000000-0000-0000-0000-000000000000/evaluation",
} satisfies EvaluationSignedOffProps;
