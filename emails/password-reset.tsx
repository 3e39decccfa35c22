import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type PasswordResetProps = { name: string; url: string; expiresInMinutes: number };

export const subject = () => "Reset your password";

export default function PasswordReset(p: PasswordResetProps) {
  return (
    <EmailLayout preview="Reset your School Improvement Marketplace password" heading="Reset your password">
      <Text>Dear {p.name},</Text>
      <Text>Someone asked to reset the password for this email address. If it was you, use the link below.</Text>
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        Choose a new password
      </Button>
      <Text>Or copy this link into your browser: {p.url}</Text>
      <Text>The link works once and expires in {p.expiresInMinutes} minutes. If you did not ask, you can ignore this email.</Text>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  name: "Sam Patel",
  url: "http://localhost:3000/reset-password/example-token",
  expiresInMinutes: 60,
} satisfies PasswordResetProps;
