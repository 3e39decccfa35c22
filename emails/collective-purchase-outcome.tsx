import { Text } from "@react-email/components";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

/** Why a collective purchase closed without buying: the close's own reasons, or the lead's words when the lead cancelled it. */
export type CollectiveCancelReason = "pot_undecided" | "off_sale" | "too_few" | "no_tier" | "by_lead";

export type CollectivePurchaseOutcomeProps = {
  outcome: "confirmed" | "cancelled";
  consortiumName: string;
  offerTitle: string;
  schoolName: string;
  /** Confirmed: how many schools joined, the unit price, what this school pays and what the pot paid for it. */
  confirmed?: { schools: number; unitPricePence: number; payablePence: number; potPence: number };
  /** Cancelled: why, how many joined of how many needed, the lead's reason if the lead cancelled, and whether money was given back. */
  cancelled?: { reason: CollectiveCancelReason; joined: number; minSchools: number; leadReason: string | null; refunded: boolean };
  url: string;
};

export const subject = (p: CollectivePurchaseOutcomeProps) =>
  p.outcome === "confirmed"
    ? t("email.collectiveOutcome.subject.confirmed", { consortium: p.consortiumName, offer: p.offerTitle })
    : t("email.collectiveOutcome.subject.cancelled", { offer: p.offerTitle });

function confirmedDetail({ schools, unitPricePence, payablePence, potPence }: NonNullable<CollectivePurchaseOutcomeProps["confirmed"]>) {
  const price = t("email.collectiveOutcome.price", { count: schools, price: formatPence(unitPricePence) });
  const pays =
    potPence > 0
      ? t("email.collectiveOutcome.paysWithPot", { payable: formatPence(payablePence), pot: formatPence(potPence) })
      : t("email.collectiveOutcome.pays", { payable: formatPence(payablePence) });
  return [price, pays];
}

function cancelledDetail({ reason, joined, minSchools, leadReason, refunded }: NonNullable<CollectivePurchaseOutcomeProps["cancelled"]>) {
  const why =
    reason === "by_lead"
      ? t("email.collectiveOutcome.reason.given", { reason: leadReason ?? "" })
      : reason === "too_few"
        ? t("email.collectiveOutcome.reason.too_few", { count: joined, min: minSchools })
        : reason === "no_tier"
          ? t("email.collectiveOutcome.reason.no_tier", { count: joined })
          : t(`email.collectiveOutcome.reason.${reason}`);
  return [why, t(refunded ? "email.collectiveOutcome.refunded" : "email.collectiveOutcome.nothingCharged")];
}

export default function CollectivePurchaseOutcome(p: CollectivePurchaseOutcomeProps) {
  const names = { offer: p.offerTitle, consortium: p.consortiumName, school: p.schoolName };
  const detail = p.confirmed ? confirmedDetail(p.confirmed) : p.cancelled ? cancelledDetail(p.cancelled) : [];
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>{t(p.outcome === "confirmed" ? "email.collectiveOutcome.body.confirmed" : "email.collectiveOutcome.body.cancelled", names)}</Text>
      {detail.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <ActionLink url={p.url} label={t("email.collectivePurchase.button")} />
    </EmailLayout>
  );
}

CollectivePurchaseOutcome.PreviewProps = {
  outcome: "confirmed",
  consortiumName: "Avon Valley Primary Consortium",
  offerTitle: "Talk for Writing: whole-school training",
  schoolName: "St Mary's Church of England Primary School",
  confirmed: { schools: 12, unitPricePence: 60_000, payablePence: 54_000, potPence: 6_000 },
  url: "http://localhost:3000/collective-purchases/example",
} satisfies CollectivePurchaseOutcomeProps;
