import { eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { lockOffer, peopleWithRole } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { queueEmail } from "~/domain/outbox.server";
import { approvalExpiry, canTransition, hasQuorum, nextStatus } from "./offer-workflow";
import { assertNoOwnInterest, loadRevisionForPanel, panelPowers, reviewsOf } from "./panel.server";
import { t } from "~/i18n";

const { offers, offerRevisions } = schema;

export type Decision =
  | { decision: "approve"; conditions: string | null; comments: string | null }
  | { decision: "request_changes" | "reject"; comments: string };

type DecideOfferOptions = { actor: Actor; authorityId: string; revisionId: string; decision: Decision; appUrl: string; now?: Date };

/**
 * The board's chair (or a commissioner) decides once two reviews are in. Approval puts the
 * revision on sale for twelve months; the provider's admins hear either way.
 */
export async function decideOffer(db: Database, { actor, authorityId, revisionId, decision, appUrl, now = new Date() }: DecideOfferOptions) {
  return db.transaction(async (tx) => {
    await lockOffer(tx, { authorityId, revisionId });
    const { revision, offer, provider } = await loadRevisionForPanel(tx, { authorityId, revisionId });
    if (!(await panelPowers(tx, actor, authorityId)).decider) throw new AppError("FORBIDDEN", t("refusal.quality.chairQaPanelCommissioner"));
    assertNoOwnInterest(actor, provider);
    const event = decision.decision;
    if (!canTransition(revision.status, event)) throw new AppError("INVALID_STATE", t("refusal.quality.offerWaitingDecision"));
    if (!hasQuorum(await reviewsOf(tx, revision.id))) throw new AppError("INVALID_STATE", t("refusal.quality.leastTwoPanelMembers"));
    const status = nextStatus(revision.status, event);
    const conditions = decision.decision === "approve" ? decision.conditions : null;
    const expiresAt = approvalExpiry(now);
    const [decided] = await tx
      .update(offerRevisions)
      .set({ status, decidedAt: now, decidedBy: actor.id, decisionComments: decision.comments, conditions, updatedAt: now })
      .where(eq(offerRevisions.id, revision.id))
      .returning();
    if (status === "approved")
      await tx.update(offers).set({ liveRevisionId: revision.id, approvedAt: now, approvalExpiresAt: expiresAt }).where(eq(offers.id, offer.id));
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: `offer.${status}`,
      entityType: "offer_revision",
      entityId: revision.id,
      before: { status: revision.status, liveRevisionId: offer.liveRevisionId },
      after: {
        status,
        comments: decision.comments,
        conditions,
        ...(status === "approved" ? { liveRevisionId: revision.id, approvalExpiresAt: expiresAt.toISOString() } : {}),
      },
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
          expiresOn: status === "approved" ? expiresAt.toISOString() : null,
          url: `${appUrl}/provider/offers/${offer.id}`,
        },
      });
    return decided;
  });
}
