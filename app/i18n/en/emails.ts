// The emails the service sends (emails/*.tsx): subjects, headings, sentences and buttons, in the recipient's language.
export const emails = {
  "email.dear": "Dear {name},",
  "email.copyLink": "Or copy this link into your browser: {url}",
  "email.notExpected.contact": "If you did not expect this, contact {person} or your local authority.",
  "email.amountLine": "{label}: ",
  "email.quoted": "“{text}”",
  "email.byCommissioner": "A commissioner",

  "email.addedToOrganisation.subject": "You have been added to {organisation}",
  "email.addedToOrganisation.body":
    "{inviter} has added you as {role} for {organisation}. Sign in with your existing password, then choose {organisation} under “Switch organisation”.",
  "email.addedToOrganisation.button": "Sign in",

  "email.callForOffers.subject": "New call for offers: {need}",
  "email.callForOffers.body":
    "The authority has published a call for offers in {subjectArea}, an area {provider} offers support in. Answers close on {closesOn}.",
  "email.callForOffers.button": "See the call for offers",

  "email.collectiveInvitation.subject": "{consortium} is buying {offer} together",
  "email.collectiveInvitation.heading": "Join the collective purchase of {offer}",
  "email.collectiveInvitation.body": "{openedBy} has opened a collective purchase of {offer} for the schools of {consortium}.",
  "email.collectiveInvitation.prices": "The price for each school depends on how many join:",
  "email.collectiveInvitation.tier": "{schools}: {price}",
  "email.collectiveInvitation.closes": "Join or decline by {closesOn}.",
  "email.collectivePurchase.button": "See the collective purchase",

  "email.collectiveOutcome.subject.confirmed": "Confirmed: {consortium} is buying {offer}",
  "email.collectiveOutcome.subject.cancelled": "Cancelled: the collective purchase of {offer}",
  "email.collectiveOutcome.body.confirmed": "The collective purchase of {offer} by {consortium} is confirmed for {school}.",
  "email.collectiveOutcome.body.cancelled": "The collective purchase of {offer} by {consortium} has been cancelled. {school} will not be charged for it.",
  "email.collectiveOutcome.price": { one: "{count} school at {price} each.", other: "{count} schools at {price} each." },
  "email.collectiveOutcome.pays": "Your school pays {payable}.",
  "email.collectiveOutcome.paysWithPot": "Your school pays {payable}; the consortium pot paid {pot}.",
  "email.collectiveOutcome.reason.pot_undecided": "The consortium's lead did not approve the pot's contribution before the closing date.",
  "email.collectiveOutcome.reason.off_sale": "The offer is no longer on sale.",
  "email.collectiveOutcome.reason.too_few": { one: "{count} of the {min} schools needed joined.", other: "{count} of the {min} schools needed joined." },
  "email.collectiveOutcome.reason.no_tier": { one: "The offer has no price for {count} school.", other: "The offer has no price for {count} schools." },
  "email.collectiveOutcome.reason.given": "The reason given: {reason}",
  "email.collectiveOutcome.nothingCharged": "Nothing has been charged.",
  "email.collectiveOutcome.refunded": "Any invoice has been credited and the consortium pot refunded.",

  "email.commissioningDecision.subject.commissioned": "Your offer has been commissioned: {need}",
  "email.commissioningDecision.subject.not_chosen": "Call for offers decided: {need}",
  "email.commissioningDecision.body.commissioned":
    "The authority has commissioned {offer} from {provider} to meet “{need}”. The offer is marked as commissioned in the catalogue.",
  "email.commissioningDecision.body.not_chosen":
    "The authority has decided the call for offers “{need}” and chosen another offer. Thank you for answering with {offer}; it stays in the catalogue.",
  "email.seeYourOffer": "See your offer",

  "email.pleaseEvaluate.subject": "{offer} has been delivered: please evaluate it",
  "email.pleaseEvaluate.subject.reminder": "Reminder: please evaluate {offer}",
  "email.pleaseEvaluate.delivered": "{provider} has marked {offer} for {school} as delivered.",
  "email.pleaseEvaluate.notYet": "{school} has not yet evaluated {offer}, delivered by {provider}.",
  "email.pleaseEvaluate.body":
    "Please confirm the delivery (or say what was not delivered), then evaluate it against your school’s improvement priorities: quality, impact and value for money. Your challenge adviser will read it, and other schools see the offer’s rating.",
  "email.pleaseEvaluate.button": "Evaluate the support",

  "email.evaluationSignedOff.subject.signed_off": "Evaluation signed off: {offer}",
  "email.evaluationSignedOff.subject.question": "A question about your evaluation of {offer}",
  "email.evaluationSignedOff.body.signed_off": "{adviser}, the challenge adviser of {school}, has read and signed off the school’s evaluation of {offer}.",
  "email.evaluationSignedOff.body.question":
    "{adviser}, the challenge adviser of {school}, has a question about the school’s evaluation of {offer}: “{question}”",
  "email.evaluationSignedOff.button": "See the evaluation",

  "email.invitation.subject": "You have been invited to {organisation}",
  "email.invitation.heading": "Join {organisation}",
  "email.invitation.body": "{inviter} has invited you to the School Improvement Marketplace as {role} for {organisation}.",
  "email.invitation.button": "Set your password",
  "email.invitation.expires": { one: "The link works once and expires in {count} day.", other: "The link works once and expires in {count} days." },

  "email.joinOrganisation.subject": "You have been invited to join {organisation}",
  "email.joinOrganisation.body":
    "{inviter} has invited you to join {organisation} as {role}. Nothing changes until you accept: sign in with your existing password and choose “Accept”.",
  "email.joinOrganisation.button": "See the invitation",
  "email.joinOrganisation.expires": {
    one: "The invitation works for {count} day. If you did not expect it, ignore this email.",
    other: "The invitation works for {count} days. If you did not expect it, ignore this email.",
  },

  "email.membershipChanged.subject.removed": "You are no longer {role} for {organisation}",
  "email.membershipChanged.subject.changed": "Your role for {organisation} is now {role}",
  "email.membershipChanged.body.removed":
    "{admin} has removed you as {role} for {organisation}. You have been signed out; if you hold other roles, sign in again to use them.",
  "email.membershipChanged.body.changed": "{admin} has changed your role for {organisation} from {oldRole} to {newRole}. It applies from your next page.",

  "email.mouReminder.subject": "Sign the {year} memorandum of understanding for {school}",
  "email.mouReminder.body.month_before":
    "The {year} financial year starts on 1 April. {school} has not yet signed the memorandum of understanding of {consortium} for it.",
  "email.mouReminder.body.year_start":
    "The {year} financial year has started and {school} has not yet signed the memorandum of understanding of {consortium} for it.",
  "email.mouReminder.matchFunding": "Only schools whose head has signed the memorandum take part in the consortium's match funding for the year.",
  "email.mouReminder.button": "Read and sign the memorandum",

  "email.offerDecision.heading.approved": "Your offer is quality assured",
  "email.offerDecision.heading.changes_requested": "The QA panel has asked for changes",
  "email.offerDecision.heading.rejected": "Your offer was not approved",
  "email.offerDecision.subject": "{heading}: {offer}",
  "email.offerDecision.body.approved": "“{offer}” has passed quality assurance and is now on sale to schools.",
  "email.offerDecision.body.approvedUntil":
    "“{offer}” has passed quality assurance and is now on sale to schools until {expiresOn}, when it will need a fresh review.",
  "email.offerDecision.body.changes_requested":
    "The panel has reviewed “{offer}” and asks you to make changes before it can be approved. Edit the offer and submit it again.",
  "email.offerDecision.body.rejected": "The panel has reviewed “{offer}” and decided not to approve it.",
  "email.offerDecision.conditions": "Conditions of approval: {conditions}",
  "email.offerDecision.comments": "The panel’s comments: {comments}",

  "email.offerReReview.subject": "{offer} goes back to the QA panel after poor ratings",
  "email.offerReReview.body": {
    one: "Schools’ evaluations of {offer} from {provider} now average {average} out of 4 over {count} evaluation, under the authority’s line of {threshold}. The offer has gone back to the QA panel for re-review; it stays on sale while the panel looks at it.",
    other:
      "Schools’ evaluations of {offer} from {provider} now average {average} out of 4 over {count} evaluations, under the authority’s line of {threshold}. The offer has gone back to the QA panel for re-review; it stays on sale while the panel looks at it.",
  },
  "email.offerReReview.provider": "The panel will read the evaluations and may ask you for changes.",
  "email.offerReReview.commissioner": "As its lead commissioner you may wish to talk to the provider, or suspend the offer.",
  "email.seeTheOffer": "See the offer",

  "email.offerSubmitted.subject": "New offer for QA review: {offer}",
  "email.offerSubmitted.heading": "An offer is waiting for QA review",
  "email.offerSubmitted.body":
    "{provider} has submitted “{offer}” (revision {revision}) for quality assurance. Two panel members need to review it against the rubric before the board can decide.",
  "email.offerSubmitted.conflict": "If you have a conflict of interest with this provider, declare it when you open the review.",
  "email.offerSubmitted.button": "Open the review",

  "email.offerSuspended.heading": "Your offer has been suspended",
  "email.offerSuspended.subject": "Your offer has been suspended: {offer}",
  "email.offerSuspended.body": "The authority’s commissioning unit has suspended “{offer}”. Schools cannot buy it until it is reinstated.",
  "email.offerSuspended.reason": "The reason given: {reason}",

  "email.orderPlaced.subject.school": "You have bought {offer}",
  "email.orderPlaced.subject.provider": "New order: {offer} for {school}",
  "email.orderPlaced.body.school": "{school} has bought {offer} from {provider}. The school pays {amount}. How it pays: {route}.",
  "email.orderPlaced.body.provider":
    "{school} has bought {offer}. The order is worth {amount}. How it is paid: {route}. Please contact the school to arrange delivery.",
  "email.seeTheOrder": "See the order",

  "email.passwordChanged.subject": "Your password has been changed",
  "email.passwordChanged.preview": "Your School Improvement Marketplace password has been changed",
  "email.passwordChanged.body": "The password for your account has just been changed, and every other session was signed out.",
  "email.passwordChanged.ifNotYou": "If you did not do this, reset your password now and tell your local authority administrator.",
  "email.passwordChanged.button": "Reset your password",

  "email.passwordReset.subject": "Reset your password",
  "email.passwordReset.preview": "Reset your School Improvement Marketplace password",
  "email.passwordReset.body": "Someone asked to reset the password for this email address. If it was you, use the link below.",
  "email.passwordReset.button": "Choose a new password",
  "email.passwordReset.expires": {
    one: "The link works once and expires in {count} minute. If you did not ask, you can ignore this email.",
    other: "The link works once and expires in {count} minutes. If you did not ask, you can ignore this email.",
  },

  "email.placeOffered.subject": "A place has come free: {offer}",
  "email.placeOffered.body":
    "A place has come free on the session of {offer} on {when} ({where}). {delegate} of {school} was next on the waiting list and now has the place.",
  "email.placeOffered.giveUp": "If {delegate} can no longer attend, give the place up on the delivery page so that the next school can have it.",
  "email.placeOffered.button": "See the session",

  "email.potBriefing.subject": "Budget briefing for {consortium}: {month}",
  "email.potBriefing.intro": "Here is how the {consortium} pot stood over {month}.",
  "email.potBriefing.opening": "Opening balance",
  "email.potBriefing.fundingIn": "Funding in",
  "email.potBriefing.spent": "Spent",
  "email.potBriefing.sharedBack": "Shared back from sales",
  "email.potBriefing.closing": "Closing balance",
  "email.potBriefing.committed": "Committed to purchases waiting for approval",
  "email.potBriefing.button": "See the briefing by subject area",

  "email.potDecision.subject.approved": "Pot payment approved: {offer}",
  "email.potDecision.subject.refused": "Pot payment refused: {offer}",
  "email.potDecision.body.approved":
    "The lead of {consortium} has approved paying {amount} from the pot for {offer} for {school}. The order is confirmed and the school pays nothing for it.",
  "email.potDecision.body.refused":
    "The lead of {consortium} has refused paying from the pot for {offer} for {school}. The order is cancelled and nothing was charged. You can buy it again and pay another way.",

  "email.potRequest.subject": "{school} asks to pay from the {consortium} pot",
  "email.potRequest.heading": "A school asks to pay from the pot",
  "email.potRequest.body":
    "{school} wants to buy {offer} for {amount} and asks for the {consortium} pot to pay. Nothing is charged until you approve or refuse the request.",
  "email.potRequest.button": "Answer the request",

  "email.roleGranted.subject": "{person} has been given the role {role}",
  "email.roleGranted.heading": "Role given: {role}",
  "email.roleGranted.body":
    "{grantedBy} has given {person} ({email}) the role {role} in {organisation}. We tell every administrator of the authority when someone is given a role that can manage people or money.",
  "email.roleGranted.button": "See the members",
  "email.roleGranted.ifNotExpected": "If you did not expect this, check with {grantedBy} and remove the role if it should not have been given.",

  "email.sessionBooked.subject": "Session booked: {offer} on {when}",
  "email.sessionBooked.body": "{provider} has booked a session of {offer} for {school}: {when}, {where}.",
  "email.sessionBooked.delegates": "Name the delegates who will attend on the delivery page. When the session is full, later names join a waiting list.",
  "email.sessionBooked.button": "Name your delegates",

  "email.stripePayment.heading.paid": "Payment received",
  "email.stripePayment.heading.processing": "Payment on its way",
  "email.stripePayment.heading.failed": "Payment failed",
  "email.stripePayment.heading.refunded": "Payment refunded",
  "email.stripePayment.heading.disputed": "Payment disputed",
  "email.stripePayment.subject": "{heading}: invoice {invoice}",
  "email.stripePayment.body.paid": "We have received {amount} from {school} against invoice {invoice}. The invoice shows what is still due, if anything.",
  "email.stripePayment.body.processing":
    "The payment of {amount} against invoice {invoice} has been accepted and the money is on its way: a Bacs Direct Debit or bank transfer takes up to 3 working days. We will email again when it arrives.",
  "email.stripePayment.body.failed":
    "The payment of {amount} against invoice {invoice} did not go through. Nothing was taken; the invoice is still due. You can try again or pay by bank transfer.",
  "email.stripePayment.body.refunded":
    "{amount} paid against invoice {invoice} has been refunded to the card or account it came from. It can take 5 to 10 working days to arrive.",
  "email.stripePayment.body.disputed":
    "The payment of {amount} by {school} against invoice {invoice} has been disputed with the bank. Finance should look at the order and answer the dispute.",
  "email.stripePayment.button": "See the invoice",

  "email.subjectLead.what.need-published": "A call for offers has been published in {subject}",
  "email.subjectLead.what.offer-suspended": "An offer has been suspended in {subject}",
  "email.subjectLead.subject": "{what}: {title}",
  "email.subjectLead.body.need-published": "You are the lead commissioner for {subject}. {by} has published a call for offers “{title}”.",
  "email.subjectLead.body.offer-suspended": "You are the lead commissioner for {subject}. {by} has suspended the offer “{title}”.",
  "email.subjectLead.button": "See it",
};
