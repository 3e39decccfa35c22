import { Text } from "@react-email/components";
import { formatDateTime } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type SessionBookedProps = {
  schoolName: string;
  providerName: string;
  offerTitle: string;
  /** When the session starts, an ISO instant (written in London time). */
  when: string;
  /** The venue; null when the session is online. */
  venue: string | null;
  url: string;
};

export const subject = (p: SessionBookedProps) => t("email.sessionBooked.subject", { offer: p.offerTitle, when: formatDateTime(p.when) });

export default function SessionBooked(p: SessionBookedProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>
        {t("email.sessionBooked.body", {
          provider: p.providerName,
          offer: p.offerTitle,
          school: p.schoolName,
          when: formatDateTime(p.when),
          where: p.venue ?? t("delivery.online"),
        })}
      </Text>
      <Text>{t("email.sessionBooked.delegates")}</Text>
      <ActionLink url={p.url} label={t("email.sessionBooked.button")} />
    </EmailLayout>
  );
}

SessionBooked.PreviewProps = {
  schoolName: "Riverside Primary School",
  providerName: "Arden Traded Services",
  offerTitle: "Phonics leadership programme",
  when: "2026-03-05T09:30:00.000Z",
  venue: "Arden Teachers' Centre, Warwick",
  url: "http://localhost:3000/purchases/00000000-0000-0000-0000-000000000000/delivery",
} satisfies SessionBookedProps;
