// Who sits on the QA panel, and the revisions it sees.
import { and, asc, eq, inArray } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { isUuid } from "~/domain/ids";
import { boardIds } from "~/domain/catalogue/offers.server";
import { AppError, notFound } from "~/domain/errors";
import { canReview, hasQuorum, quorumCount } from "./offer-workflow";
import { t } from "~/i18n";

const { offers, offerRevisions, organisations, providers, qaReviews } = schema;

/** The actor's panel seats: qa_panel_member memberships on this authority's improvement boards. */
export async function panelSeats(db: Queryable, actor: Actor, authorityId: string) {
  const boards = new Set(await boardIds(db, authorityId));
  return actor.grants.filter((g) => g.role === "qa_panel_member" && g.authorityId === authorityId && boards.has(g.organisationId));
}

/** Panel members review; the chair of a board's panel or a commissioner decides. */
export async function panelPowers(db: Queryable, actor: Actor, authorityId: string) {
  const seats = await panelSeats(db, actor, authorityId);
  const commissioner = can(actor.grants, "decide:offer", { authorityId });
  return { reviewer: seats.length > 0, decider: commissioner || seats.some((s) => s.chair), sees: seats.length > 0 || commissioner };
}

export async function requirePanelAccess(db: Queryable, actor: Actor, authorityId: string) {
  const powers = await panelPowers(db, actor, authorityId);
  if (!powers.sees) throw new AppError("FORBIDDEN", t("refusal.quality.qaPanelMembersCommissioners"));
  return powers;
}

/** A revision of this authority with its offer and provider; NOT_FOUND for anything else. */
export async function loadRevisionForPanel(db: Queryable, { authorityId, revisionId }: { authorityId: string; revisionId: string }) {
  if (!isUuid(revisionId)) throw notFound(t("refusal.quality.reviewNotFound"));
  const [row] = await db
    .select({
      revision: offerRevisions,
      offer: offers,
      provider: {
        id: providers.organisationId,
        name: organisations.name,
        kind: providers.providerKind,
        schoolId: providers.schoolId,
        verifiedAt: providers.verifiedAt,
      },
    })
    .from(offerRevisions)
    .innerJoin(offers, eq(offers.id, offerRevisions.offerId))
    .innerJoin(providers, eq(providers.organisationId, offers.providerId))
    .innerJoin(organisations, eq(organisations.id, providers.organisationId))
    .where(and(eq(offerRevisions.id, revisionId), eq(offerRevisions.authorityId, authorityId), eq(offers.authorityId, authorityId)));
  if (!row) throw notFound(t("refusal.quality.reviewNotFound"));
  return row;
}

/** Nobody reviews or decides an offer of their own organisation (or their school's support). */
export function assertNoOwnInterest(actor: Actor, provider: { id: string; schoolId: string | null }) {
  if (!canReview({ memberships: actor.grants, offer: { providerId: provider.id, providerSchoolId: provider.schoolId } }))
    throw new AppError("FORBIDDEN", t("refusal.quality.cannotReviewDecideOffer"));
}

export const reviewsOf = (db: Queryable, revisionId: string) =>
  db
    .select({
      id: qaReviews.id,
      reviewerId: qaReviews.reviewerId,
      reviewerName: schema.users.name,
      status: qaReviews.status,
      conflictOfInterest: qaReviews.conflictOfInterest,
      conflictNote: qaReviews.conflictNote,
      scores: qaReviews.scores,
      comments: qaReviews.comments,
      overallComment: qaReviews.overallComment,
      recommendation: qaReviews.recommendation,
      submittedAt: qaReviews.submittedAt,
    })
    .from(qaReviews)
    .innerJoin(schema.users, eq(schema.users.id, qaReviews.reviewerId))
    .where(eq(qaReviews.revisionId, revisionId))
    .orderBy(asc(qaReviews.createdAt));

/**
 * The panel's queue: this authority's revisions waiting for review or a decision, without
 * the offers of the actor's own organisations (or their schools' school-to-school support).
 */
export async function reviewQueue(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  const ownOrganisations = actor.grants.map((g) => g.organisationId);
  const rows = await db
    .select({
      revisionId: offerRevisions.id,
      offerId: offers.id,
      number: offerRevisions.number,
      title: offerRevisions.title,
      status: offerRevisions.status,
      submittedAt: offerRevisions.submittedAt,
      providerId: providers.organisationId,
      providerName: organisations.name,
      providerSchoolId: providers.schoolId,
    })
    .from(offerRevisions)
    .innerJoin(offers, eq(offers.id, offerRevisions.offerId))
    .innerJoin(providers, eq(providers.organisationId, offers.providerId))
    .innerJoin(organisations, eq(organisations.id, providers.organisationId))
    .where(and(eq(offerRevisions.authorityId, authorityId), eq(offers.authorityId, authorityId), inArray(offerRevisions.status, ["submitted", "in_review"])))
    .orderBy(asc(offerRevisions.submittedAt));
  const queued = rows.filter((r) => !ownOrganisations.includes(r.providerId) && !(r.providerSchoolId && ownOrganisations.includes(r.providerSchoolId)));
  const reviews = queued.length
    ? await db
        .select({
          revisionId: qaReviews.revisionId,
          reviewerId: qaReviews.reviewerId,
          status: qaReviews.status,
          conflictOfInterest: qaReviews.conflictOfInterest,
        })
        .from(qaReviews)
        .where(
          inArray(
            qaReviews.revisionId,
            queued.map((r) => r.revisionId),
          ),
        )
    : [];
  return queued.map((r) => {
    const its = reviews.filter((review) => review.revisionId === r.revisionId);
    return { ...r, submittedReviews: quorumCount(its), quorum: hasQuorum(its), myReview: its.find((review) => review.reviewerId === actor.id)?.status ?? null };
  });
}

/** For the home page: revisions waiting for this panel member's review. */
export async function pendingReviewCount(db: Queryable, user: Actor & { acting: { authorityId: string } | null }) {
  if (!user.acting) return 0;
  const powers = await panelPowers(db, user, user.acting.authorityId);
  if (!powers.reviewer) return 0;
  const queue = await reviewQueue(db, { actor: user, authorityId: user.acting.authorityId });
  return queue.filter((r) => r.myReview !== "submitted").length;
}

/** For the home page: revisions with a quorum, waiting for this chair's or commissioner's decision. */
export async function pendingDecisionCount(db: Queryable, user: Actor & { acting: { authorityId: string } | null }) {
  if (!user.acting) return 0;
  const powers = await panelPowers(db, user, user.acting.authorityId);
  if (!powers.decider) return 0;
  const queue = await reviewQueue(db, { actor: user, authorityId: user.acting.authorityId });
  return queue.filter((r) => r.status === "in_review" && r.quorum).length;
}
