import { Text } from "@react-email/components";
import type { Role } from "~/db.server";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type RoleGrantedProps = {
  /** The administrator told. */
  name: string;
  personName: string;
  personEmail: string;
  role: Role;
  organisationName: string;
  grantedByName: string;
  /** The organisation's members page. */
  url: string;
};

export const subject = (p: RoleGrantedProps) => t("email.roleGranted.subject", { person: p.personName, role: t(`role.${p.role}`) });

export default function RoleGranted(p: RoleGrantedProps) {
  const role = t(`role.${p.role}`);
  return (
    <EmailLayout preview={subject(p)} heading={t("email.roleGranted.heading", { role })}>
      <Dear name={p.name} />
      <Text>
        {t("email.roleGranted.body", { grantedBy: p.grantedByName, person: p.personName, email: p.personEmail, role, organisation: p.organisationName })}
      </Text>
      <ActionLink url={p.url} label={t("email.roleGranted.button")} />
      <Text>{t("email.roleGranted.ifNotExpected", { grantedBy: p.grantedByName })}</Text>
    </EmailLayout>
  );
}

RoleGranted.PreviewProps = {
  name: "Alex Morgan",
  personName: "Sam Patel",
  personEmail: "sam.patel@example.gov.uk",
  role: "la_finance",
  organisationName: "Avon Valley Council",
  grantedByName: "Jo Green",
  url: "http://localhost:3000/organisations/00000000-0000-0000-0000-000000000000/members",
} satisfies RoleGrantedProps;
