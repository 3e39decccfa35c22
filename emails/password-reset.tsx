import { Text } from "@react-email/components";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type PasswordResetProps = { name: string; url: string; expiresInMinutes: number };

export const subject = () => t("email.passwordReset.subject");

export default function PasswordReset(p: PasswordResetProps) {
  return (
    <EmailLayout preview={t("email.passwordReset.preview")} heading={subject()}>
      <Dear name={p.name} />
      <Text>{t("email.passwordReset.body")}</Text>
      <ActionLink url={p.url} label={t("email.passwordReset.button")} />
      <Text>{t("email.passwordReset.expires", { count: p.expiresInMinutes })}</Text>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  name: "Sam Patel",
  url: "http://localhost:3000/reset-password/example-token",
  expiresInMinutes: 60,
} satisfies PasswordResetProps;
