import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type PasswordChangedProps = { name: string; url: string };

export const subject = () => t("email.passwordChanged.subject");

export default function PasswordChanged(p: PasswordChangedProps) {
  return (
    <EmailLayout preview={t("email.passwordChanged.preview")} heading={subject()}>
      <Dear name={p.name} />
      <Text>{t("email.passwordChanged.body")}</Text>
      <Text>{t("email.passwordChanged.ifNotYou")}</Text>
      <ActionLink url={p.url} label={t("email.passwordChanged.button")} />
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = { name: "Sam Patel", url: "http://localhost:3000/forgot-password" } satisfies PasswordChangedProps;
