import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { peopleWithRole } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { formatDate } from "~/format";
import { approvalExpiry, canTransition, hasQuorum, nextStatus } from "./offer-workflow";
import { assertNoOwnInterest, loadRevisionForPanel, panelPowers, reviewsOf } from "./panel.server";

const { offers, offerRevisions } = schema;

export type Decision = { decision: "approve"; conditions: string | null; comments: string | null } | { decision: "request_changes" | "reject"; comments: string };

/**
 * The board's chair (or a commissioner) decides once two reviews are in. Approval puts the
 * revision on sale for twelve months; the provider's admins hear either way.
 */
export async function decideOffer(db: Database, { actor, authorityId, revisionId, decision, appUrl, now = new Date() }: { actor: Actor; authorityId: string; revisionId: string; decision: Decision; appUrl: string; now?: Date }) {
  const { revision, offer, provider } = await loadRevisionForPanel(db, { authorityId, revisionId });
  if (!(await panelPowers(db, actor, authorityId)).decider) throw new AppError("FORBIDDEN", "Only the chair of the QA panel or a commissioner can decide");
  assertNoOwnInterest(actor, provider);
  const event = decision.decision;
  if (!canTransition(revision.status, event)) throw new AppError("INVALID_STATE", "This offer is not waiting for a decision");
  if (!hasQuorum(await reviewsOf(db, revision.id))) throw new AppError("INVALID_STATE", "At least two panel members without a conflict of interest must submit their reviews first");
  const status = nextStatus(revision.status, event);
  const conditions = decision.decision === "approve" ? decision.conditions : null;
  const expiresAt = approvalExpiry(now);
  return db.transaction(async (tx) => {
    const [decided] = await tx
      .update(offerRevisions)
      .set({ status, decidedAt: now, decidedBy: actor.id, decisionComments: decision.comments, conditions, updatedAt: now })
      .where(and(eq(offerRevisions.id, revision.id), eq(offerRevisions.status, revision.status)))
      .returning();
    // Two deciders at once: the second finds the revision already decided.
    if (!decided) throw new AppError("INVALID_STATE", "This offer has just been decided by someone else");
    if (status === "approved")
      await tx.update(offers).set({ liveRevisionId: revision.id, approvedAt: now, approvalExpiresAt: expiresAt }).where(eq(offers.id, offer.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: `offer.${status}`,
      entityType: "offer_revision",
      entityId: revision.id,
      before: { status: revision.status, liveRevisionId: offer.liveRevisionId },
      after: { status, comments: decision.comments, conditions, ...(status === "approved" ? { liveRevisionId: revision.id, approvalExpiresAt: expiresAt.toISOString() } : {}) },
    });
    for (const admin of await peopleWithRole(tx, { organisationIds: [provider.id], roles: ["provider_admin"] }))
      await queueEmail(tx, {
        to: admin.email,
        template: "offer-decision",
        authorityId,
        props: {
          name: admin.name,
          offerTitle: revision.title,
          decision: status as "approved" | "changes_requested" | "rejected",
          comments: decision.comments,
          conditions,
          expiresOn: status === "approved" ? formatDate(expiresAt) : null,
          url: `${appUrl}/provider/offers/${offer.id}`,
        },
      });
    return decided;
  });
}
