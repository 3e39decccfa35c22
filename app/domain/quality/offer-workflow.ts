// The QA workflow of one offer revision, as pure rules: no I/O, unit-tested.
import type { RevisionStatus } from "#db/schema";
import type { OfferSaleState } from "~/domain/catalogue/on-sale";

export type WorkflowEvent = "submit" | "take_review" | "approve" | "request_changes" | "reject" | "withdraw";

const TRANSITIONS: Record<RevisionStatus, Partial<Record<WorkflowEvent, RevisionStatus>>> = {
  draft: { submit: "submitted", withdraw: "withdrawn" },
  submitted: { take_review: "in_review", withdraw: "withdrawn" },
  // A second reviewer taking the same revision leaves it in review.
  in_review: { take_review: "in_review", approve: "approved", request_changes: "changes_requested", reject: "rejected", withdraw: "withdrawn" },
  // The panel asked for changes: the provider answers by editing (a new revision: see editMode) or withdraws.
  // Sending the same revision back unchanged would only earn the same answer.
  changes_requested: { withdraw: "withdrawn" },
  approved: {},
  rejected: {},
  withdrawn: {},
};

export class IllegalTransition extends Error {
  constructor(
    readonly status: RevisionStatus,
    readonly event: WorkflowEvent,
  ) {
    super(`A revision that is ${status.replace("_", " ")} cannot be ${EVENT_PAST[event]}`);
    this.name = "IllegalTransition";
  }
}

const EVENT_PAST: Record<WorkflowEvent, string> = {
  submit: "submitted",
  take_review: "taken for review",
  approve: "approved",
  request_changes: "sent back for changes",
  reject: "rejected",
  withdraw: "withdrawn",
};

/** The status after an event, or an IllegalTransition error for a move the workflow does not allow. */
export function nextStatus(status: RevisionStatus, event: WorkflowEvent): RevisionStatus {
  const next = TRANSITIONS[status][event];
  if (!next) throw new IllegalTransition(status, event);
  return next;
}

export const canTransition = (status: RevisionStatus, event: WorkflowEvent) => TRANSITIONS[status][event] !== undefined;

/**
 * How a provider's edit lands: a draft is edited in place; a revision that has been decided
 * (approved, changes requested, rejected) or withdrawn is kept as the record and the edit makes
 * a new revision; a revision under review cannot be edited.
 */
export function editMode(status: RevisionStatus): "in_place" | "new_revision" | "locked" {
  if (status === "draft") return "in_place";
  if (status === "submitted" || status === "in_review") return "locked";
  return "new_revision";
}

export type ReviewForQuorum = { status: "in_progress" | "submitted" | "withdrawn"; conflictOfInterest: boolean };

export const QUORUM = 2;

/** The reviews that count towards the quorum: submitted, by reviewers without a conflict of interest. */
export function quorumCount(reviews: readonly ReviewForQuorum[]): number {
  return reviews.filter((r) => r.status === "submitted" && !r.conflictOfInterest).length;
}

/** A decision needs at least two reviews that count. */
export function hasQuorum(reviews: readonly ReviewForQuorum[]): boolean {
  return quorumCount(reviews) >= QUORUM;
}

/** How many more reviews that count a decision waits for. */
export function reviewsMissing(reviews: readonly ReviewForQuorum[]): number {
  return Math.max(0, QUORUM - quorumCount(reviews));
}

export type ReviewerMembership = { organisationId: string; role: string };
export type OfferProvider = { providerId: string; providerSchoolId?: string | null };

/**
 * Nobody reviews (or decides) an offer of their own organisation: neither a member of the
 * provider, nor a head whose school is the provider of school-to-school support.
 */
export function canReview({ memberships, offer }: { memberships: readonly ReviewerMembership[]; offer: OfferProvider }): boolean {
  const own = new Set([offer.providerId, offer.providerSchoolId].filter((id): id is string => Boolean(id)));
  return !memberships.some((m) => own.has(m.organisationId));
}

export const APPROVAL_MONTHS = 12;

/** Approval lasts twelve calendar months; 29 February falls back to the last day of the month. */
export function approvalExpiry(approvedAt: Date): Date {
  const months = approvedAt.getUTCMonth() + APPROVAL_MONTHS;
  const year = approvedAt.getUTCFullYear() + Math.floor(months / 12);
  const month = months % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const expiry = new Date(approvedAt.getTime());
  expiry.setUTCFullYear(year, month, Math.min(approvedAt.getUTCDate(), lastDay));
  return expiry;
}

/** An offer whose approval has run out needs a fresh review before it can be sold again. */
export function needsReReview(offer: OfferSaleState, now: Date): boolean {
  return offer.liveRevisionId !== null && offer.approvalExpiresAt !== null && offer.approvalExpiresAt.getTime() <= now.getTime();
}
