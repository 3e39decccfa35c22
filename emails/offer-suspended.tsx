import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type OfferSuspendedProps = { name: string; offerTitle: string; reason: string; url: string };

export const subject = (p: OfferSuspendedProps) => `Your offer has been suspended: ${p.offerTitle}`;

export default function OfferSuspended(p: OfferSuspendedProps) {
  return (
    <EmailLayout preview={subject(p)} heading="Your offer has been suspended">
      <Text>Dear {p.name},</Text>
      <Text>The authority’s commissioning unit has suspended “{p.offerTitle}”. Schools cannot buy it until it is reinstated.</Text>
      <Text>The reason given: {p.reason}</Text>
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        See your offer
      </Button>
      <Text>Or copy this link into your browser: {p.url}</Text>
    </EmailLayout>
  );
}

OfferSuspended.PreviewProps = {
  name: "Alex Morgan",
  offerTitle: "Phonics catch-up",
  reason: "Three schools reported sessions cancelled without notice this term.",
  url: "http://localhost:3000/provider/offers/example",
} satisfies OfferSuspendedProps;
