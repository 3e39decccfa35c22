import { Text } from "@react-email/components";
import type { Role } from "~/db.server";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type JoinOrganisationProps = {
  name: string;
  inviterName: string;
  organisationName: string;
  role: Role;
  /** /invitation/<token>: accepted only when signed in to this account. */
  url: string;
  expiresInDays: number;
};

export const subject = (p: JoinOrganisationProps) => t("email.joinOrganisation.subject", { organisation: p.organisationName });

export default function JoinOrganisation(p: JoinOrganisationProps) {
  return (
    <EmailLayout preview={subject(p)} heading={t("email.invitation.heading", { organisation: p.organisationName })}>
      <Dear name={p.name} />
      <Text>{t("email.joinOrganisation.body", { inviter: p.inviterName, organisation: p.organisationName, role: t(`role.${p.role}`) })}</Text>
      <ActionLink url={p.url} label={t("email.joinOrganisation.button")} />
      <Text>{t("email.joinOrganisation.expires", { count: p.expiresInDays })}</Text>
    </EmailLayout>
  );
}

JoinOrganisation.PreviewProps = {
  name: "Sam Patel",
  inviterName: "Alex Morgan",
  organisationName: "Primary Improvement Board",
  role: "qa_panel_member",
  url: "http://localhost:3000/invitation/abcdefghijklmnopqrstuvwxyz234567",
  expiresInDays: 7,
} satisfies JoinOrganisationProps;
