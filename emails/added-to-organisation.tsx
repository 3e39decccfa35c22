import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type AddedToOrganisationProps = {
  name: string;
  inviterName: string;
  organisationName: string;
  roleLabel: string;
  /** The sign-in page: the person already has a password. */
  url: string;
};

export const subject = (p: AddedToOrganisationProps) => `You have been added to ${p.organisationName}`;

export default function AddedToOrganisation(p: AddedToOrganisationProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`You have been added to ${p.organisationName}`}>
      <Text>Dear {p.name},</Text>
      <Text>
        {p.inviterName} has added you as {p.roleLabel} for {p.organisationName}. Sign in with your existing password, then choose {p.organisationName} under
        “Switch organisation”.
      </Text>
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        Sign in
      </Button>
      <Text>Or copy this link into your browser: {p.url}</Text>
      <Text>If you did not expect this, contact {p.inviterName} or your local authority.</Text>
    </EmailLayout>
  );
}

AddedToOrganisation.PreviewProps = {
  name: "Sam Patel",
  inviterName: "Alex Morgan",
  organisationName: "Primary Improvement Board",
  roleLabel: "QA panel member",
  url: "http://localhost:3000/sign-in",
} satisfies AddedToOrganisationProps;
