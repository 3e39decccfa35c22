import { Text } from "@react-email/components";
import type { Role } from "~/db.server";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

/** Who is asked into which organisation, in what role, by whom, and where they answer. */
export type RoleInvitationProps = { name: string; inviterName: string; organisationName: string; role: Role; url: string };

type Kind = "invitation" | "joinOrganisation" | "addedToOrganisation";

export const roleInvitationSubject = (kind: Kind, organisationName: string) => t(`email.${kind}.subject`, { organisation: organisationName });

/** An email asking someone into an organisation in a role: who asked, the button to answer, and a closing line. */
export function RoleInvitation({ kind, heading, closing, ...p }: RoleInvitationProps & { kind: Kind; heading: string; closing: string }) {
  return (
    <EmailLayout preview={roleInvitationSubject(kind, p.organisationName)} heading={heading}>
      <Dear name={p.name} />
      <Text>{t(`email.${kind}.body`, { inviter: p.inviterName, role: t(`role.${p.role}`), organisation: p.organisationName })}</Text>
      <ActionLink url={p.url} label={t(`email.${kind}.button`)} />
      <Text>{closing}</Text>
    </EmailLayout>
  );
}
