import { Text } from "@react-email/components";
import type { SubjectArea } from "~/db.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type CallForOffersProps = {
  providerName: string;
  needTitle: string;
  subjectArea: SubjectArea;
  /** The day answers close, "2026-12-18". */
  closesOn: string;
  url: string;
};

export const subject = (p: CallForOffersProps) => t("email.callForOffers.subject", { need: p.needTitle });

export default function CallForOffers(p: CallForOffersProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>
        {t("email.callForOffers.body", { subjectArea: t(`subjectArea.${p.subjectArea}`), provider: p.providerName, closesOn: formatDate(p.closesOn) })}
      </Text>
      <ActionLink url={p.url} label={t("email.callForOffers.button")} />
    </EmailLayout>
  );
}

CallForOffers.PreviewProps = {
  providerName: "Arden Teaching School Alliance",
  needTitle: "Early reading in Key Stage 1",
  subjectArea: "literacy",
  closesOn: "2026-12-18",
  url: "http://localhost:3000/provider/needs",
} satisfies CallForOffersProps;
