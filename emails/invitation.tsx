import { Text } from "@react-email/components";
import type { Role } from "~/db.server";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type InvitationProps = {
  inviteeName: string;
  inviterName: string;
  organisationName: string;
  role: Role;
  url: string;
  expiresInDays: number;
};

export const subject = (p: InvitationProps) => t("email.invitation.subject", { organisation: p.organisationName });

export default function Invitation(p: InvitationProps) {
  return (
    <EmailLayout preview={subject(p)} heading={t("email.invitation.heading", { organisation: p.organisationName })}>
      <Dear name={p.inviteeName} />
      <Text>{t("email.invitation.body", { inviter: p.inviterName, role: t(`role.${p.role}`), organisation: p.organisationName })}</Text>
      <ActionLink url={p.url} label={t("email.invitation.button")} />
      <Text>{t("email.invitation.expires", { count: p.expiresInDays })}</Text>
    </EmailLayout>
  );
}

Invitation.PreviewProps = {
  inviteeName: "Sam Patel",
  inviterName: "Alex Morgan",
  organisationName: "Avon Valley Primary Consortium",
  role: "headteacher",
  url: "http://localhost:3000/invitation/example-token",
  expiresInDays: 7,
} satisfies InvitationProps;
