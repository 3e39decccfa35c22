import { Text } from "@react-email/components";
import { formatDateTime } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type PlaceOfferedProps = {
  schoolName: string;
  delegateName: string;
  offerTitle: string;
  /** When the session starts, an ISO instant. */
  when: string;
  /** The venue; null when the session is online. */
  venue: string | null;
  url: string;
};

export const subject = (p: PlaceOfferedProps) => t("email.placeOffered.subject", { offer: p.offerTitle });

export default function PlaceOffered(p: PlaceOfferedProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>
        {t("email.placeOffered.body", {
          offer: p.offerTitle,
          when: formatDateTime(p.when),
          where: p.venue ?? t("delivery.online"),
          delegate: p.delegateName,
          school: p.schoolName,
        })}
      </Text>
      <Text>{t("email.placeOffered.giveUp", { delegate: p.delegateName })}</Text>
      <ActionLink url={p.url} label={t("email.placeOffered.button")} />
    </EmailLayout>
  );
}

PlaceOffered.PreviewProps = {
  schoolName: "Riverside Primary School",
  delegateName: "Priya Shah",
  offerTitle: "Phonics leadership programme",
  when: "2026-03-05T09:30:00.000Z",
  venue: null,
  url: "http://localhost:3000/purchases/00000000-0000-0000-0000-000000000000/delivery",
} satisfies PlaceOfferedProps;
