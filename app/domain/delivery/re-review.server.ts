// A poorly rated offer goes back to the QA panel: its approved content is copied into a revision
// the panel reviews (the approved one stays on sale meanwhile), and its lead commissioner is told.
import { eq } from "drizzle-orm";
import { schema, type Tx } from "~/db.server";
import { audit } from "~/domain/audit.server";
import { boardIds, contentColumns, lockOffer, peopleWithRole } from "~/domain/catalogue/offers.server";
import { revisionFields } from "~/domain/catalogue/offer-schema";
import { queueEmails } from "~/domain/purchasing/notify.server";
import { commissionersToTell } from "~/domain/subject-leads/subject-leads.server";
import { averageRating, DEFAULT_RATING_SETTINGS, triggersReReview, type RatingSettings, type RatingTotals } from "./rules";

const { offers, offerRevisions, offerRatings, ratingSettings, organisations } = schema;

export async function ratingSettingsOf(tx: Pick<Tx, "select">, authorityId: string): Promise<RatingSettings> {
  const [row] = await tx
    .select({ thresholdHundredths: ratingSettings.thresholdHundredths, minEvaluations: ratingSettings.minEvaluations })
    .from(ratingSettings)
    .where(eq(ratingSettings.authorityId, authorityId));
  return row ?? DEFAULT_RATING_SETTINGS;
}

/** After an evaluation changed the offer's totals: send it back to the panel if the rule says so. Returns whether it did. */
export async function reReviewIfPoor(
  tx: Tx,
  { authorityId, offerId, totals, appUrl, now }: { authorityId: string; offerId: string; totals: RatingTotals; appUrl: string; now: Date },
) {
  await lockOffer(tx, { authorityId, offerId });
  const [offer] = await tx.select().from(offers).where(eq(offers.id, offerId));
  const [rating] = await tx.select({ reReviewRequestedAt: offerRatings.reReviewRequestedAt }).from(offerRatings).where(eq(offerRatings.offerId, offerId));
  const settings = await ratingSettingsOf(tx, authorityId);
  if (!offer?.liveRevisionId || !triggersReReview({ totals, settings, reReviewRequestedAt: rating?.reReviewRequestedAt ?? null, approvedAt: offer.approvedAt }))
    return false;

  const [live] = await tx.select().from(offerRevisions).where(eq(offerRevisions.id, offer.liveRevisionId));
  const [latest] = offer.latestRevisionId ? await tx.select().from(offerRevisions).where(eq(offerRevisions.id, offer.latestRevisionId)) : [live];
  // A revision already with the panel (or a draft the provider is writing) is what the panel will see next; otherwise the approved content goes back.
  let revisionId = latest.id;
  if (latest.id === live.id || latest.status === "rejected" || latest.status === "withdrawn") {
    const [revision] = await tx
      .insert(offerRevisions)
      .values({
        offerId,
        authorityId,
        number: latest.number + 1,
        ...contentColumns(revisionFields(live)),
        status: "submitted",
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.update(offers).set({ latestRevisionId: revision.id }).where(eq(offers.id, offerId));
    revisionId = revision.id;
  }
  await tx.update(offerRatings).set({ reReviewRequestedAt: now }).where(eq(offerRatings.offerId, offerId));
  const average = (averageRating(totals) ?? 0).toFixed(1);
  const threshold = (settings.thresholdHundredths / 100).toFixed(1);
  await audit(tx, {
    authorityId,
    actorUserId: null,
    action: "offer.re_review_requested",
    entityType: "offer",
    entityId: offerId,
    organisationId: offer.providerId,
    before: { revisionId: live.id },
    after: { revisionId, average, evaluations: totals.evaluations, threshold },
  });

  const [provider] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, offer.providerId));
  const common = { offerTitle: live.title, providerName: provider?.name ?? "", average, evaluations: totals.evaluations, threshold };
  const commissioners = await commissionersToTell(tx, authorityId, live.subjectAreas);
  const admins = await peopleWithRole(tx, { organisationIds: [offer.providerId], roles: ["provider_admin"] });
  const reviewers = await peopleWithRole(tx, { organisationIds: await boardIds(tx, authorityId), roles: ["qa_panel_member"] });
  await queueEmails(tx, authorityId, "offer-re-review", [
    ...commissioners.map((c) => ({
      to: c.email,
      props: { ...common, name: c.name, audience: "commissioner" as const, url: new URL(`/commissioning/offers/${offerId}`, appUrl).toString() },
    })),
    ...admins.map((a) => ({
      to: a.email,
      props: { ...common, name: a.name, audience: "provider" as const, url: new URL(`/provider/offers/${offerId}`, appUrl).toString() },
    })),
  ]);
  if (revisionId !== latest.id)
    await queueEmails(
      tx,
      authorityId,
      "offer-submitted",
      reviewers.map((r) => ({
        to: r.email,
        props: {
          reviewerName: r.name,
          offerTitle: live.title,
          providerName: provider?.name ?? "",
          revisionNumber: latest.number + 1,
          url: new URL(`/qa/reviews/${revisionId}`, appUrl).toString(),
        },
      })),
    );
  return true;
}
