import { render } from "@react-email/render";
import { createElement, type ComponentProps } from "react";
import type { Locale } from "~/i18n";
import { runInLocale } from "~/i18n/request-locale.server";
import CollectivePurchaseInvitation, { subject as collectivePurchaseInvitationSubject } from "./collective-purchase-invitation";
import CollectivePurchaseOutcome, { subject as collectivePurchaseOutcomeSubject } from "./collective-purchase-outcome";
import AddedToOrganisation, { subject as addedToOrganisationSubject } from "./added-to-organisation";
import Invitation, { subject as invitationSubject } from "./invitation";
import JoinOrganisation, { subject as joinOrganisationSubject } from "./join-organisation";
import PasswordChanged, { subject as passwordChangedSubject } from "./password-changed";
import OfferDecision, { subject as offerDecisionSubject } from "./offer-decision";
import OfferSubmitted, { subject as offerSubmittedSubject } from "./offer-submitted";
import OfferSuspended, { subject as offerSuspendedSubject } from "./offer-suspended";
import OrderPlaced, { subject as orderPlacedSubject } from "./order-placed";
import PotRequest, { subject as potRequestSubject } from "./pot-request";
import PotDecision, { subject as potDecisionSubject } from "./pot-decision";
import CallForOffers, { subject as callForOffersSubject } from "./call-for-offers";
import CommissioningDecision, { subject as commissioningDecisionSubject } from "./commissioning-decision";
import PasswordReset, { subject as passwordResetSubject } from "./password-reset";
import RoleGranted, { subject as roleGrantedSubject } from "./role-granted";
import MembershipChanged, { subject as membershipChangedSubject } from "./membership-changed";
import MouReminder, { subject as mouReminderSubject } from "./mou-reminder";
import SubjectLeadNotice, { subject as subjectLeadNoticeSubject } from "./subject-lead-notice";
import StripePayment, { subject as stripePaymentSubject } from "./stripe-payment";
import SessionBooked, { subject as sessionBookedSubject } from "./session-booked";
import PlaceOffered, { subject as placeOfferedSubject } from "./place-offered";
import DeliveredPleaseEvaluate, { subject as deliveredPleaseEvaluateSubject } from "./delivered-please-evaluate";
import EvaluationSignedOff, { subject as evaluationSignedOffSubject } from "./evaluation-signed-off";
import OfferReReview, { subject as offerReReviewSubject } from "./offer-re-review";
import PotBriefing, { subject as potBriefingSubject } from "./pot-briefing";

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
  "role-granted": { component: RoleGranted, subject: roleGrantedSubject },
  "order-placed": { component: OrderPlaced, subject: orderPlacedSubject },
  "pot-request": { component: PotRequest, subject: potRequestSubject },
  "pot-decision": { component: PotDecision, subject: potDecisionSubject },
  "call-for-offers": { component: CallForOffers, subject: callForOffersSubject },
  "commissioning-decision": { component: CommissioningDecision, subject: commissioningDecisionSubject },
  "join-organisation": { component: JoinOrganisation, subject: joinOrganisationSubject },
  "membership-changed": { component: MembershipChanged, subject: membershipChangedSubject },
  "subject-lead-notice": { component: SubjectLeadNotice, subject: subjectLeadNoticeSubject },
  "stripe-payment": { component: StripePayment, subject: stripePaymentSubject },
  "mou-reminder": { component: MouReminder, subject: mouReminderSubject },
  "session-booked": { component: SessionBooked, subject: sessionBookedSubject },
  "place-offered": { component: PlaceOffered, subject: placeOfferedSubject },
  "delivered-please-evaluate": { component: DeliveredPleaseEvaluate, subject: deliveredPleaseEvaluateSubject },
  "evaluation-signed-off": { component: EvaluationSignedOff, subject: evaluationSignedOffSubject },
  "offer-re-review": { component: OfferReReview, subject: offerReReviewSubject },
  "pot-briefing": { component: PotBriefing, subject: potBriefingSubject },
};

export type EmailName = keyof typeof templates;
export type EmailProps<N extends EmailName> = ComponentProps<(typeof templates)[N]["component"]>;

/** An email's subject, HTML and text, written in the recipient's language (its messages, dates and money). */
export function renderEmail<N extends EmailName>(name: N, props: EmailProps<N>, locale: Locale = "en") {
  return runInLocale(locale, () => renderInCurrentLocale(name, props));
}

async function renderInCurrentLocale<N extends EmailName>(name: N, props: EmailProps<N>) {
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
