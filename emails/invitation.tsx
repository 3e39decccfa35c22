import { t } from "~/i18n";
import { RoleInvitation, roleInvitationSubject, type RoleInvitationProps } from "./role-invitation";

export type InvitationProps = Omit<RoleInvitationProps, "name"> & { inviteeName: string; expiresInDays: number };

export const subject = (p: InvitationProps) => roleInvitationSubject("invitation", p.organisationName);

export default function Invitation({ inviteeName, expiresInDays, ...p }: InvitationProps) {
  const heading = t("email.invitation.heading", { organisation: p.organisationName });
  return <RoleInvitation kind="invitation" name={inviteeName} {...p} heading={heading} closing={t("email.invitation.expires", { count: expiresInDays })} />;
}

Invitation.PreviewProps = {
  inviteeName: "Sam Patel",
  inviterName: "Alex Morgan",
  organisationName: "Avon Valley Primary Consortium",
  role: "headteacher",
  url: "http://localhost:3000/invitation/example-token",
  expiresInDays: 7,
} satisfies InvitationProps;
