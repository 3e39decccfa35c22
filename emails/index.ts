import { render } from "@react-email/render";
import { createElement, type ComponentProps } from "react";
import CollectivePurchaseInvitation, { subject as collectivePurchaseInvitationSubject } from "./collective-purchase-invitation";
import CollectivePurchaseOutcome, { subject as collectivePurchaseOutcomeSubject } from "./collective-purchase-outcome";
import AddedToOrganisation, { subject as addedToOrganisationSubject } from "./added-to-organisation";
import Invitation, { subject as invitationSubject } from "./invitation";
import PasswordChanged, { subject as passwordChangedSubject } from "./password-changed";
import OfferDecision, { subject as offerDecisionSubject } from "./offer-decision";
import OfferSubmitted, { subject as offerSubmittedSubject } from "./offer-submitted";
import OfferSuspended, { subject as offerSuspendedSubject } from "./offer-suspended";
import PasswordReset, { subject as passwordResetSubject } from "./password-reset";

/** Every email the product sends: its template and its subject line. */
export const templates = {
  invitation: { component: Invitation, subject: invitationSubject },
  "password-reset": { component: PasswordReset, subject: passwordResetSubject },
  "collective-purchase-invitation": { component: CollectivePurchaseInvitation, subject: collectivePurchaseInvitationSubject },
  "collective-purchase-outcome": { component: CollectivePurchaseOutcome, subject: collectivePurchaseOutcomeSubject },
  "password-changed": { component: PasswordChanged, subject: passwordChangedSubject },
  "added-to-organisation": { component: AddedToOrganisation, subject: addedToOrganisationSubject },
  "offer-submitted": { component: OfferSubmitted, subject: offerSubmittedSubject },
  "offer-decision": { component: OfferDecision, subject: offerDecisionSubject },
  "offer-suspended": { component: OfferSuspended, subject: offerSuspendedSubject },
};

export type EmailName = keyof typeof templates;
export type EmailProps<N extends EmailName> = ComponentProps<(typeof templates)[N]["component"]>;

export async function renderEmail<N extends EmailName>(name: N, props: EmailProps<N>) {
  const template = templates[name] as unknown as {
    component: (p: Record<string, unknown>) => JSX.Element;
    subject: (p: EmailProps<N>) => string;
  };
  const element = createElement(template.component, props as Record<string, unknown>);
  return {
    subject: template.subject(props),
    html: await render(element),
    text: await render(element, { plainText: true }),
  };
}
