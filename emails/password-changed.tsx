import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type PasswordChangedProps = { name: string; url: string };

export const subject = () => "Your password has been changed";

export default function PasswordChanged(p: PasswordChangedProps) {
  return (
    <EmailLayout preview="Your School Improvement Marketplace password has been changed" heading="Your password has been changed">
      <Text>Dear {p.name},</Text>
      <Text>The password for your account has just been changed, and every other session was signed out.</Text>
      <Text>If you did not do this, reset your password now and tell your local authority administrator.</Text>
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        Reset your password
      </Button>
      <Text>Or copy this link into your browser: {p.url}</Text>
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = { name: "Sam Patel", url: "http://localhost:3000/forgot-password" } satisfies PasswordChangedProps;
