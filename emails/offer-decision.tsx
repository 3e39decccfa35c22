import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type OfferDecisionProps = {
  name: string;
  offerTitle: string;
  decision: "approved" | "changes_requested" | "rejected";
  comments: string | null;
  conditions: string | null;
  expiresOn: string | null;
  url: string;
};

const HEADINGS: Record<OfferDecisionProps["decision"], string> = {
  approved: "Your offer is quality assured",
  changes_requested: "The QA panel has asked for changes",
  rejected: "Your offer was not approved",
};

export const subject = (p: OfferDecisionProps) => `${HEADINGS[p.decision]}: ${p.offerTitle}`;

export default function OfferDecision(p: OfferDecisionProps) {
  return (
    <EmailLayout preview={subject(p)} heading={HEADINGS[p.decision]}>
      <Text>Dear {p.name},</Text>
      {p.decision === "approved" ? (
        <Text>
          “{p.offerTitle}” has passed quality assurance and is now on sale to schools{p.expiresOn ? ` until ${p.expiresOn}, when it will need a fresh review` : ""}.
        </Text>
      ) : p.decision === "changes_requested" ? (
        <Text>The panel has reviewed “{p.offerTitle}” and asks you to make changes before it can be approved. Edit the offer and submit it again.</Text>
      ) : (
        <Text>The panel has reviewed “{p.offerTitle}” and decided not to approve it.</Text>
      )}
      {p.conditions ? <Text>Conditions of approval: {p.conditions}</Text> : null}
      {p.comments ? <Text>The panel’s comments: {p.comments}</Text> : null}
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        See your offer
      </Button>
      <Text>Or copy this link into your browser: {p.url}</Text>
    </EmailLayout>
  );
}

OfferDecision.PreviewProps = {
  name: "Alex Morgan",
  offerTitle: "Talk for Writing: whole-school training",
  decision: "changes_requested",
  comments: "Please give evidence of impact from schools like ours.",
  conditions: null,
  expiresOn: null,
  url: "http://localhost:3000/provider/offers/example",
} satisfies OfferDecisionProps;
