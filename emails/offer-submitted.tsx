import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type OfferSubmittedProps = {
  reviewerName: string;
  offerTitle: string;
  providerName: string;
  revisionNumber: number;
  url: string;
};

export const subject = (p: OfferSubmittedProps) => `New offer for QA review: ${p.offerTitle}`;

export default function OfferSubmitted(p: OfferSubmittedProps) {
  return (
    <EmailLayout preview={subject(p)} heading="An offer is waiting for QA review">
      <Text>Dear {p.reviewerName},</Text>
      <Text>
        {p.providerName} has submitted “{p.offerTitle}” (revision {p.revisionNumber}) for quality assurance. Two panel members need to review it
        against the rubric before the board can decide.
      </Text>
      <Text>If you have a conflict of interest with this provider, declare it when you open the review.</Text>
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        Open the review
      </Button>
      <Text>Or copy this link into your browser: {p.url}</Text>
    </EmailLayout>
  );
}

OfferSubmitted.PreviewProps = {
  reviewerName: "Sam Patel",
  offerTitle: "Talk for Writing: whole-school training",
  providerName: "Kingsbury Teaching School Alliance",
  revisionNumber: 1,
  url: "http://localhost:3000/qa/reviews/example",
} satisfies OfferSubmittedProps;
