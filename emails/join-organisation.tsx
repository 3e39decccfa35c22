import { t } from "~/i18n";
import { RoleInvitation, roleInvitationSubject, type RoleInvitationProps } from "./role-invitation";

/** The url is /invitation/<token>: accepted only when signed in to this account. */
export type JoinOrganisationProps = RoleInvitationProps & { expiresInDays: number };

export const subject = (p: JoinOrganisationProps) => roleInvitationSubject("joinOrganisation", p.organisationName);

export default function JoinOrganisation({ expiresInDays, ...p }: JoinOrganisationProps) {
  const heading = t("email.invitation.heading", { organisation: p.organisationName });
  return <RoleInvitation kind="joinOrganisation" {...p} heading={heading} closing={t("email.joinOrganisation.expires", { count: expiresInDays })} />;
}

JoinOrganisation.PreviewProps = {
  name: "Sam Patel",
  inviterName: "Alex Morgan",
  organisationName: "Primary Improvement Board",
  role: "qa_panel_member",
  url: "http://localhost:3000/invitation/abcdefghijklmnopqrstuvwxyz234567",
  expiresInDays: 7,
} satisfies JoinOrganisationProps;
