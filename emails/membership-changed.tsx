import { Text } from "@react-email/components";
import type { Role } from "~/db.server";
import { t } from "~/i18n";
import { Dear, EmailLayout } from "./layout";

export type MembershipChangedProps = {
  name: string;
  adminName: string;
  organisationName: string;
  /** "removed": the role was taken away; "changed": it became `newRole`. */
  change: "removed" | "changed";
  oldRole: Role;
  newRole?: Role;
};

const roleNames = (p: MembershipChangedProps) => ({ oldRole: t(`role.${p.oldRole}`), newRole: p.newRole ? t(`role.${p.newRole}`) : "" });

export const subject = (p: MembershipChangedProps) =>
  p.change === "removed"
    ? t("email.membershipChanged.subject.removed", { role: roleNames(p).oldRole, organisation: p.organisationName })
    : t("email.membershipChanged.subject.changed", { role: roleNames(p).newRole, organisation: p.organisationName });

export default function MembershipChanged(p: MembershipChangedProps) {
  const { oldRole, newRole } = roleNames(p);
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Dear name={p.name} />
      <Text>
        {p.change === "removed"
          ? t("email.membershipChanged.body.removed", { admin: p.adminName, role: oldRole, organisation: p.organisationName })
          : t("email.membershipChanged.body.changed", { admin: p.adminName, organisation: p.organisationName, oldRole, newRole })}
      </Text>
      <Text>{t("email.notExpected.contact", { person: p.adminName })}</Text>
    </EmailLayout>
  );
}

MembershipChanged.PreviewProps = {
  name: "Sam Patel",
  adminName: "Alex Morgan",
  organisationName: "Alcester Primary School",
  change: "changed",
  oldRole: "school_business_manager",
  newRole: "headteacher",
} satisfies MembershipChangedProps;
