import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type CollectivePurchaseInvitationProps = {
  consortiumName: string;
  offerTitle: string;
  openedByName: string;
  closesOn: string;
  priceSummary: string;
  message: string;
  url: string;
};

export const subject = (p: CollectivePurchaseInvitationProps) => `${p.consortiumName} is buying ${p.offerTitle} together`;

export default function CollectivePurchaseInvitation(p: CollectivePurchaseInvitationProps) {
  return (
    <EmailLayout preview={subject(p)} heading={`Join the collective purchase of ${p.offerTitle}`}>
      <Text>
        {p.openedByName} has opened a collective purchase of {p.offerTitle} for the schools of {p.consortiumName}.
      </Text>
      <Text>{p.priceSummary}</Text>
      {p.message ? <Text>“{p.message}”</Text> : null}
      <Text>Join or decline by {p.closesOn}.</Text>
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        See the collective purchase
      </Button>
      <Text>Or copy this link into your browser: {p.url}</Text>
    </EmailLayout>
  );
}

CollectivePurchaseInvitation.PreviewProps = {
  consortiumName: "Avon Valley Primary Consortium",
  offerTitle: "Talk for Writing: whole-school training",
  openedByName: "Alex Morgan",
  closesOn: "5 February 2026",
  priceSummary: "1 to 4 schools: £900 each; 5 to 9: £750 each; 10 or more: £600 each.",
  message: "Let's reach the £600 tier together.",
  url: "http://localhost:3000/collective-purchases/example",
} satisfies CollectivePurchaseInvitationProps;
