import { Text } from "@react-email/components";
import type { SubjectArea } from "~/db.server";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type SubjectLeadNoticeProps = {
  name: string;
  /** The subject areas the reader leads that this touches. */
  subjectAreas: SubjectArea[];
  event: "need-published" | "offer-suspended";
  title: string;
  /** Who did it; null when the service cannot say. */
  by: string | null;
  url: string;
};

const areas = (p: SubjectLeadNoticeProps) => p.subjectAreas.map((area) => t(`subjectArea.${area}`)).join(", ");
const what = (p: SubjectLeadNoticeProps) => t(`email.subjectLead.what.${p.event}`, { subject: areas(p) });

export const subject = (p: SubjectLeadNoticeProps) => t("email.subjectLead.subject", { what: what(p), title: p.title });

export default function SubjectLeadNotice(p: SubjectLeadNoticeProps) {
  return (
    <EmailLayout preview={subject(p)} heading={what(p)}>
      <Dear name={p.name} />
      <Text>{t(`email.subjectLead.body.${p.event}`, { subject: areas(p), by: p.by ?? t("email.byCommissioner"), title: p.title })}</Text>
      <ActionLink url={p.url} label={t("email.subjectLead.button")} />
    </EmailLayout>
  );
}

SubjectLeadNotice.PreviewProps = {
  name: "Joanne Hartley",
  subjectAreas: ["literacy"],
  event: "need-published",
  title: "Reading for pleasure in Key Stage 2",
  by: "Sam Commissioner",
  url: "http://localhost:3000/commissioning/needs/example",
} satisfies SubjectLeadNoticeProps;
