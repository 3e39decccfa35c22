import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type MouReminderProps = {
  name: string;
  schoolName: string;
  consortiumName: string;
  /** "2026-27" */
  financialYear: string;
  when: "month_before" | "year_start";
  url: string;
};

export const subject = (p: MouReminderProps) => t("email.mouReminder.subject", { year: p.financialYear, school: p.schoolName });

export default function MouReminder(p: MouReminderProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Dear name={p.name} />
      <Text>{t(`email.mouReminder.body.${p.when}`, { year: p.financialYear, school: p.schoolName, consortium: p.consortiumName })}</Text>
      <Text>{t("email.mouReminder.matchFunding")}</Text>
      <ActionLink url={p.url} label={t("email.mouReminder.button")} />
    </EmailLayout>
  );
}

MouReminder.PreviewProps = {
  name: "Rachel Moss",
  schoolName: "Riverside Primary School",
  consortiumName: "Avon Valley Consortium",
  financialYear: "2026-27",
  when: "month_before",
  url: "http://localhost:3000/consortia/00000000-0000-0000-0000-000000000000/mou?year=2026-27",
} satisfies MouReminderProps;
