import { Text } from "@react-email/components";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { ActionLink, Dear, EmailLayout } from "./layout";

export type OfferDecisionProps = {
  name: string;
  offerTitle: string;
  decision: "approved" | "changes_requested" | "rejected";
  comments: string | null;
  conditions: string | null;
  /** When an approval runs out, as an ISO instant or day. */
  expiresOn: string | null;
  url: string;
};

const heading = (p: OfferDecisionProps) => t(`email.offerDecision.heading.${p.decision}`);

export const subject = (p: OfferDecisionProps) => t("email.offerDecision.subject", { heading: heading(p), offer: p.offerTitle });

function sentence(p: OfferDecisionProps) {
  if (p.decision === "approved" && p.expiresOn) return t("email.offerDecision.body.approvedUntil", { offer: p.offerTitle, expiresOn: formatDate(p.expiresOn) });
  return t(`email.offerDecision.body.${p.decision}`, { offer: p.offerTitle });
}

export default function OfferDecision(p: OfferDecisionProps) {
  return (
    <EmailLayout preview={subject(p)} heading={heading(p)}>
      <Dear name={p.name} />
      <Text>{sentence(p)}</Text>
      {p.conditions ? <Text>{t("email.offerDecision.conditions", { conditions: p.conditions })}</Text> : null}
      {p.comments ? <Text>{t("email.offerDecision.comments", { comments: p.comments })}</Text> : null}
      <ActionLink url={p.url} label={t("email.seeYourOffer")} />
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
