import { t } from "~/i18n";
import { RoleInvitation, roleInvitationSubject, type RoleInvitationProps } from "./role-invitation";

export type AddedToOrganisationProps = RoleInvitationProps;

export const subject = (p: AddedToOrganisationProps) => roleInvitationSubject("addedToOrganisation", p.organisationName);

/** The person already has a password: the button is the sign-in page. */
export default function AddedToOrganisation(p: AddedToOrganisationProps) {
  return <RoleInvitation kind="addedToOrganisation" {...p} heading={subject(p)} closing={t("email.notExpected.contact", { person: p.inviterName })} />;
}

AddedToOrganisation.PreviewProps = {
  name: "Sam Patel",
  inviterName: "Alex Morgan",
  organisationName: "Primary Improvement Board",
  role: "qa_panel_member",
  url: "http://localhost:3000/sign-in",
} satisfies AddedToOrganisationProps;
