import { Text } from "@react-email/components";
import type { Role } from "~/db.server";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type AddedToOrganisationProps = {
  name: string;
  inviterName: string;
  organisationName: string;
  role: Role;
  /** The sign-in page: the person already has a password. */
  url: string;
};

export const subject = (p: AddedToOrganisationProps) => t("email.addedToOrganisation.subject", { organisation: p.organisationName });

export default function AddedToOrganisation(p: AddedToOrganisationProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Dear name={p.name} />
      <Text>{t("email.addedToOrganisation.body", { inviter: p.inviterName, role: t(`role.${p.role}`), organisation: p.organisationName })}</Text>
      <ActionLink url={p.url} label={t("email.addedToOrganisation.button")} />
      <Text>{t("email.notExpected.contact", { person: p.inviterName })}</Text>
    </EmailLayout>
  );
}

AddedToOrganisation.PreviewProps = {
  name: "Sam Patel",
  inviterName: "Alex Morgan",
  organisationName: "Primary Improvement Board",
  role: "qa_panel_member",
  url: "http://localhost:3000/sign-in",
} satisfies AddedToOrganisationProps;
