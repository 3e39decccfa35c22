import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REVISION_STATUSES, type RevisionStatus } from "#db/schema";
import {
  approvalExpiry,
  canReview,
  canTransition,
  editMode,
  hasQuorum,
  IllegalTransition,
  needsReReview,
  nextStatus,
  type WorkflowEvent,
} from "~/domain/quality/offer-workflow";
import { isOnSale } from "~/domain/catalogue/on-sale";

const EVENTS: WorkflowEvent[] = ["submit", "take_review", "approve", "request_changes", "reject", "withdraw"];

describe("the QA workflow of a revision", () => {
  it("goes draft -> submitted -> in review -> approved", () => {
    let s: RevisionStatus = "draft";
    s = nextStatus(s, "submit");
    expect(s).toBe("submitted");
    s = nextStatus(s, "take_review");
    expect(s).toBe("in_review");
    expect(nextStatus(s, "take_review")).toBe("in_review");
    expect(nextStatus(s, "approve")).toBe("approved");
    expect(nextStatus(s, "request_changes")).toBe("changes_requested");
    expect(nextStatus(s, "reject")).toBe("rejected");
  });

  it("answers changes requested by a new revision, never the same one sent back, and lets pending revisions be withdrawn", () => {
    expect(() => nextStatus("changes_requested", "submit")).toThrow(IllegalTransition);
    for (const s of ["draft", "submitted", "in_review", "changes_requested"] as const) expect(nextStatus(s, "withdraw")).toBe("withdrawn");
  });

  it("refuses to decide what nobody has reviewed, and anything after a final decision", () => {
    expect(() => nextStatus("draft", "approve")).toThrow(IllegalTransition);
    expect(() => nextStatus("submitted", "approve")).toThrow("cannot be approved");
    expect(() => nextStatus("draft", "take_review")).toThrow(IllegalTransition);
    for (const s of ["approved", "rejected", "withdrawn"] as const) for (const e of EVENTS) expect(() => nextStatus(s, e)).toThrow(IllegalTransition);
  });

  it("never reaches approved without passing through in review (any sequence of events)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 12 }), (events) => {
        let s: RevisionStatus = "draft";
        let reviewed = false;
        for (const e of events) {
          if (!canTransition(s, e)) {
            expect(() => nextStatus(s, e)).toThrow(IllegalTransition);
            continue;
          }
          s = nextStatus(s, e);
          if (s === "in_review") reviewed = true;
          if (s === "approved") expect(reviewed).toBe(true);
          expect(REVISION_STATUSES).toContain(s);
        }
      }),
    );
  });

  it("edits a draft in place, keeps decided revisions as the record, and locks one under review", () => {
    expect(editMode("draft")).toBe("in_place");
    expect(editMode("submitted")).toBe("locked");
    expect(editMode("in_review")).toBe("locked");
    for (const s of ["approved", "changes_requested", "rejected", "withdrawn"] as const) expect(editMode(s)).toBe("new_revision");
  });
});

describe("quorum", () => {
  const submitted = { status: "submitted" as const, conflictOfInterest: false };
  it("needs two submitted reviews", () => {
    expect(hasQuorum([])).toBe(false);
    expect(hasQuorum([submitted])).toBe(false);
    expect(hasQuorum([submitted, submitted])).toBe(true);
  });
  it("does not count reviews in progress, withdrawn, or by a conflicted reviewer", () => {
    expect(hasQuorum([submitted, { status: "in_progress", conflictOfInterest: false }])).toBe(false);
    expect(hasQuorum([submitted, { status: "withdrawn", conflictOfInterest: false }])).toBe(false);
    expect(hasQuorum([submitted, { status: "submitted", conflictOfInterest: true }])).toBe(false);
    expect(hasQuorum([submitted, { status: "submitted", conflictOfInterest: true }, submitted])).toBe(true);
  });
});

describe("conflict of interest", () => {
  const offer = { providerId: "provider", providerSchoolId: "school-a" };
  /** Whether someone holding these roles, in these organisations, may review the offer. */
  const reviewsAs = (...memberships: [organisationId: string, role: string][]) =>
    canReview({ memberships: memberships.map(([organisationId, role]) => ({ organisationId, role })), offer });
  it("lets a head of another school review", () => {
    expect(reviewsAs(["school-b", "headteacher"], ["board", "qa_panel_member"])).toBe(true);
  });
  it("refuses a member of the provider", () => {
    expect(reviewsAs(["board", "qa_panel_member"], ["provider", "provider_staff"])).toBe(false);
  });
  it("refuses the head of the school that gives school-to-school support", () => {
    expect(reviewsAs(["school-a", "headteacher"], ["board", "qa_panel_member"])).toBe(false);
  });
  it("ignores a missing provider school", () => {
    expect(canReview({ memberships: [{ organisationId: "board", role: "qa_panel_member" }], offer: { providerId: "provider", providerSchoolId: null } })).toBe(
      true,
    );
  });
});

describe("approval expiry and what is on sale", () => {
  it("lasts twelve months", () => {
    expect(approvalExpiry(new Date("2026-01-05T10:30:00Z")).toISOString()).toBe("2027-01-05T10:30:00.000Z");
    expect(approvalExpiry(new Date("2025-09-30T00:00:00Z")).toISOString()).toBe("2026-09-30T00:00:00.000Z");
    expect(approvalExpiry(new Date("2028-02-29T12:00:00Z")).toISOString()).toBe("2029-02-28T12:00:00.000Z");
  });

  it("is always later than the approval and at most 366 days on", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (d) => {
        const days = (approvalExpiry(d).getTime() - d.getTime()) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(365);
        expect(days).toBeLessThanOrEqual(366);
      }),
    );
  });

  it("sells an approved, unexpired, unsuspended offer only", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const live = { liveRevisionId: "r1", approvalExpiresAt: new Date("2026-06-01T00:00:00Z"), suspendedAt: null };
    expect(isOnSale(live, now)).toBe(true);
    expect(isOnSale({ ...live, liveRevisionId: null }, now)).toBe(false);
    expect(isOnSale({ ...live, suspendedAt: now }, now)).toBe(false);
    expect(isOnSale({ ...live, approvalExpiresAt: now }, now)).toBe(false);
    expect(needsReReview({ ...live, approvalExpiresAt: now }, now)).toBe(true);
    expect(needsReReview(live, now)).toBe(false);
    expect(needsReReview({ ...live, liveRevisionId: null, approvalExpiresAt: null }, now)).toBe(false);
  });
});
