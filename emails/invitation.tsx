import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type InvitationProps = {
  inviteeName: string;
  inviterName: string;
  organisationName: string;
  roleLabel: string;
  url: string;
  expiresInDays: number;
};

export const subject = (p: InvitationProps) => `You have been invited to ${p.organisationName}`;

export default function Invitation(p: InvitationProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`Join ${p.organisationName}`}>
      <Text>Dear {p.inviteeName},</Text>
      <Text>
        {p.inviterName} has invited you to the School Improvement Marketplace as {p.roleLabel} for {p.organisationName}.
      </Text>
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        Set your password
      </Button>
      <Text>Or copy this link into your browser: {p.url}</Text>
      <Text>The link works once and expires in {p.expiresInDays} days.</Text>
    </EmailLayout>
  );
}

Invitation.PreviewProps = {
  inviteeName: "Sam Patel",
  inviterName: "Alex Morgan",
  organisationName: "Avon Valley Primary Consortium",
  roleLabel: "headteacher",
  url: "http://localhost:3000/invitation/example-token",
  expiresInDays: 7,
} satisfies InvitationProps;
