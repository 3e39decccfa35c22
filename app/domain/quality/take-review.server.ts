import { and, eq } from "drizzle-orm";
import { schema, type Database } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { audit } from "~/domain/audit.server";
import { lockOffer } from "~/domain/catalogue/offers.server";
import { AppError } from "~/domain/errors";
import { canTransition, nextStatus } from "./offer-workflow";
import { assertNoOwnInterest, loadRevisionForPanel, panelSeats } from "./panel.server";
import { t } from "~/i18n";

const { offerRevisions, qaReviews } = schema;

/** A panel member takes a revision for review: the revision moves to in review and their review starts. */
export async function takeReview(
  db: Database,
  { actor, authorityId, revisionId, now = new Date() }: { actor: Actor; authorityId: string; revisionId: string; now?: Date },
) {
  return db.transaction(async (tx) => {
    await lockOffer(tx, { authorityId, revisionId });
    const { revision, provider } = await loadRevisionForPanel(tx, { authorityId, revisionId });
    if ((await panelSeats(tx, actor, authorityId)).length === 0) throw new AppError("FORBIDDEN", t("refusal.quality.qaPanelMembersReview"));
    assertNoOwnInterest(actor, provider);
    if (!canTransition(revision.status, "take_review")) throw new AppError("INVALID_STATE", t("refusal.quality.offerWaitingReview"));
    const status = nextStatus(revision.status, "take_review");
    const [existing] = await tx
      .select()
      .from(qaReviews)
      .where(and(eq(qaReviews.revisionId, revision.id), eq(qaReviews.reviewerId, actor.id)));
    if (existing) return existing;
    if (status !== revision.status) await tx.update(offerRevisions).set({ status, updatedAt: now }).where(eq(offerRevisions.id, revision.id));
    const [review] = await tx.insert(qaReviews).values({ authorityId, revisionId: revision.id, reviewerId: actor.id, createdAt: now }).returning();
    await audit(tx, {
      authorityId,
      actorUserId: actor.id,
      action: "review.taken",
      entityType: "offer_revision",
      entityId: revision.id,
      before: { status: revision.status },
      after: { status, reviewId: review.id },
    });
    return review;
  });
}
