import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./layout";

export type CollectivePurchaseOutcomeProps = {
  outcome: "confirmed" | "cancelled";
  consortiumName: string;
  offerTitle: string;
  schoolName: string;
  /** Confirmed: "12 schools at £600 each; your school pays £540.00 (the pot paid £60.00)". Cancelled: the reason. */
  detail: string;
  url: string;
};

export const subject = (p: CollectivePurchaseOutcomeProps) =>
  p.outcome === "confirmed" ? `Confirmed: ${p.consortiumName} is buying ${p.offerTitle}` : `Cancelled: the collective purchase of ${p.offerTitle}`;

export default function CollectivePurchaseOutcome(p: CollectivePurchaseOutcomeProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>
        {p.outcome === "confirmed"
          ? `The collective purchase of ${p.offerTitle} by ${p.consortiumName} is confirmed for ${p.schoolName}.`
          : `The collective purchase of ${p.offerTitle} by ${p.consortiumName} has been cancelled. ${p.schoolName} will not be charged for it.`}
      </Text>
      <Text>{p.detail}</Text>
      <Button href={p.url} style={{ backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px" }}>
        See the collective purchase
      </Button>
    </EmailLayout>
  );
}

CollectivePurchaseOutcome.PreviewProps = {
  outcome: "confirmed",
  consortiumName: "Avon Valley Primary Consortium",
  offerTitle: "Talk for Writing: whole-school training",
  schoolName: "St Mary's Church of England Primary School",
  detail: "12 schools at £600.00 each. Your school pays £540.00; the consortium pot paid £60.00.",
  url: "http://localhost:3000/collective-purchases/example",
} satisfies CollectivePurchaseOutcomeProps;
